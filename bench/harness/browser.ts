// Debian's Chromium through Playwright, one fresh context (no HTTP or code cache) per
// measured page, with the probe injected into every frame before the page's scripts.

import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import type { FirstPaint } from '../apps/shared/probeApi';
import { PROBE_FILE } from './build';
import type { AppId } from './model';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../test/support/chromium';


export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, headless: true, args: CHROMIUM_ARGS });
}

export type OpenPage = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  close(): Promise<void>;
};

export async function newPage(browser: Browser): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript({ path: PROBE_FILE });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  return {
    context,
    page,
    cdp,
    close: async () => {
      await context.close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}

export const appPath = (variant: AppId, chatId: string) => `/${variant}/?chatId=${encodeURIComponent(chatId)}`;

/** Loads a bench app and waits for its first grid paint; with `live`, also for CometD. */
export async function openApp(browser: Browser, base: string, variant: AppId, chatId: string, live: boolean): Promise<OpenPage & { first: FirstPaint }> {
  const open = await newPage(browser);
  await open.page.goto(`${base}${appPath(variant, chatId)}`);
  const first = await open.page.evaluate(() => window.__benchProbe?.whenFirstPaint(60_000) ?? null);
  if (!first) throw new Error(`${variant}: no first grid paint within 60 s`);
  if (live) await open.page.waitForFunction(() => window.__benchProbe?.live() === true, undefined, { polling: 50 });
  return { ...open, first };
}

/** Heap in use after two forced collections, as PEER-BENCH measured it. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

type HeapSnapshot = {
  readonly snapshot: { readonly meta: { readonly node_fields: readonly string[]; readonly node_types: readonly [readonly string[], ...unknown[]] } };
  readonly nodes: readonly number[];
};

/**
 * Bytes of the heap that are V8's code rather than the page's data: bytecode, optimised
 * machine code and their metadata, the heap snapshot's "code" nodes. A page's heap grows
 * while its hot functions get compiled and stops when they are; a leak grows in its objects.
 */
export async function heapCodeBytes(cdp: CDPSession): Promise<number> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const heap = JSON.parse(chunks.join('')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const typeField = fields.indexOf('type');
  const sizeField = fields.indexOf('self_size');
  const codeType = heap.snapshot.meta.node_types[0].indexOf('code');
  // A snapshot format without "code" nodes would read as no code at all, and the split as none.
  if (codeType < 0 || typeField < 0 || sizeField < 0) throw new Error('heap snapshot: no "code" node type, or no type/self_size fields');
  let bytes = 0;
  for (let index = 0; index < heap.nodes.length; index += fields.length) {
    if (heap.nodes[index + typeField] === codeType) bytes += heap.nodes[index + sizeField] ?? 0;
  }
  if (bytes === 0) throw new Error('heap snapshot: no compiled code found');
  return bytes;
}
