/// <reference types="vitest/config" />
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite build --mode embed` builds what a CRM page loads, next to the widget in dist/:
//   dist/embed.js (+ embed.d.ts, types under dist/embed-types/)  the host SDK, ES module
//   dist/demo-crm/crm.js                                          the demo CRM's script (not for deployment)
// The SDK shares no code with the widget bundle: a CRM page loads a few kilobytes, not React.
const embedBuild: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: { embed: 'src/embed/sdk/index.ts', 'demo-crm/crm': 'simulator/demoCrm/crm.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
  plugins: [sdkDeclarations()],
};

/** Declarations come from the SDK's own source through tsc, so they cannot drift from it. */
function sdkDeclarations(): Plugin {
  return {
    name: 'case-data-panel:sdk-declarations',
    apply: 'build',
    closeBundle() {
      const tsc = spawnSync(
        process.execPath,
        [
          'node_modules/typescript/bin/tsc',
          '--ignoreConfig',
          '--declaration',
          '--emitDeclarationOnly',
          '--outDir', 'dist/embed-types',
          '--rootDir', 'src',
          '--target', 'ES2022',
          '--module', 'ESNext',
          '--moduleResolution', 'bundler',
          '--lib', 'ES2022,DOM,DOM.Iterable',
          '--strict',
          '--skipLibCheck',
          '--verbatimModuleSyntax',
          '--types', '',
          'src/embed/sdk/index.ts',
        ],
        { stdio: 'inherit' },
      );
      if (tsc.status !== 0) throw new Error('tsc could not emit the SDK declarations (dist/embed.d.ts)');
      writeFileSync('dist/embed.d.ts', "export * from './embed-types/embed/sdk/index';\n");
    },
  };
}

/**
 * How the widget's bundle is split, shared with the bench's builds (bench/harness/build.ts):
 * - No modulepreload polyfill (0.35 kB gzip on the way to the first paint): browsers
 *   without native modulepreload (Safari before 17) simply load the CometD chunk when it
 *   is imported, which is after the first paint anyway.
 * - Every module the first paint needs is in the entry chunk. Without the group, rolldown
 *   moves a module that the entry and two on-demand chunks share (Add field's form and the
 *   ended-chat list both format values) into a chunk of its own, plus a runtime chunk: two
 *   more requests before the first paint, and more bytes than one chunk compresses to.
 */
export const FIRST_PAINT_BUILD = {
  modulePreload: { polyfill: false },
  rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } } },
} satisfies UserConfig['build'];

export default defineConfig(({ mode }) =>
  mode === 'embed'
    ? embedBuild
    : {
        plugins: [react()],
        build: { outDir: 'dist', sourcemap: true, ...FIRST_PAINT_BUILD },
        test: {
          globals: true,
          environment: 'jsdom',
          setupFiles: ['./test/support/setupTests.ts'],
          include: ['test/{unit,integration,component,simulator}/**/*.test.{ts,tsx}'],
          sequence: { shuffle: true },
          restoreMocks: true,
          testTimeout: 15_000,
        },
      },
);
