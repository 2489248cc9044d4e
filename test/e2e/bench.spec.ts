import { expect, test } from '@playwright/test';
import { PANEL, VARIANTS } from '../../bench/harness/model';
import { runBench } from '../../bench/harness/runBench';

// The benchmark harness, once through every scenario at a tiny size, so it cannot rot.
// Benchmarks are not tests: nothing here asserts a timing, only that each scenario
// produced a finite figure for every variant (ours and both peer grids).
test('bench harness: every scenario yields figures for every variant (smoke, no timing assertions)', async () => {
  test.setTimeout(240_000);
  const results = await runBench({ mode: 'smoke', runs: 1, resultsDir: null, log: () => {} });

  const scenarios = new Set(results.metrics.map((metric) => metric.scenario));
  expect([...scenarios].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  for (const metric of results.metrics) {
    for (const variant of VARIANTS) {
      const values = metric.runs[variant.id];
      expect(values.length, `${metric.id} / ${variant.id}`).toBeGreaterThan(0);
      for (const value of values) expect(Number.isFinite(value), `${metric.id} / ${variant.id} = ${value}`).toBe(true);
    }
  }
  // The shipped panel is measured for bytes and the cold iframe load, so its build cannot rot either.
  for (const id of ['bytes.js.gzip', 'cold.iframe']) {
    const values = results.metrics.find((metric) => metric.id === id)?.[PANEL.id] ?? [];
    expect(values.length, `${id} / ${PANEL.id}`).toBeGreaterThan(0);
    for (const value of values) expect(Number.isFinite(value), `${id} / ${PANEL.id} = ${value}`).toBe(true);
  }
  // Scenario 6 splits the heap's growth with heap snapshots (which must find compiled code,
  // or heapCodeBytes throws): both parts are there for every variant and the floor.
  for (const id of ['memory.codeGrowth', 'memory.dataGrowth']) {
    const values = results.metrics.find((metric) => metric.id === id)?.floor ?? [];
    expect(values.length, `${id} / floor`).toBeGreaterThan(0);
  }
  expect(results.targets.length).toBeGreaterThan(0);
});
