// The targets, checked against the medians of this run.

import { PEERS, type Metric, type TargetCheck } from './model';
import { summarize } from './stats';

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const med = (metric: Metric | undefined, variant: 'ours' | 'aggrid' | 'rdg') => (metric ? summarize(metric.runs[variant]).median : NaN);

export function checkTargets(metrics: readonly Metric[]): TargetCheck[] {
  const byId = new Map(metrics.map((metric) => [metric.id, metric]));
  const checks: TargetCheck[] = [];

  for (const metric of metrics.filter((candidate) => candidate.halfOfBestPeer)) {
    const ours = med(metric, 'ours');
    const best = Math.min(...PEERS.map((peer) => med(metric, peer)));
    checks.push({
      target: `S${metric.scenario} ${metric.label}: ≤ ½ best peer`,
      figure: `${fmt(ours)} ms vs ½ × ${fmt(best)} = ${fmt(best / 2)} ms`,
      met: ours <= best / 2,
    });
  }

  const own = byId.get('bytes.own.gzip');
  if (own) {
    const ours = med(own, 'ours');
    const lighter = Math.min(...PEERS.map((peer) => med(own, peer)));
    checks.push({ target: 'S1 own code gzip ≤ ½ lighter peer grid package', figure: `${fmt(ours)} kB vs ½ × ${fmt(lighter)} = ${fmt(lighter / 2)} kB`, met: ours <= lighter / 2 });
  }
  const js = byId.get('bytes.js.gzip');
  if (js) checks.push({ target: 'S1 all JS for first render ≤ 100 kB gzip', figure: `${fmt(med(js, 'ours'), 2)} kB`, met: med(js, 'ours') <= 100 });
  // The same bound for the widget as a CRM page loads it, so the grid-only figure is not read as the panel's.
  const panelJs = js?.panel?.length ? summarize(js.panel).median : NaN;
  if (Number.isFinite(panelJs)) checks.push({ target: 'S1 whole panel as shipped: all JS for first render ≤ 100 kB gzip', figure: `${fmt(panelJs, 2)} kB`, met: panelJs <= 100 });

  const p95 = byId.get('notify.p95.1000');
  if (p95) checks.push({ target: 'S4 notification → paint p95 ≤ 16 ms at 1,000 keys', figure: `${fmt(med(p95, 'ours'))} ms`, met: med(p95, 'ours') <= 16 });
  const longTasks = byId.get('typing.longTasks');
  if (longTasks) {
    const worst = Math.max(...longTasks.runs.ours);
    const longest = Math.max(...(byId.get('typing.longest')?.runs.ours ?? [NaN]));
    const total = longTasks.runs.ours.reduce((sum, count) => sum + count, 0);
    checks.push({
      target: 'S5 no long task while typing under load',
      figure: `${fmt(total, 0)} in ${longTasks.runs.ours.length} runs (worst run ${fmt(worst, 0)}, longest ${fmt(longest, 0)} ms)`,
      met: worst === 0,
    });
  }
  const rows = byId.get('first.domRows.10000');
  const aria = byId.get('first.ariaRowCount.10000');
  if (rows && aria) {
    const domRows = med(rows, 'ours');
    const ariaCount = med(aria, 'ours');
    checks.push({
      target: 'S3 10,000 keys usable: rows virtualised, aria-rowcount right',
      figure: `${fmt(domRows, 0)} rows in the DOM, aria-rowcount ${fmt(ariaCount, 0)}`,
      met: domRows <= 200 && ariaCount === 10_001,
    });
  }
  const growth = byId.get('memory.growth');
  const base = byId.get('memory.base');
  if (growth && base) {
    // "Beyond noise": more than 5% of the settled heap or 256 KiB, whichever is larger.
    const noise = Math.max(256, 0.05 * med(base, 'ours') * 1024);
    const late = med(byId.get('memory.lateGrowth'), 'ours');
    checks.push({
      target: 'S6 no heap growth beyond noise',
      figure: `${fmt(med(growth, 'ours'), 0)} KiB over the whole run, ${fmt(late, 0)} KiB over its second half (noise bound ${fmt(noise, 0)} KiB)`,
      met: med(growth, 'ours') <= noise,
    });
    // The same bound on what is left once V8's compiled code is taken out: what a leak grows.
    const data = byId.get('memory.dataGrowth');
    const code = byId.get('memory.codeGrowth');
    if (data && code) {
      checks.push({
        target: 'S6 the same, less V8\'s compiled code (what a leak would grow)',
        figure: `${fmt(med(data, 'ours'), 0)} KiB (compiled code ${fmt(med(code, 'ours'), 0)} KiB; second half ${fmt(med(byId.get('memory.lateDataGrowth'), 'ours'), 0)} KiB)`,
        met: med(data, 'ours') <= noise,
      });
    }
  }
  return checks;
}
