// Markdown tables, one per scenario: each variant's median with [min–max] over runs, and
// peer ÷ ours. Markdown so that bench/README.md and the main README can quote them as is.

import { REFERENCES, SCENARIO_TITLES, VARIANTS, type BenchResults, type Metric, type ScenarioId, type TargetCheck } from './model';
import { summarize } from './stats';

export function formatNumber(value: number, unit: Metric['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'count' || unit === 'rows') return Math.round(value).toLocaleString('en-US');
  const abs = Math.abs(value);
  // Sizes keep two decimals below 100 kB: 99.96 must not read as the 100 kB bound reached.
  const digits = abs >= 100 ? 0 : abs >= 10 && unit !== 'kB' ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(metric: Metric, values: readonly number[]): string {
  const summary = summarize(values);
  const median = formatNumber(summary.median, metric.unit);
  if (summary.n < 2 || summary.min === summary.max) return median;
  return `${median} [${formatNumber(summary.min, metric.unit)}–${formatNumber(summary.max, metric.unit)}]`;
}

function ratio(peer: number, ours: number): string {
  if (!Number.isFinite(peer) || !Number.isFinite(ours) || ours === 0) return '—';
  const value = peer / ours;
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
}

export function scenarioTable(metrics: readonly Metric[]): string {
  // A reference gets a column only in the scenarios that measure it.
  const references = REFERENCES.filter((reference) => metrics.some((metric) => metric[reference.id]?.length));
  const header = `| metric | ${VARIANTS.map((variant) => variant.label).join(' | ')} | AG Grid ÷ ours | RDG ÷ ours |${references.map((reference) => ` ${reference.label} |`).join('')}`;
  const rule = `|---|${VARIANTS.map(() => '---:').join('|')}|---:|---:|${references.map(() => '---:|').join('')}`;
  const lines = metrics.map((metric) => {
    const medians = VARIANTS.map((variant) => summarize(metric.runs[variant.id]).median);
    const [ours = NaN, aggrid = NaN, rdg = NaN] = medians;
    const values = VARIANTS.map((variant) => cell(metric, metric.runs[variant.id]));
    const referenceCells = references.map((reference) => {
      const values = metric[reference.id];
      return ` ${values?.length ? cell(metric, values) : '—'} |`;
    });
    return `| ${metric.label} (${metric.unit}) | ${values.join(' | ')} | ${ratio(aggrid, ours)} | ${ratio(rdg, ours)} |${referenceCells.join('')}`;
  });
  return [header, rule, ...lines].join('\n');
}

export function targetsTable(targets: readonly TargetCheck[]): string {
  const lines = targets.map((target) => `| ${target.target} | ${target.figure} | ${target.met ? 'met' : '**missed**'} |`);
  return ['| target | figure (ours, median) | |', '|---|---|---|', ...lines].join('\n');
}

export function scenarioIds(metrics: readonly Metric[]): ScenarioId[] {
  return [...new Set(metrics.map((metric) => metric.scenario))].sort((a, b) => a - b);
}

export function resultsMarkdown(results: BenchResults): string {
  const { machine } = results;
  const parts = [
    `Run ${results.startedAt} (${results.mode}, ${results.runs} runs, ${Math.round(results.durationS)} s) on ${machine.nproc} × ${machine.cpu}, ` +
      `${machine.memoryGiB} GiB, ${machine.chromium}, Node ${machine.node}. Cells: median [min–max] over runs.`,
  ];
  for (const scenario of scenarioIds(results.metrics)) {
    parts.push(`### ${scenario}. ${SCENARIO_TITLES[scenario]}`);
    parts.push(scenarioTable(results.metrics.filter((metric) => metric.scenario === scenario)));
  }
  parts.push('### Targets');
  parts.push(targetsTable(results.targets));
  return parts.join('\n\n');
}
