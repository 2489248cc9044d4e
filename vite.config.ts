/// <reference types="vitest/config" />
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import MagicString from 'magic-string';

/**
 * The path dist/ is served under, for both builds: `BASE_PATH=/panel/ npm run build` for a panel at
 * https://crm.example/panel/, whose index.html then loads /panel/assets/…. Not `--base`: `npm run build` is
 * two vite commands, and npm passes its arguments to the last one alone (exploratory test: the widget's
 * assets 404). Nothing else needs it: later chunks load relative to the entry, config.json to the page.
 */
function basePath(): string {
  const base = process.env.BASE_PATH || '/';
  if (!/^\/(?:[^/?#\s]+\/)*$/.test(base)) throw new Error(`BASE_PATH must be a path that starts and ends with "/" (such as /panel/), got ${JSON.stringify(base)}`);
  return base;
}

// `vite build --mode embed` builds what a CRM page loads, next to the widget in dist/:
//   dist/embed.js (+ embed.d.ts, types under dist/embed-types/)  the host SDK, ES module
//   dist/demo-crm/crm.js                                          the demo CRM's script (not for deployment)
// The SDK shares no code with the widget bundle: a CRM page loads a few kilobytes, not React.
const embedBuild = (): UserConfig => ({
  base: basePath(),
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
});

/** Declarations come from the SDK's own source through tsc, so they cannot drift from it. */
function sdkDeclarations(): Plugin {
  // Beside the SDK, wherever this build writes it (a test builds into a folder of its own).
  let outDir = 'dist';
  return {
    name: 'case-data-panel:sdk-declarations',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const tsc = spawnSync(
        process.execPath,
        [
          'node_modules/typescript/bin/tsc',
          '--ignoreConfig',
          '--declaration',
          '--emitDeclarationOnly',
          '--outDir', join(outDir, 'embed-types'),
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
      writeFileSync(join(outDir, 'embed.d.ts'), "export * from './embed-types/embed/sdk/index';\n");
    },
  };
}

/**
 * Chromium's per-file compile hint: every function of the entry chunk is compiled while the
 * script streams in, on a background thread, instead of on the main thread the first time it
 * runs. The entry chunk holds exactly what the first paint needs, so nearly all of it runs
 * on the way there; measured on a cold load in an iframe at 4x CPU, 50 keys, it brought the
 * grid's paint about 70 ms sooner. Other engines read it as a comment. It must open the file
 * (hence postBanner, after minification); lazily loaded chunks do not get it.
 */
const COMPILE_ON_LOAD = '//# allFunctionsCalledOnLoad';

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
  rolldownOptions: {
    output: {
      codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      // The entry names every later chunk: a hash of 6 characters, not 8, is 17 bytes less on the way to the
      // first paint (36 bits: enough to tell one build's chunk from another's in a cache).
      chunkFileNames: 'assets/[name]-[hash:6].js',
      postBanner: (chunk) => (chunk.isEntry ? COMPILE_ON_LOAD : ''),
    },
  },
} satisfies UserConfig['build'];

const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** An `import()` of an address written out (comments before it too), left after the rewrite. */
const IMPORT_OF_TEXT = /\bimport\((?:\s|\/\*.*?\*\/)*["'`]/;

/**
 * Vite wraps every `import()` in a helper that first fetches the chunk's dependencies
 * (`<link rel=modulepreload>` for JS, `<link rel=stylesheet>` for CSS) and turns a failure
 * into a `vite:preloadError` event: 0.7 kB gzip in the entry, on the way to the first
 * paint. Our lazily loaded chunks depend on nothing but the entry, which is loaded, and
 * their callers handle a failed load themselves (caseData/onDemand.ts, the CometD facade,
 * the catalogue loader). So the helper is the import alone, with one thing more: a chunk whose
 * load failed is asked for again under a new address. A browser keeps a module's failed fetch
 * for the page's life (Chromium 150 does, as the HTML standard did until 2024): the same
 * address fails again at once, no request made, and the live connection stayed Reconnecting
 * for good after one blip, the queued writes with it (CI). A load that succeeds under the new
 * address keeps it, so the module is not made twice (the writes' code is asked for at each write). (A chunk's own shared dependency that
 * failed is not asked for again: that needs a reload.) A chunk that brings CSS of its
 * own would need the real helper (the browser would not apply that CSS): the build fails
 * then, naming the chunk, instead of shipping it unstyled.
 */
export function importWithoutPreload(): Plugin {
  return {
    name: 'case-data-panel:import-without-preload',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === PRELOAD_HELPER ? id : null),
    // With a chunk's address (relative to the entry, where this is, beside every chunk): its
    // import, under the address that last loaded; failed, the caller's next try (each has its
    // own: Try again, the connection's backoff, the catalogue's pause) asks under a new one (a
    // count: a failure is kept for the page alone, not in the HTTP cache).
    load: (id) =>
      id === PRELOAD_HELPER
        ? `const at = {};
let tries = 0;
export const __vitePreload = (chunk) => import(/* @vite-ignore */ at[chunk] || chunk).catch((error) => { throw ((at[chunk] = chunk + '?' + ++tries), error); });`
        : null,
    // And each call is the helper with the chunk's address: a wrapper at each of them is bytes on
    // the way to the first paint, for nothing. A wrapped function body is called as it is, an
    // import in it going through the helper too. Small edits, so the source map still maps each part.
    renderChunk(code) {
      if (!code.includes('__vitePreload') && !IMPORT_OF_TEXT.test(code)) return null;
      const edited = new MagicString(code);
      const cut = (at: number, text: string, as: string) => edited.overwrite(at, at + text.length, as);
      for (const call of code.matchAll(/(__vitePreload\(\(\) => )[^;]*?(, __VITE_PRELOAD__\))/g)) {
        cut(call.index, call[1] ?? '', '');
        cut(call.index + call[0].length - (call[2] ?? '').length, call[2] ?? '', '');
      }
      for (const call of code.matchAll(/(__vitePreload\()async \(\) => \{[\s\S]*?\}(, __VITE_PRELOAD__\))/g)) {
        cut(call.index, call[1] ?? '', '(');
        cut(call.index + call[0].length - (call[2] ?? '').length, call[2] ?? '', ')()');
      }
      for (const load of code.matchAll(/\bimport\((?="\.\/[^"/]+\.js"\))/g)) cut(load.index, load[0], '__vitePreload(');
      const rewritten = edited.toString();
      // Another shape would reach the helper with a function, which it does not take; another address
      // (another folder, another extension) would load without its retry, resolved from the wrong place.
      if (rewritten.includes('__VITE_PRELOAD__') || IMPORT_OF_TEXT.test(rewritten)) {
        this.error('importWithoutPreload (vite.config.ts) met an import() it does not rewrite: a call of another shape, or a chunk outside the entry’s folder.');
      }
      return { code: rewritten, map: edited.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      const entries = new Set(Object.values(bundle).flatMap((chunk) => (chunk.type === 'chunk' && chunk.isEntry ? [chunk.fileName] : [])));
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.isEntry) continue;
        // A chunk loaded later imports the entry alone: a module two of them share became a chunk
        // both import, which the retry above cannot reach (one failed fetch of it kept both from
        // loading for the page: exploratory test). Reach such a module through a loader instead.
        const shared = chunk.imports.filter((name) => !entries.has(name));
        if (shared.length > 0) this.error(`${chunk.fileName} imports ${shared.join(', ')}, a chunk loaded later; importWithoutPreload (vite.config.ts) retries only what is imported on its own.`);
        const css = chunk.viteMetadata?.importedCss.size ?? 0;
        if (css > 0) this.error(`${chunk.fileName} imports CSS of its own; importWithoutPreload (vite.config.ts) cannot load it. Import that CSS from the entry, or drop the plugin.`);
      }
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === 'embed'
    ? embedBuild()
    : {
        base: basePath(),
        plugins: [react(), importWithoutPreload()],
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
