// Scenario 4: notification to paint. Another party changes one visible key through the
// simulator's control API; the simulator publishes PropertiesUpdated (the whole chat, as
// GWS does) over CometD. The clock starts when the message reaches the store's handler.

import type { CellTiming, CellWait } from '../../apps/shared/probeApi';
import { openApp } from '../browser';
import type { MetricDef } from '../model';
import { keyName, updateUserData } from '../sim';
import { percentile, sleep } from '../stats';
import type { Bench } from '../context';
import type { Page } from '@playwright/test';

const WARM_UP = 5;
/** Rows 1..6: visible in all three grids' 400 px box, so virtualisation cannot skip them. */
const rowFor = (sample: number) => 1 + (sample % 6);

const defs = (keys: number) => {
  const size = `${keys.toLocaleString('en-US')} keys`;
  const def = (id: string, label: string, halfOfBestPeer = false): MetricDef => ({ scenario: 4, id: `notify.${id}.${keys}`, label: `${size}: ${label}`, unit: 'ms', halfOfBestPeer });
  return {
    p50: def('p50', 'receipt → paint p50', true),
    p95: def('p95', 'receipt → paint p95 (target ≤ 16 ms at 1,000)', true),
    p99: def('p99', 'receipt → paint p99', true),
    commit95: def('commitP95', 'receipt → DOM commit p95'),
    double95: def('doubleRafP95', 'receipt → double rAF p95 (PEER-BENCH method)'),
  };
};

/** Arms the in-page wait, makes the change happen, and returns the timing. */
export async function timeChange(page: Page, wait: CellWait, cause: () => Promise<void>): Promise<CellTiming | null> {
  await page.evaluate((armed) => window.__benchProbe?.armCell(armed), wait);
  await cause();
  return page.evaluate(() => window.__benchProbe?.awaitCell() ?? null);
}

export async function runNotifyToPaint(bench: Bench): Promise<void> {
  const { notifySizes, notifySamples } = bench.settings;
  for (const keys of notifySizes) {
    const metric = defs(keys);
    for (let run = 0; run < bench.runs; run += 1) {
      for (const variant of bench.variants(run)) {
        const chatId = await bench.freshChat(keys);
        const open = await openApp(bench.browser, bench.url, variant, chatId, true);
        const paint: number[] = [];
        const commit: number[] = [];
        const double: number[] = [];
        for (let sample = 0; sample < WARM_UP + notifySamples; sample += 1) {
          const row = rowFor(sample);
          const text = `n${run}-${sample}`;
          const timing = await timeChange(open.page, { row, text, from: 'receipt', timeoutMs: 10_000 }, () =>
            updateUserData(bench.url, chatId, { [keyName(row)]: text }),
          );
          if (!timing) throw new Error(`${variant}: notification ${sample} never painted`);
          if (sample >= WARM_UP) {
            paint.push(timing.paint - timing.start);
            commit.push(timing.commit - timing.start);
            double.push(timing.doublePaint - timing.start);
          }
          // A random pause so that arrivals fall at every phase of the 16.7 ms frame.
          await sleep(Math.random() * 20);
        }
        await open.close();
        bench.collect.add(metric.p50, variant, percentile(paint, 50), paint);
        bench.collect.add(metric.p95, variant, percentile(paint, 95));
        bench.collect.add(metric.p99, variant, percentile(paint, 99));
        bench.collect.add(metric.commit95, variant, percentile(commit, 95));
        bench.collect.add(metric.double95, variant, percentile(double, 95));
      }
    }
    bench.log(`  notification to paint ${keys} keys: ${bench.runs} runs × ${notifySamples} samples`);
  }
}
