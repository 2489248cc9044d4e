// Small statistics: percentiles by linear interpolation between closest ranks (the common
// "type 7"), so p95 of 60 samples is not simply the maximum.

import type { Summary } from './model';

export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? NaN;
  const highValue = sorted[high] ?? NaN;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function summarize(values: readonly number[]): Summary {
  const finite = values.filter(Number.isFinite);
  return {
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    n: finite.length,
  };
}

/** Deterministic PRNG (mulberry32): the same chat data in every run and variant. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
