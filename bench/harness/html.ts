// The HTML report: the same tables, plus one inline SVG chart per metric (median bar,
// min–max whisker per variant) and the latency distributions where raw samples exist.
// No script, no CDN: a file to open and look at.

import { REFERENCES, SCENARIO_TITLES, VARIANTS, type AppId, type BenchResults, type Metric, type VariantId } from './model';
import { summarize } from './stats';
import { formatNumber, scenarioIds, scenarioTable, targetsTable } from './tables';

const COLORS: Record<AppId, string> = { ours: '#0b5cad', aggrid: '#c2410c', rdg: '#15803d', floor: '#9ca3af', panel: '#6d28d9' };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function barChart(metric: Metric): string {
  const width = 420;
  const label = 150;
  const rowHeight = 24;
  const summaries: { variant: { id: AppId; label: string }; summary: ReturnType<typeof summarize> }[] =
    VARIANTS.map((variant) => ({ variant, summary: summarize(metric.runs[variant.id]) }));
  for (const reference of REFERENCES) {
    const values = metric[reference.id];
    if (values?.length) summaries.push({ variant: reference, summary: summarize(values) });
  }
  const top = Math.max(...summaries.map(({ summary }) => (Number.isFinite(summary.max) ? summary.max : 0)), 1e-9);
  const x = (value: number) => label + (Math.max(0, value) / top) * (width - label - 70);
  const rows = summaries.map(({ variant, summary }, index) => {
    const y = 6 + index * rowHeight;
    const median = Number.isFinite(summary.median) ? summary.median : 0;
    const whisker =
      summary.n > 1
        ? `<line x1="${x(summary.min)}" x2="${x(summary.max)}" y1="${y + 8}" y2="${y + 8}" stroke="#111" stroke-width="1.5"/>`
        : '';
    return `<text x="0" y="${y + 12}" font-size="11">${escapeHtml(variant.label)}</text>
<rect x="${label}" y="${y}" width="${x(median) - label}" height="16" fill="${COLORS[variant.id]}" opacity="0.85"/>${whisker}
<text x="${x(Math.max(median, summary.max || 0)) + 4}" y="${y + 12}" font-size="11">${escapeHtml(formatNumber(summary.median, metric.unit))} ${metric.unit}</text>`;
  });
  return `<figure><figcaption>${escapeHtml(metric.label)}</figcaption><svg role="img" aria-label="${escapeHtml(metric.label)}" width="${width}" height="${12 + summaries.length * rowHeight}">${rows.join('')}</svg></figure>`;
}

/** Cumulative distribution of raw samples: the whole latency curve, not just three percentiles. */
function distributionChart(metric: Metric, samples: Record<VariantId, number[]>): string {
  const width = 420;
  const height = 180;
  const pad = 30;
  const all = VARIANTS.flatMap((variant) => samples[variant.id]).filter(Number.isFinite);
  if (all.length === 0) return '';
  const top = Math.max(...all);
  const x = (value: number) => pad + (value / top) * (width - pad - 10);
  const y = (fraction: number) => height - pad - fraction * (height - pad - 10);
  const curves = VARIANTS.map((variant) => {
    const sorted = samples[variant.id].filter(Number.isFinite).sort((a, b) => a - b);
    const points = sorted.map((value, index) => `${x(value).toFixed(1)},${y((index + 1) / sorted.length).toFixed(1)}`);
    return `<polyline fill="none" stroke="${COLORS[variant.id]}" stroke-width="2" points="${points.join(' ')}"/>`;
  });
  const frame = x(16.7) <= width ? `<line x1="${x(16.7)}" x2="${x(16.7)}" y1="10" y2="${height - pad}" stroke="#999" stroke-dasharray="4 3"/><text x="${x(16.7) + 3}" y="20" font-size="10">16.7 ms</text>` : '';
  const axis = `<line x1="${pad}" x2="${width - 10}" y1="${height - pad}" y2="${height - pad}" stroke="#333"/><text x="${pad}" y="${height - 10}" font-size="10">0</text><text x="${width - 60}" y="${height - 10}" font-size="10">${formatNumber(top, metric.unit)} ${metric.unit}</text><text x="0" y="14" font-size="10">100%</text>`;
  const legend = VARIANTS.map((variant, index) => `<text x="${width - 150}" y="${height - pad - 45 + index * 13}" font-size="10" fill="${COLORS[variant.id]}">${escapeHtml(variant.label)}</text>`).join('');
  return `<figure><figcaption>Distribution (all samples): ${escapeHtml(metric.label.replace(/ p\d+.*$/, ''))}</figcaption><svg role="img" aria-label="cumulative distribution" width="${width}" height="${height}">${axis}${frame}${curves.join('')}${legend}</svg></figure>`;
}

/** Markdown table to HTML, enough for the tables this harness writes. */
function tableHtml(markdown: string): string {
  const [head = '', , ...body] = markdown.split('\n');
  const cells = (line: string) => line.split('|').slice(1, -1).map((text) => escapeHtml(text.trim()).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>'));
  return `<table><thead><tr>${cells(head).map((text) => `<th>${text}</th>`).join('')}</tr></thead><tbody>${body
    .map((line) => `<tr>${cells(line).map((text) => `<td>${text}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function reportHtml(results: BenchResults): string {
  const { machine } = results;
  const sections = scenarioIds(results.metrics).map((scenario) => {
    const metrics = results.metrics.filter((metric) => metric.scenario === scenario);
    const charts = metrics.map((metric) => (metric.samples ? distributionChart(metric, metric.samples) : '') + barChart(metric));
    return `<section><h2>${scenario}. ${escapeHtml(SCENARIO_TITLES[scenario])}</h2>${tableHtml(scenarioTable(metrics))}<div class="charts">${charts.join('')}</div></section>`;
  });
  const versions = Object.entries(results.versions).map(([name, version]) => `${escapeHtml(name)} ${escapeHtml(version)}`).join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Case Data Panel benchmark</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1f24; max-width: 80rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; } th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.5rem; }
td:not(:first-child) { text-align: right; font-variant-numeric: tabular-nums; } th { background: #f6f8fa; }
.charts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; } figure { margin: 0; } figcaption { font-size: 12px; color: #57606a; }
</style></head><body>
<h1>Case Data Panel: grid benchmark</h1>
<p>${escapeHtml(results.startedAt)} · ${results.mode} · ${results.runs} runs · ${Math.round(results.durationS)} s ·
${machine.nproc} × ${escapeHtml(machine.cpu)}, ${machine.memoryGiB} GiB · ${escapeHtml(machine.chromium)} · Node ${escapeHtml(machine.node)}</p>
<p>${versions}</p>
<p>Bars: median over runs; whiskers: min–max. Ratios are peer ÷ ours (above 1× means ours is faster or smaller).</p>
<section><h2>Targets</h2>${tableHtml(targetsTable(results.targets))}</section>
${sections.join('\n')}
</body></html>
`;
}
