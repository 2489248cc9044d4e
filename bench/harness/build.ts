// Builds the three bench apps with Vite's JS API (inline config: the project's
// vite.config.ts stays the widget's own) and the in-page probe as a classic script.

import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { FIRST_PAINT_BUILD, importWithoutPreload } from '../../vite.config';
import { FLOOR, PANEL, VARIANTS } from './model';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_DIR = resolve(BENCH_DIR, '..');
export const DIST_DIR = join(BENCH_DIR, 'dist');
export const PROBE_FILE = join(DIST_DIR, 'probe', 'probe.js');

export async function buildBenchApps(): Promise<void> {
  for (const variant of [...VARIANTS, FLOOR]) {
    await build({
      configFile: false,
      root: join(BENCH_DIR, 'apps', variant.id),
      base: `/${variant.id}/`,
      publicDir: false,
      logLevel: 'warn',
      plugins: [react(), importWithoutPreload()],
      // Sourcemaps attribute the shipped bytes to packages and folders (harness/bytes.ts).
      // Chunking as in vite.config.ts, for every variant alike.
      build: { outDir: join(DIST_DIR, variant.id), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000, ...FIRST_PAINT_BUILD },
    });
  }
  // The whole panel, as `npm run build` builds it (index.html, src/main.tsx, public/config.json),
  // under /panel/: the same plugin and options as vite.config.ts, whose test settings it does not need.
  await build({
    configFile: false,
    root: REPO_DIR,
    base: `/${PANEL.id}/`,
    publicDir: join(REPO_DIR, 'public'),
    logLevel: 'warn',
    plugins: [react(), importWithoutPreload()],
    build: { outDir: join(DIST_DIR, PANEL.id), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000, ...FIRST_PAINT_BUILD },
  });
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: dirname(PROBE_FILE),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(BENCH_DIR, 'harness', 'inpage', 'probe.ts'), formats: ['iife'], name: 'benchProbe', fileName: () => 'probe.js' },
    },
  });
  await mkdir(DIST_DIR, { recursive: true });
  await copyFile(join(BENCH_DIR, 'apps', 'host.html'), join(DIST_DIR, 'host.html'));
}
