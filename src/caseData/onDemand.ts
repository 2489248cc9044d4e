import { useCallback, useRef, useState } from 'react';

export type ChunkState<T> = { readonly kind: 'idle' | 'loading' | 'failed' } | { readonly kind: 'loaded'; readonly module: T };

/**
 * A part of the grid that most chats never show (Add field's form, the ended-chat list)
 * is a chunk of its own, loaded when first needed: the first paint's 100 kB go to what
 * every chat shows. A failed load (offline, a redeployed bundle) is a state to show with
 * a retry, never a thrown error that would take the grid down with it; each `load()`
 * after a failure tries again. Once loaded, every grid after it has the chunk at once.
 */
export function onDemand<T>(importChunk: () => Promise<T>): () => { readonly chunk: ChunkState<T>; load(): void } {
  let loaded: { readonly kind: 'loaded'; readonly module: T } | null = null;
  return function useChunk() {
    const [chunk, setChunk] = useState<ChunkState<T>>(() => loaded ?? { kind: 'idle' });
    const loading = useRef(false);
    const load = useCallback(() => {
      if (loaded) return setChunk(loaded);
      if (loading.current) return;
      loading.current = true;
      setChunk({ kind: 'loading' });
      importChunk().then(
        (module) => {
          loaded = { kind: 'loaded', module };
          setChunk(loaded);
        },
        () => {
          loading.current = false;
          setChunk({ kind: 'failed' });
        },
      );
    }, []);
    return { chunk, load };
  };
}
