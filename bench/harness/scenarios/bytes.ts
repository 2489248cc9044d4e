// Scenario 1: the JavaScript and CSS a page actually fetched before its first grid paint,
// compressed file by file (gzip -9, brotli -11, as PEER-BENCH), then split by origin with
// the source maps: shared libraries, the widget's shared code, the grid, bench glue.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { newPage, appPath } from '../browser';
import { DIST_DIR } from '../build';
import type { AppId, MetricDef } from '../model';
import { splitBySource, type RawSourceMap } from '../sourcemap';
import type { Bench } from '../context';

type Group = 'libs' | 'widget' | 'grid' | 'glue';

/**
 * src/caseData is the grid in "ours"; in the other apps it is there only because the shared
 * live sync imports from it (src/app/useLiveSync.ts: useOutboxFlush), so it counts as
 * shared widget code there, not as the peer's grid.
 */
const hasOurGrid = (app: AppId) => app === 'ours' || app === 'panel';

function groupOf(source: string, app: AppId): Group {
  if (/node_modules\/(ag-grid-|react-data-grid)/.test(source)) return 'grid';
  if (source.includes('node_modules/')) return 'libs';
  if (source.includes('src/caseData/')) return hasOurGrid(app) ? 'grid' : 'widget';
  if (/(^|\/)src\//.test(source)) return 'widget';
  return 'glue';
}

/** Top-level CSS blocks (rules, @layer, @media) of a minified stylesheet, by brace depth. */
function cssBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < css.length; index += 1) {
    if (css[index] === '{') depth += 1;
    else if (css[index] === '}' && --depth === 0) {
      blocks.push(css.slice(start, index + 1));
      start = index + 1;
    }
  }
  if (start < css.length) blocks.push(css.slice(start));
  return blocks;
}

/** CSS has no source map here: the widget's rules are recognised by their class prefixes. */
const isWidgetCss = (block: string) => /\.(case-data|cell-editor|add-field)|--cdp-/.test(block);

/** The peers' CSS is their grid's; ours splits into the grid's rules and the panel's chrome (styles.css). */
function cssGroup(block: string, app: AppId): Group {
  if (!hasOurGrid(app)) return isWidgetCss(block) ? 'widget' : 'grid';
  if (app === 'ours') return 'grid';
  return /\.(case-data|cell-editor|add-field)/.test(block) ? 'grid' : 'widget';
}

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const brotli = (text: string | Buffer) =>
  brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kB = (bytes: number) => bytes / 1000;

const def = (id: string, label: string): MetricDef => ({ scenario: 1, id: `bytes.${id}`, label, unit: 'kB' });
export const BYTES = {
  totalRaw: def('total.raw', 'JS + CSS for first render, raw'),
  totalGzip: def('total.gzip', 'JS + CSS for first render, gzip'),
  totalBrotli: def('total.brotli', 'JS + CSS for first render, brotli'),
  jsGzip: def('js.gzip', 'JS only, gzip (target ≤ 100 kB)'),
  libs: def('libs.gzip', '· React, react-query, zustand, cometd, gzip'),
  widget: def('widget.gzip', '· shared widget code: src/store, src/gws, src/app (+ what they pull from src/caseData), gzip'),
  grid: def('grid.gzip', '· the grid: src/caseData + CSS / peer package + CSS, gzip'),
  glue: def('glue.gzip', '· bench shell and bundler runtime, gzip'),
  own: def('own.gzip', 'own code: ours src/** + CSS; peers their grid package, gzip'),
  ownBrotli: def('own.brotli', 'own code (as above), brotli'),
} as const;

/** The JS and CSS files a page fetched before its grid painted, as paths under dist/. */
async function filesForFirstRender(bench: Bench, variant: AppId, chatId: string): Promise<string[]> {
  const open = await newPage(bench.browser);
  const files: string[] = [];
  open.page.on('response', (response) => {
    const type = response.request().resourceType();
    const url = new URL(response.url());
    // Only what came over the network: cometd starts its timer worker from a blob: URL.
    if ((type === 'script' || type === 'stylesheet') && url.protocol === 'http:' && url.origin === bench.url) files.push(url.pathname);
  });
  await open.page.goto(`${bench.url}${appPath(variant, chatId)}`);
  await open.page.evaluate(() => window.__benchProbe?.whenFirstPaint(60_000) ?? null);
  // The driver learns of the paint a round trip late: keep only what was requested before
  // the frame that painted the grid (a chunk loaded after the first paint is not first render).
  const requestedBefore = await open.page.evaluate(() => {
    const paint = window.__benchProbe?.firstPaint()?.paint ?? Infinity;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= paint)
      .map((entry) => new URL(entry.name).pathname);
  });
  await open.close();
  return files.filter((path) => requestedBefore.includes(path));
}

export async function runBytes(bench: Bench): Promise<void> {
  const chatId = await bench.freshChat(50);
  for (const variant of bench.withReferences(0)) {
    const files = await filesForFirstRender(bench, variant, chatId);
    const texts: Record<Group, string[]> = { libs: [], widget: [], grid: [], glue: [] };
    let raw = 0;
    let gz = 0;
    let br = 0;
    let jsGz = 0;
    for (const path of files) {
      const file = join(DIST_DIR, path);
      const content = await readFile(file);
      raw += content.length;
      gz += gzip(content);
      br += brotli(content);
      if (path.endsWith('.css')) {
        // AG Grid injects its CSS from JS; react-data-grid ships styles.css; ours caseData.css.
        for (const block of cssBlocks(content.toString('utf8'))) {
          texts[cssGroup(block, variant)].push(block);
        }
        continue;
      }
      jsGz += gzip(content);
      const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as RawSourceMap;
      for (const [source, text] of splitBySource(content.toString('utf8'), map)) texts[groupOf(source, variant)].push(text);
    }
    const joined = (groups: Group[]) => groups.map((group) => texts[group].join('')).join('');
    const own = hasOurGrid(variant) ? joined(['widget', 'grid']) : joined(['grid']);
    bench.collect.add(BYTES.totalRaw, variant, kB(raw));
    bench.collect.add(BYTES.totalGzip, variant, kB(gz));
    bench.collect.add(BYTES.totalBrotli, variant, kB(br));
    bench.collect.add(BYTES.jsGzip, variant, kB(jsGz));
    bench.collect.add(BYTES.libs, variant, kB(gzip(joined(['libs']))));
    bench.collect.add(BYTES.widget, variant, kB(gzip(joined(['widget']))));
    bench.collect.add(BYTES.grid, variant, kB(gzip(joined(['grid']))));
    bench.collect.add(BYTES.glue, variant, kB(gzip(joined(['glue']))));
    bench.collect.add(BYTES.own, variant, kB(gzip(own)));
    bench.collect.add(BYTES.ownBrotli, variant, kB(brotli(own)));
    bench.log(`  bytes ${variant}: ${files.length} files, ${kB(gz).toFixed(1)} kB gzip`);
  }
}
