// Scenario 7: the agent edits a value and presses Enter; the clock runs until the cell
// shows the new value as confirmed (the server's notification arrived: ours drops
// aria-busy, the peers drop the "is-saving" class both derive from the same store status).

import { openApp } from '../browser';
import { valueCellSelector } from '../../apps/shared/probeApi';
import type { MetricDef } from '../model';
import { percentile } from '../stats';
import type { Bench } from '../context';
import { timeChange } from './notify';

/** String-valued, visible rows: every grid edits them as plain text. */
const rowFor = (sample: number) => 2 * (sample % 4);

export async function runEditRoundTrip(bench: Bench): Promise<void> {
  const { editKeys, editSamples } = bench.settings;
  const size = `${editKeys.toLocaleString('en-US')} keys`;
  const def = (id: string, label: string): MetricDef => ({ scenario: 7, id: `edit.${id}`, label: `${size}: ${label}`, unit: 'ms', halfOfBestPeer: true });
  const metrics = { p50: def('p50', 'Enter → confirmed value painted, p50'), p95: def('p95', 'Enter → confirmed value painted, p95') };
  for (let run = 0; run < bench.runs; run += 1) {
    for (const variant of bench.variants(run)) {
      const chatId = await bench.freshChat(editKeys);
      const open = await openApp(bench.browser, bench.url, variant, chatId, true);
      const latencies: number[] = [];
      for (let sample = 0; sample < editSamples; sample += 1) {
        const row = rowFor(sample);
        const cell = valueCellSelector(row);
        const text = `e${run}x${sample}`;
        await open.page.dblclick(cell);
        await open.page.waitForSelector(`${cell} input:focus`);
        await open.page.keyboard.press('Control+A');
        await open.page.keyboard.type(text);
        const timing = await timeChange(open.page, { row, text, from: 'enter', timeoutMs: 10_000 }, () => open.page.keyboard.press('Enter'));
        if (!timing) throw new Error(`${variant}: edit ${sample} was never confirmed`);
        latencies.push(timing.paint - timing.start);
      }
      await open.close();
      bench.collect.add(metrics.p50, variant, percentile(latencies, 50), latencies);
      bench.collect.add(metrics.p95, variant, percentile(latencies, 95));
    }
  }
  bench.log(`  edit round trip: ${bench.runs} runs × ${editSamples} edits`);
}
