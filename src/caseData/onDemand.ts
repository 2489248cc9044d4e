import { useCallback, useRef, useState, useSyncExternalStore } from 'react';

export type ChunkState<T> = { readonly kind: 'idle' | 'loading' | 'failed' } | { readonly kind: 'loaded'; readonly module: T };

/**
 * A part of the grid that most chats never show (Add field's form, the ended-chat list)
 * is a chunk of its own: the first paint's 100 kB go to what every chat shows. It is
 * fetched once the grid has painted (`preload`), so it is at hand when needed even if the
 * network has gone by then, and loaded at the latest when first needed (`useChunk().load`).
 * A failed load (offline, a redeployed bundle) is a state to show with a retry, never a
 * thrown error that would take the grid down with it; each `load()` after a failure tries
 * again, under a new address (vite.config.ts, importWithoutPreload: a browser may keep a failed
 * module for the page, Chromium 150 does). Once loaded, every grid has it at once.
 */
export function onDemand<T>(importChunk: () => Promise<T>) {
  type Loaded = { readonly kind: 'loaded'; readonly module: T };
  let loaded: Loaded | null = null;
  // One import at a time: the preload and a cell that opens meanwhile wait for the same one.
  let importing: Promise<Loaded> | null = null;
  // Components that render with the module once it is there, or without it once it has failed (useLoaded).
  const waiting = new Set<() => void>();
  let failed = false;
  const settled = (asFailed: boolean) => {
    failed = asFailed;
    waiting.forEach((rerender) => rerender());
  };
  const subscribe = (rerender: () => void) => {
    waiting.add(rerender);
    return () => waiting.delete(rerender);
  };
  const fetchChunk = () =>
    (importing ??= importChunk().then(
      (module) => {
        loaded = { kind: 'loaded', module };
        settled(false);
        return loaded;
      },
      (error: unknown) => {
        importing = null;
        settled(true);
        throw error;
      },
    ));
  return {
    preload(): void {
      if (!loaded) fetchChunk().catch(() => undefined);
    },
    /** Runs `use` with the module: at once, in the same task, when it is loaded; else once it is. */
    use(use: (module: T) => void, failed: () => void): void {
      if (loaded) use(loaded.module);
      else fetchChunk().then((chunk) => use(chunk.module), failed);
    },
    /**
     * The module once loaded, 'failed' once a load has failed (until one succeeds), null until
     * then; rendered again at each: for a component that `use`s it as it renders.
     */
    useLoaded: (): T | 'failed' | null => useSyncExternalStore(subscribe, () => loaded?.module ?? (failed ? 'failed' : null)),
    useChunk(): { readonly chunk: ChunkState<T>; load(): void } {
      const [chunk, setChunk] = useState<ChunkState<T>>(() => loaded ?? { kind: 'idle' });
      const loading = useRef(false);
      const load = useCallback(() => {
        if (loaded) return setChunk(loaded);
        if (loading.current) return;
        loading.current = true;
        setChunk({ kind: 'loading' });
        fetchChunk().then(setChunk, () => {
          loading.current = false;
          setChunk({ kind: 'failed' });
        });
      }, []);
      // Loaded meanwhile by someone else (a preload): at hand at once, not after an effect's load().
      return { chunk: loaded ?? chunk, load };
    },
  };
}
