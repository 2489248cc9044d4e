import { useEffect, useState } from 'react';

type Embedding = typeof import('./Embedding');

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** A frame that is not rendered (hidden, zero-sized) gets no animation frames. */
const HIDDEN_FRAME_START_MS = 300;

let loaded: Embedding | null = null;

/**
 * The embedded panel's own code (Embedding.tsx), loaded once the panel has painted: the
 * host hears `ready` a moment later, the agent sees case data sooner. A failed load
 * (a redeployed bundle, a network blip) is tried again with a growing pause, for as long
 * as the panel is open; until then the panel works as it does standalone.
 */
export function useEmbedding(wanted: boolean): Embedding | null {
  const [embedding, setEmbedding] = useState(loaded);
  useEffect(() => {
    if (!wanted || embedding) return;
    let alive = true;
    let retryMs = RETRY_FIRST_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let started = false;
    const load = () => {
      if (started || !alive) return;
      started = true;
      import('./Embedding').then(
        (module) => {
          loaded = module;
          if (alive) setEmbedding(module);
        },
        (error: unknown) => {
          console.warn(`Case Data Panel: the embedding code did not load; trying again in ${retryMs / 1000} s.`, error);
          started = false;
          timer = setTimeout(load, retryMs);
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        },
      );
    };
    // Animation frame callbacks run before that frame's paint; a task queued from one runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(load, 0);
    });
    const fallback = setTimeout(load, HIDDEN_FRAME_START_MS);
    return () => {
      alive = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [wanted, embedding]);
  return embedding;
}
