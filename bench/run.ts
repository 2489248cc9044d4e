// `npm run bench [-- --runs N] [--quick] [--only 1,4] [--no-build]`
// Prints one markdown table per scenario on stdout (progress goes to stderr) and writes
// bench/results/latest.json and bench/results/report.html.

import { join } from 'node:path';
import type { BenchMode, ScenarioId } from './harness/model';
import { RESULTS_DIR, runBench } from './harness/runBench';
import { resultsMarkdown } from './harness/tables';

function parseArgs(argv: readonly string[]): { mode: BenchMode; runs: number; only?: ScenarioId[]; build: boolean } {
  let mode: BenchMode = 'full';
  let runs: number | null = null;
  let only: ScenarioId[] | undefined;
  let build = true;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--quick') mode = 'quick';
    else if (arg === '--smoke') mode = 'smoke';
    else if (arg === '--no-build') build = false;
    else if (arg === '--runs') runs = Number(argv[(index += 1)]);
    else if (arg === '--only') {
      only = (argv[(index += 1)] ?? '').split(',').map(Number).filter((n): n is ScenarioId => Number.isInteger(n) && n >= 1 && n <= 7);
    } else throw new Error(`unknown option ${arg}; use --runs N, --quick, --smoke, --only 1,4, --no-build`);
  }
  const chosenRuns = runs ?? (mode === 'full' ? 3 : 1);
  if (!Number.isInteger(chosenRuns) || chosenRuns < 1) throw new Error('--runs needs a positive integer');
  return { mode, runs: chosenRuns, ...(only ? { only } : {}), build };
}

const args = parseArgs(process.argv.slice(2));
const results = await runBench({ ...args, resultsDir: RESULTS_DIR });
console.log(resultsMarkdown(results));
console.error(`\nwrote ${join(RESULTS_DIR, 'latest.json')} and report.html`);
