// Scenario 5: the agent types into a cell while other parties change other keys 50 times
// a second. Key to paint per character, and long tasks (> 50 ms) while it lasts.

import { openApp } from '../browser';
import { valueCellSelector } from '../../apps/shared/probeApi';
import type { MetricDef } from '../model';
import { keyName, updateUserData } from '../sim';
import { percentile, sleep } from '../stats';
import type { Bench } from '../context';

const EDITED_ROW = 0;
/** Other visible rows change: what a virtualised grid must still repaint. */
const changedRow = (index: number) => 1 + (index % 8);
const TYPE_DELAY_MS = 70;

export async function runTypingUnderLoad(bench: Bench): Promise<void> {
  const { typingKeys, typingChars, loadPerSecond } = bench.settings;
  const size = `${typingKeys.toLocaleString('en-US')} keys`;
  const def = (id: string, label: string, unit: MetricDef['unit'], halfOfBestPeer = false): MetricDef => ({ scenario: 5, id: `typing.${id}`, label: `${size}: ${label}`, unit, halfOfBestPeer });
  const metrics = {
    p50: def('p50', 'key → paint p50', 'ms', true),
    p95: def('p95', 'key → paint p95', 'ms', true),
    longTasks: def('longTasks', 'long tasks (> 50 ms) while typing (target 0)', 'count'),
    longest: def('longest', 'longest task', 'ms'),
    delivered: def('delivered', 'notifications received during typing', 'count'),
  };
  for (let run = 0; run < bench.runs; run += 1) {
    for (const variant of bench.variants(run)) {
      const chatId = await bench.freshChat(typingKeys);
      const open = await openApp(bench.browser, bench.url, variant, chatId, true);
      const cell = valueCellSelector(EDITED_ROW);
      await open.page.dblclick(cell);
      await open.page.waitForSelector(`${cell} input:focus`);
      await open.page.keyboard.press('Control+A');
      const receiptsBefore = await open.page.evaluate(() => window.__benchProbe?.receipts() ?? 0);
      await open.page.evaluate(() => window.__benchProbe?.startTyping());

      let sent = 0;
      let failures = 0;
      const load = setInterval(() => {
        const row = changedRow(sent);
        sent += 1;
        updateUserData(bench.url, chatId, { [keyName(row)]: `load ${sent}` }).catch(() => {
          failures += 1;
        });
      }, 1000 / loadPerSecond);
      await sleep(300);
      const text = 'abcdefghij'.repeat(Math.ceil(typingChars / 10)).slice(0, typingChars);
      await open.page.keyboard.type(text, { delay: TYPE_DELAY_MS });
      await sleep(200);
      clearInterval(load);
      await sleep(300);
      const result = await open.page.evaluate(() => window.__benchProbe?.stopTyping() ?? null);
      const receipts = (await open.page.evaluate(() => window.__benchProbe?.receipts() ?? 0)) - receiptsBefore;
      await open.page.keyboard.press('Escape');
      await open.close();
      if (!result || failures > 0) throw new Error(`${variant}: typing run failed (${failures} failed updates)`);
      bench.collect.add(metrics.p50, variant, percentile(result.latencies, 50), result.latencies);
      bench.collect.add(metrics.p95, variant, percentile(result.latencies, 95));
      bench.collect.add(metrics.longTasks, variant, result.longTasks);
      bench.collect.add(metrics.longest, variant, result.longestTaskMs);
      bench.collect.add(metrics.delivered, variant, receipts);
    }
  }
  bench.log(`  typing under load: ${bench.runs} runs × ${typingChars} characters`);
}
