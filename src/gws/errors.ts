import type { Issue } from './schema';
import { formatIssues } from './schema';

/** Every way a GWS request can fail, as a value the UI can switch on. */
export type GwsError =
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'http'; readonly status: number; readonly message: string }
  | { readonly kind: 'status-code'; readonly statusCode: number; readonly statusMessage: string }
  | { readonly kind: 'invalid-payload'; readonly message: string; readonly issues: readonly Issue[] }
  | { readonly kind: 'session-expired'; readonly message: string }
  | { readonly kind: 'csrf'; readonly message: string };

/**
 * react-query wants a thrown value; this carries the typed error so callers narrow on
 * `error.detail.kind` instead of parsing messages.
 */
export class GwsRequestError extends Error {
  readonly detail: GwsError;
  constructor(detail: GwsError) {
    super(describeGwsError(detail));
    this.name = 'GwsRequestError';
    this.detail = detail;
  }
}

/** Documented GWS statusCode meanings (Return Values page). */
const STATUS_CODE_MEANINGS: Readonly<Record<number, string>> = {
  1: 'Required parameter missing',
  2: 'Not valid in the current state',
  3: 'Operation forbidden',
  4: 'Internal error',
  5: 'No permission',
  6: 'Not found',
  7: 'Partial success',
  20: 'Not authenticated',
};

export function describeGwsError(error: GwsError): string {
  switch (error.kind) {
    case 'network':
      return `Cannot reach the server: ${error.message}`;
    case 'timeout':
      return `The server did not answer within ${Math.round(error.afterMs / 1000)} s`;
    case 'http': {
      // "HTTP 502: 502 Bad Gateway" says the status twice; the page's text alone is enough then.
      const message = error.message.replace(new RegExp(`^${error.status}\\b\\s*`), '');
      return `Server error HTTP ${error.status}${message ? `: ${message}` : ''}`;
    }
    case 'status-code': {
      const meaning = STATUS_CODE_MEANINGS[error.statusCode] ?? 'Error';
      const message = error.statusMessage.toLowerCase().startsWith(meaning.toLowerCase())
        ? error.statusMessage.slice(meaning.length).replace(/^[\s:.-]+/, '')
        : error.statusMessage;
      return `${meaning} (statusCode ${error.statusCode})${message ? `: ${message}` : ''}`;
    }
    case 'invalid-payload':
      return `Unexpected answer from the server: ${error.message}${error.issues.length ? ` (${formatIssues(error.issues, 3)})` : ''}`;
    case 'session-expired':
      return `Session expired: ${error.message}`;
    case 'csrf':
      return `Request refused by CSRF protection: ${error.message}`;
  }
}

export function toGwsError(error: unknown): GwsError {
  if (error instanceof GwsRequestError) return error.detail;
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
