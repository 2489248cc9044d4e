import { useEffect, useState } from 'react';
import { afterNextPaint } from '../shared/afterNextPaint';

type Embedding = typeof import('./Embedding');

const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

const loadEmbedding = (): Promise<Embedding> => import('./Embedding');
let loaded: Embedding | null = null;

/**
 * The embedded panel's own code (Embedding.tsx), loaded once the panel has painted: the
 * host hears `ready` a moment later, the agent sees case data sooner. A failed load
 * (a redeployed bundle, a network blip) is tried again after 1 s, 2 s, 4 s… (at most
 * 30 s), for as long as the panel is open; until then the panel works as it does
 * standalone. `load` is the import, a parameter so that schedule can be tested.
 */
export function useEmbedding(wanted: boolean, load: () => Promise<Embedding> = loadEmbedding): Embedding | null {
  const [embedding, setEmbedding] = useState(loaded);
  useEffect(() => {
    if (!wanted || embedding) return;
    let alive = true;
    let retryMs = RETRY_FIRST_MS;
    // One attempt at a time: the first after the first paint, each next one scheduled by a failure.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      load().then(
        (module) => {
          loaded = module;
          if (alive) setEmbedding(module);
        },
        (error: unknown) => {
          if (!alive) return;
          console.warn(`Case Data Panel: the embedding code did not load; trying again in ${retryMs / 1000} s.`, error);
          timer = setTimeout(attempt, retryMs);
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        },
      );
    };
    const cancelFirst = afterNextPaint(attempt);
    return () => {
      alive = false;
      cancelFirst();
      clearTimeout(timer);
    };
  }, [wanted, embedding, load]);
  return embedding;
}
