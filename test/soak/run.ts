// `npm run soak -- --minutes N [--seed S]`: builds nothing; run `npm run build` first.
import { existsSync } from 'node:fs';
import { runSoak } from './soak';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const minutes = Number(option('--minutes') ?? '1');
const seed = option('--seed') === undefined ? undefined : Number(option('--seed'));
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('usage: npm run soak -- --minutes N [--seed S]');
  process.exit(2);
}
if (!existsSync('dist/index.html')) {
  console.error('No built widget in dist/: run "npm run build" first.');
  process.exit(2);
}

const report = await runSoak({ seconds: minutes * 60, widgetDir: 'dist', ...(seed === undefined ? {} : { seed }), log: (line) => console.log(line) });
console.log(`operations: ${Object.entries(report.operations).map(([name, count]) => `${name} ${count}`).join(', ')}`);
console.log(`checks: ${Object.entries(report.checks).map(([name, count]) => `${name} ${count}`).join(', ')}`);
console.log(`JS heap after GC: ${report.heapMiB.start} MiB at start, ${report.heapMiB.end} MiB at the end`);
const growth = report.heapMiB.end - report.heapMiB.start;
// Flat means within a few MiB of noise after GC; a leak grows with the number of operations.
const heapLimit = 8;
if (growth > heapLimit) console.log(`FAIL heap grew by ${growth.toFixed(2)} MiB (limit ${heapLimit})`);
for (const failure of report.failures) console.log(`FAIL ${failure}`);
const ok = report.failures.length === 0 && growth <= heapLimit;
console.log(ok ? 'soak: passed' : 'soak: failed');
process.exit(ok ? 0 : 1);
