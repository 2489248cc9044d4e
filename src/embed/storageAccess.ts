// Inside a CRM on another site, browsers partition or block the widget's cookies and
// storage, and GWS needs its JSESSIONID cookie. Rather than fail silently with "Session
// expired", the widget checks what it can, and offers the agent a pop-out window, which is
// first-party and so gets the cookie.


export type StorageCheck =
  | { readonly kind: 'ok' }
  | { readonly kind: 'blocked'; readonly what: 'cookies' | 'storage' }
  /** Cookies may work once the agent grants access (Storage Access API, needs a click). */
  | { readonly kind: 'needs-permission' };

type StorageAccessDocument = Document & {
  hasStorageAccess?: () => Promise<boolean>;
  requestStorageAccess?: () => Promise<void>;
};

export async function checkStorageAccess(win: Window): Promise<StorageCheck> {
  if (!win.navigator.cookieEnabled) return { kind: 'blocked', what: 'cookies' };
  try {
    // Reading the property is what throws (SecurityError) when storage is blocked.
    const storage = win.localStorage;
    storage.getItem('case-data-panel:probe');
  } catch {
    return { kind: 'blocked', what: 'storage' };
  }
  const doc: StorageAccessDocument = win.document;
  if (typeof doc.hasStorageAccess !== 'function') return { kind: 'ok' };
  try {
    return (await doc.hasStorageAccess()) ? { kind: 'ok' } : { kind: 'needs-permission' };
  } catch {
    return { kind: 'ok' };
  }
}

/** Must run in a click handler: browsers grant storage access only on a user gesture. */
export async function requestStorageAccess(win: Window): Promise<boolean> {
  const doc: StorageAccessDocument = win.document;
  if (typeof doc.requestStorageAccess !== 'function') return false;
  try {
    await doc.requestStorageAccess();
    return true;
  } catch {
    return false;
  }
}

export { popOutUrl, type PopOutState } from './popOut';

export function openPopOut(win: Window, url: string): void {
  // noopener: the pop-out is a separate, first-party window; it needs nothing from us.
  win.open(url, 'case-data-panel', 'noopener,width=440,height=760');
}
