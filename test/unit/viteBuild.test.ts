// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_PAINT_BUILD, importWithoutPreload } from '../../vite.config';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function buildApp(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'cdp-preload-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    plugins: [importWithoutPreload()],
    build: { outDir: join(dir, 'out'), sourcemap: true, ...FIRST_PAINT_BUILD },
  });
  return join(dir, 'out', 'assets');
}

function chunk(assets: string, prefix: string, extension = '.js') {
  const name = readdirSync(assets).find((file) => file.startsWith(`${prefix}-`) && file.endsWith(extension));
  if (!name) throw new Error(`no ${prefix} chunk was written`);
  return readFileSync(join(assets, name), 'utf8');
}

async function buildEntry(files: Record<string, string>) {
  return chunk(await buildApp(files), 'index');
}

const page = '<!doctype html><script type="module" src="./main.js"></script>';

describe('importWithoutPreload (vite.config.ts)', () => {
  it('builds import() without Vite’s preload helper, through one that asks again under a new address', async () => {
    const entry = await buildEntry({
      'index.html': page,
      'main.js': "import('./later.js').then((m) => m.show());",
      'later.js': 'export const show = () => document.body.append("later");',
    });
    // The chunk's address handed to the helper, which imports it, and after a failure under `?N`.
    expect(entry).toMatch(/\(`\.\/later-[\w-]+\.js`\)\.then/);
    expect(entry).not.toMatch(/import\(`\.\/later/);
    expect(entry).toMatch(/import\(\w+\[\w+\]\|\|\w+\)\.catch\(/);
    expect(entry).toContain('`?`');
    expect(entry).not.toContain('vite:preloadError');
    expect(entry).not.toContain('modulepreload');
  }, 30_000);

  it('calls a function body Vite wrapped (an export taken with await) as it is, its import through the helper', async () => {
    const entry = await buildEntry({
      'index.html': page,
      'main.js': "export async function go() { const { show } = await import('./later.js'); show(); } go();",
      'later.js': 'export const show = () => document.body.append("later");',
    });
    expect(entry).toMatch(/\(async\(\)=>\{let\{show:\w\}=await \w+\(`\.\/later-[\w-]+\.js`\);return\{show:\w\}\}\)\(\)/);
    expect(entry).not.toContain('__VITE_PRELOAD__');
  }, 30_000);

  it('refuses an import() it cannot give the retry: a chunk in another folder', async () => {
    await expect(
      buildEntry({
        'index.html': page,
        'main.js': "import(/* @vite-ignore */ '../elsewhere/later.js').then((m) => m.show());",
      }),
    ).rejects.toThrow(/met an import\(\) it does not rewrite/);
  }, 30_000);

  it('refuses two chunks loaded later that share a module: a chunk both import, out of the retry’s reach', async () => {
    await expect(
      buildEntry({
        'index.html': page,
        'main.js': "import('./one.js').then((m) => m.show()); import('./two.js').then((m) => m.show());",
        'one.js': "import { said } from './shared.js'; export const show = () => said.set('one', 1);",
        'two.js': "import { said } from './shared.js'; export const show = () => said.set('two', 2);",
        'shared.js': 'export const said = new Map();',
      }),
    ).rejects.toThrow(/imports assets\/shared-[\w-]+\.js, a chunk loaded later/);
  }, 30_000);

  it('refuses a lazily loaded chunk with CSS of its own, which the import alone would leave unstyled', async () => {
    await expect(
      buildEntry({
        'index.html': page,
        'main.js': "import('./later.js').then((m) => m.show());",
        'later.js': "import './later.css'; export const show = () => document.body.append('later');",
        'later.css': '.later { color: red; }',
      }),
    ).rejects.toThrow(/later-[\w-]+\.js imports CSS of its own/);
  }, 30_000);
});

describe('the compile hint (vite.config.ts)', () => {
  it('opens the entry chunk, after minification, and no chunk loaded later', async () => {
    const assets = await buildApp({
      'index.html': page,
      'main.js': "import('./later.js').then((m) => m.show()); /* a comment the minifier drops */ export const first = () => 1;",
      'later.js': 'export const show = () => document.body.append("later");',
    });
    const entry = chunk(assets, 'index');
    expect(entry.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(entry).not.toContain('a comment the minifier drops');
    expect(chunk(assets, 'later')).not.toContain('allFunctionsCalledOnLoad');
    // The source map knows of the added line: its mappings start on the line after it.
    const map: { mappings: string } = JSON.parse(chunk(assets, 'index', '.js.map'));
    expect(map.mappings.startsWith(';')).toBe(true);
  }, 30_000);
});
