// Scenarios 2 and 3: page loads. Each load is a fresh browser context (no HTTP or code
// cache), so every figure is a cold start.

import { appPath, newPage, openApp } from '../browser';
import type { MetricDef } from '../model';
import type { Bench } from '../context';

const COLD: MetricDef = { scenario: 2, id: 'cold.iframe', label: 'iframe src set → first grid paint', unit: 'ms', halfOfBestPeer: true };
const COLD_DATA: MetricDef = { scenario: 2, id: 'cold.iframe.dataToPaint', label: '· of which chat data in store → grid paint', unit: 'ms' };

export async function runColdIframe(bench: Bench): Promise<void> {
  const { coldKeys, coldLoads } = bench.settings;
  for (let load = 0; load < coldLoads; load += 1) {
    for (const variant of bench.withReferences(load)) {
      const chatId = await bench.freshChat(coldKeys);
      const open = await newPage(bench.browser);
      await open.page.goto(`${bench.url}/host.html`);
      await open.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const src = appPath(variant, chatId);
      await open.page.evaluate((frameSrc) => window.__benchHost?.load(frameSrc), src);
      const ms = await open.page.evaluate(() => window.__benchHost?.whenResult(120_000) ?? null);
      const frame = open.page.frames().find((candidate) => candidate.url().includes(`/${variant}/`));
      const first = frame ? await frame.evaluate(() => window.__benchProbe?.firstPaint() ?? null) : null;
      await open.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await open.close();
      bench.collect.add(COLD, variant, ms ?? NaN);
      // The shipped panel has no bench shell, so no "data in store" moment to split at.
      if (variant !== 'panel') bench.collect.add(COLD_DATA, variant, first ? first.paint - first.dataAt : NaN);
    }
  }
  bench.log(`  cold iframe: ${coldLoads} loads per variant`);
}

const keysLabel = (keys: number) => `${keys.toLocaleString('en-US')} keys`;
const firstDefs = (keys: number) => ({
  data: { scenario: 3, id: `first.dataToPaint.${keys}`, label: `${keysLabel(keys)}: chat data in store → grid paint`, unit: 'ms', halfOfBestPeer: true },
  commit: { scenario: 3, id: `first.dataToCommit.${keys}`, label: `${keysLabel(keys)}: · of which chat data in store → DOM commit`, unit: 'ms' },
  nav: { scenario: 3, id: `first.navToPaint.${keys}`, label: `${keysLabel(keys)}: navigation start → grid paint`, unit: 'ms', halfOfBestPeer: true },
  rows: { scenario: 3, id: `first.domRows.${keys}`, label: `${keysLabel(keys)}: data rows in the DOM`, unit: 'rows' },
  aria: { scenario: 3, id: `first.ariaRowCount.${keys}`, label: `${keysLabel(keys)}: aria-rowcount (expect ${keys + 1})`, unit: 'rows' },
}) satisfies Record<string, MetricDef>;

export async function runFirstRender(bench: Bench): Promise<void> {
  const { firstRenderSizes, firstRenderLoads } = bench.settings;
  for (const keys of firstRenderSizes) {
    const defs = firstDefs(keys);
    for (let load = 0; load < firstRenderLoads; load += 1) {
      for (const variant of bench.withFloor(load)) {
        const chatId = await bench.freshChat(keys);
        const open = await openApp(bench.browser, bench.url, variant, chatId, false);
        const shape = await open.page.evaluate(() => window.__benchProbe?.gridShape() ?? null);
        await open.close();
        bench.collect.add(defs.data, variant, open.first.paint - open.first.dataAt);
        bench.collect.add(defs.commit, variant, open.first.commit - open.first.dataAt);
        bench.collect.add(defs.nav, variant, open.first.paint);
        if (load === 0 && shape) {
          bench.collect.add(defs.rows, variant, shape.domRows);
          bench.collect.add(defs.aria, variant, shape.ariaRowCount);
        }
      }
    }
    bench.log(`  first render ${keys} keys: ${firstRenderLoads} loads per variant`);
  }
}
