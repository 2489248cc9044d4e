// What every scenario gets: the browser, the simulator, the collector and the sizes for the
// chosen mode. Sizes live here so that `--quick` and the smoke test shrink every scenario.

import type { Browser } from '@playwright/test';
import { FLOOR, PANEL, VARIANTS, type AppId, type BenchMode, type Collector, type VariantId } from './model';
import { freshChat } from './sim';

export type BenchSettings = {
  readonly coldKeys: number;
  readonly coldLoads: number;
  readonly firstRenderSizes: readonly number[];
  readonly firstRenderLoads: number;
  readonly notifySizes: readonly number[];
  readonly notifySamples: number;
  readonly typingKeys: number;
  readonly typingChars: number;
  readonly loadPerSecond: number;
  readonly memoryKeys: number;
  readonly memoryBaseline: number;
  readonly memoryTotal: number;
  readonly memoryRuns: number;
  readonly editKeys: number;
  readonly editSamples: number;
};

/** `runs` repeats the interactive scenarios; page loads, being cheap and noisier, get more. */
export function settingsFor(mode: BenchMode, runs: number): BenchSettings {
  if (mode === 'smoke') {
    return {
      coldKeys: 10, coldLoads: 1, firstRenderSizes: [10], firstRenderLoads: 1, notifySizes: [10], notifySamples: 3,
      typingKeys: 10, typingChars: 4, loadPerSecond: 50, memoryKeys: 10, memoryBaseline: 5, memoryTotal: 30,
      memoryRuns: 1, editKeys: 10, editSamples: 2,
    };
  }
  const quick = mode === 'quick';
  return {
    coldKeys: 50,
    // Nine cold loads at the default 3 runs: with five, one variant's median moved by 20% from
    // one full run to the next (single loads at 4x CPU ranged 93-210 ms for the same build).
    coldLoads: quick ? 2 : 2 * runs + 3,
    firstRenderSizes: [100, 1000, 10_000],
    firstRenderLoads: quick ? 2 : 2 * runs + 3,
    notifySizes: [100, 1000],
    notifySamples: quick ? 30 : 60,
    typingKeys: 1000,
    typingChars: quick ? 30 : 60,
    loadPerSecond: 50,
    memoryKeys: 100,
    memoryBaseline: 100,
    memoryTotal: quick ? 2000 : 10_000,
    memoryRuns: 1,
    editKeys: 100,
    editSamples: quick ? 8 : 15,
  };
}

export type Bench = {
  readonly browser: Browser;
  /** The simulator serving bench/dist, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly collect: Collector;
  readonly settings: BenchSettings;
  readonly runs: number;
  log(line: string): void;
  freshChat(keys: number): Promise<string>;
  /** Variants in a rotated order per repetition, so drift does not favour one of them. */
  variants(repetition: number): VariantId[];
  /** The same, with the floor reference (scenarios 1-3). */
  withFloor(repetition: number): AppId[];
  /** The same, with the floor and the whole panel (scenarios 1 and 2). */
  withReferences(repetition: number): AppId[];
};

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, index) => items[(index + by) % items.length] as T);

export function createBench(parts: Omit<Bench, 'freshChat' | 'variants' | 'withFloor' | 'withReferences'>): Bench {
  const ids: VariantId[] = VARIANTS.map((variant) => variant.id);
  return {
    ...parts,
    freshChat: (keys) => freshChat(parts.url, keys),
    variants: (repetition) => rotate(ids, repetition),
    withFloor: (repetition) => rotate<AppId>([...ids, FLOOR.id], repetition),
    withReferences: (repetition) => rotate<AppId>([...ids, FLOOR.id, PANEL.id], repetition),
  };
}
