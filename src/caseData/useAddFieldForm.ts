import { useCallback, useRef, useState } from 'react';

type AddFieldFormModule = typeof import('./AddFieldForm');

export type AddFieldFormState =
  | { readonly kind: 'idle' | 'loading' }
  | { readonly kind: 'loaded'; readonly AddFieldForm: AddFieldFormModule['AddFieldForm'] }
  | { readonly kind: 'failed' };

// Once loaded, every grid after it (another chat, a remount) has the form at once.
let loaded: AddFieldFormModule | null = null;

/**
 * Add field's form is its own chunk, loaded when the agent points at the button or opens
 * it: most chats never add a key, and the first paint's 100 kB are spent on what every
 * chat shows. A failed load (offline, a redeployed bundle) is a state the grid shows with
 * a retry, never a thrown error that would take the grid down with it; each `load()`
 * after a failure tries again.
 */
export function useAddFieldForm(): { readonly state: AddFieldFormState; load(): void } {
  const [state, setState] = useState<AddFieldFormState>(() => (loaded ? { kind: 'loaded', AddFieldForm: loaded.AddFieldForm } : { kind: 'idle' }));
  const loading = useRef(false);
  const load = useCallback(() => {
    const ready = loaded;
    if (ready) return setState((current) => (current.kind === 'loaded' ? current : { kind: 'loaded', AddFieldForm: ready.AddFieldForm }));
    if (loading.current) return;
    loading.current = true;
    setState({ kind: 'loading' });
    import('./AddFieldForm').then(
      (module) => {
        loaded = module;
        setState({ kind: 'loaded', AddFieldForm: module.AddFieldForm });
      },
      () => {
        loading.current = false;
        setState({ kind: 'failed' });
      },
    );
  }, []);
  return { state, load };
}
