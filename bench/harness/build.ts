// Builds the three bench apps with Vite's JS API (inline config: the project's
// vite.config.ts stays the widget's own) and the in-page probe as a classic script.

import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { FLOOR, VARIANTS } from './model';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
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
      plugins: [react()],
      // Sourcemaps attribute the shipped bytes to packages and folders (harness/bytes.ts).
      build: { outDir: join(DIST_DIR, variant.id), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
    });
  }
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
