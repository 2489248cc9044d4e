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
    build: { outDir: join(dir, 'out'), ...FIRST_PAINT_BUILD },
  });
  const assets = join(dir, 'out', 'assets');
  const entry = readdirSync(assets).find((name) => name.startsWith('index-') && name.endsWith('.js'));
  if (!entry) throw new Error('no entry chunk was written');
  return readFileSync(join(assets, entry), 'utf8');
}

const page = '<!doctype html><script type="module" src="./main.js"></script>';

describe('importWithoutPreload (vite.config.ts)', () => {
  it('builds import() without Vite’s preload helper, still loading the chunk', async () => {
    const entry = await buildApp({
      'index.html': page,
      'main.js': "import('./later.js').then((m) => m.show());",
      'later.js': 'export const show = () => document.body.append("later");',
    });
    expect(entry).toMatch(/import\(`\.\/later-[\w-]+\.js`\)/);
    expect(entry).not.toContain('vite:preloadError');
    expect(entry).not.toContain('modulepreload');
  }, 30_000);

  it('refuses a lazily loaded chunk with CSS of its own, which the import alone would leave unstyled', async () => {
    await expect(
      buildApp({
        'index.html': page,
        'main.js': "import('./later.js').then((m) => m.show());",
        'later.js': "import './later.css'; export const show = () => document.body.append('later');",
        'later.css': '.later { color: red; }',
      }),
    ).rejects.toThrow(/later-[\w-]+\.js imports CSS of its own/);
  }, 30_000);
});
