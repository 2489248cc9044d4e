// Scenario 6: JS heap after GC once 100 notifications have arrived and again after 10,000.
// Notifications are sent a few at a time and the page must have received them all before
// the heap is read, so the second figure really follows 10,000 messages.
// Each reading is split, with a heap snapshot, into V8's compiled code and the rest: code
// grows while hot functions get optimised and then stops; a leak grows in the rest. The
// floor (same store and live sync, no grid) shows what every variant's shell grows by.

import type { Page } from '@playwright/test';
import { heapAfterGc, heapCodeBytes, openApp } from '../browser';
import type { CDPSession } from '@playwright/test';
import type { MetricDef } from '../model';
import { keyName, updateUserData } from '../sim';
import { sleep } from '../stats';
import type { Bench } from '../context';

const IN_FLIGHT = 8;
const CHANGED_KEYS = 20;

async function send(bench: Bench, page: Page, chatId: string, from: number, to: number): Promise<void> {
  const changed = Math.min(CHANGED_KEYS, bench.settings.memoryKeys);
  const before = await page.evaluate(() => window.__benchProbe?.receipts() ?? 0);
  let next = from;
  const worker = async () => {
    while (next < to) {
      const index = next;
      next += 1;
      await updateUserData(bench.url, chatId, { [keyName(index % changed)]: `m${index}` });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const expected = before + (to - from);
  await page.waitForFunction((count) => (window.__benchProbe?.receipts() ?? 0) >= count, expected, { polling: 100, timeout: 120_000 });
  await sleep(300);
}

type HeapReading = { readonly used: number; readonly code: number };

async function readHeap(cdp: CDPSession): Promise<HeapReading> {
  const used = await heapAfterGc(cdp);
  return { used, code: await heapCodeBytes(cdp) };
}

export async function runMemory(bench: Bench): Promise<void> {
  const { memoryKeys, memoryBaseline, memoryTotal, memoryRuns } = bench.settings;
  const size = `${memoryKeys.toLocaleString('en-US')} keys`;
  const half = Math.round(memoryTotal / 2);
  const count = (n: number) => n.toLocaleString('en-US');
  const def = (id: string, label: string, unit: MetricDef['unit']): MetricDef => ({ scenario: 6, id: `memory.${id}`, label: `${size}: ${label}`, unit });
  const metrics = {
    base: def('base', `heap after ${count(memoryBaseline)} notifications`, 'MiB'),
    end: def('end', `heap after ${count(memoryTotal)} notifications`, 'MiB'),
    mid: def('mid', `heap after ${count(half)} notifications`, 'MiB'),
    growth: def('growth', `growth ${count(memoryBaseline)} → ${count(memoryTotal)}`, 'KiB'),
    // Warm-up (optimised code, caches filling) shows in the first half; a leak keeps growing in the second.
    lateGrowth: def('lateGrowth', `growth ${count(half)} → ${count(memoryTotal)} (a leak keeps growing here)`, 'KiB'),
    codeGrowth: def('codeGrowth', `· of which V8's compiled code (heap snapshot)`, 'KiB'),
    dataGrowth: def('dataGrowth', `· the rest (objects, V8's caches, the timing buffer) ${count(memoryBaseline)} → ${count(memoryTotal)}`, 'KiB'),
    lateDataGrowth: def('lateDataGrowth', `· the rest ${count(half)} → ${count(memoryTotal)}`, 'KiB'),
    seconds: def('seconds', `time to deliver ${count(memoryTotal)} notifications (heap reads excluded)`, 'ms'),
  };
  for (let run = 0; run < memoryRuns; run += 1) {
    for (const variant of bench.withFloor(run)) {
      const chatId = await bench.freshChat(memoryKeys);
      const open = await openApp(bench.browser, bench.url, variant, chatId, true);
      await send(bench, open.page, chatId, 0, memoryBaseline);
      const base = await readHeap(open.cdp);
      let started = performance.now();
      await send(bench, open.page, chatId, memoryBaseline, half);
      let elapsed = performance.now() - started;
      const mid = await readHeap(open.cdp);
      started = performance.now();
      await send(bench, open.page, chatId, half, memoryTotal);
      elapsed += performance.now() - started;
      const end = await readHeap(open.cdp);
      await open.close();
      const data = (reading: HeapReading) => reading.used - reading.code;
      bench.collect.add(metrics.base, variant, base.used / 2 ** 20);
      bench.collect.add(metrics.mid, variant, mid.used / 2 ** 20);
      bench.collect.add(metrics.end, variant, end.used / 2 ** 20);
      bench.collect.add(metrics.growth, variant, (end.used - base.used) / 1024);
      bench.collect.add(metrics.lateGrowth, variant, (end.used - mid.used) / 1024);
      bench.collect.add(metrics.codeGrowth, variant, (end.code - base.code) / 1024);
      bench.collect.add(metrics.dataGrowth, variant, (data(end) - data(base)) / 1024);
      bench.collect.add(metrics.lateDataGrowth, variant, (data(end) - data(mid)) / 1024);
      bench.collect.add(metrics.seconds, variant, elapsed);
    }
  }
  bench.log(`  memory: ${count(memoryTotal)} notifications per variant`);
}
