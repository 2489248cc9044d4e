// Runs the scenarios against one simulator serving the bench apps, in one Chromium, and
// returns (and optionally writes) the results. `npm run bench` and the smoke test both
// come through here, so the harness the test exercises is the one that produces the table.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSimulator } from '../../simulator/server';
import { launchChromium } from './browser';
import { BENCH_DIR, DIST_DIR, buildBenchApps } from './build';
import { createBench, settingsFor, type Bench } from './context';
import { describeMachine, packageVersions } from './machine';
import { Collector, SCENARIO_TITLES, type BenchMode, type BenchResults, type Metric, type ScenarioId } from './model';
import { reportHtml } from './html';
import { runBytes } from './scenarios/bytes';
import { runEditRoundTrip } from './scenarios/edit';
import { runColdIframe, runFirstRender } from './scenarios/loads';
import { runMemory } from './scenarios/memory';
import { runNotifyToPaint } from './scenarios/notify';
import { runTypingUnderLoad } from './scenarios/typing';
import { checkTargets } from './targets';

const SCENARIOS: ReadonlyArray<readonly [ScenarioId, (bench: Bench) => Promise<void>]> = [
  [1, runBytes],
  [2, runColdIframe],
  [3, runFirstRender],
  [4, runNotifyToPaint],
  [5, runTypingUnderLoad],
  [6, runMemory],
  [7, runEditRoundTrip],
];

export type RunOptions = {
  readonly mode: BenchMode;
  readonly runs: number;
  readonly only?: readonly ScenarioId[];
  /** false reuses an existing bench/dist. */
  readonly build?: boolean;
  /** Where latest.json and report.html go; null writes nothing (the smoke test). */
  readonly resultsDir?: string | null;
  readonly log?: (line: string) => void;
};

export const RESULTS_DIR = join(BENCH_DIR, 'results');

/** Two decimals are plenty for ms and kB, and keep latest.json readable in a diff. */
const rounded = (metrics: readonly Metric[]): Metric[] =>
  JSON.parse(JSON.stringify(metrics, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value))) as Metric[];

export async function runBench(options: RunOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => console.error(line));
  const started = Date.now();
  if (options.build !== false) {
    log('building bench apps (vite)…');
    await buildBenchApps();
  }
  const sim = await startSimulator({ port: 0, widgetDir: DIST_DIR });
  const browser = await launchChromium();
  try {
    const collect = new Collector();
    const settings = settingsFor(options.mode, options.runs);
    const bench = createBench({ browser, url: sim.url, collect, settings, runs: options.runs, log });
    for (const [id, scenario] of SCENARIOS) {
      if (options.only && !options.only.includes(id)) continue;
      log(`scenario ${id}: ${SCENARIO_TITLES[id]}`);
      const scenarioStarted = Date.now();
      await scenario(bench);
      log(`  (${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s)`);
    }
    const metrics = rounded(collect.list());
    const results: BenchResults = {
      startedAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      mode: options.mode,
      runs: options.runs,
      machine: describeMachine(`Chromium ${browser.version()}`),
      versions: packageVersions(join(BENCH_DIR, '..')),
      settings: Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
      metrics,
      targets: checkTargets(metrics),
    };
    if (options.resultsDir) {
      await mkdir(options.resultsDir, { recursive: true });
      await writeFile(join(options.resultsDir, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
      await writeFile(join(options.resultsDir, 'report.html'), reportHtml(results));
    }
    return results;
  } finally {
    await browser.close();
    await sim.close();
  }
}
