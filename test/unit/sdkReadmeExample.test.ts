// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const SDK_URL = 'https://panel.example.com/embed.js';
const inRepository = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The first code block of the README's section on the host SDK: what an integrator copies. */
function sdkExample(): string {
  const readme = readFileSync(inRepository('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The host SDK'));
  const block = /^```(?:js|ts)\n([\s\S]*?)^```$/m.exec(section);
  if (!block?.[1]) throw new Error('README.md has no code block under "### The host SDK"');
  return block[1];
}

it('README’s SDK example compiles under strict, as a CRM in TypeScript takes it (its paths mapping the URL to the SDK’s types)', () => {
  dir = mkdtempSync(join(tmpdir(), 'cdp-readme-'));
  // `crm` stands for the CRM's own code, as the example says: functions that take what they are given, no nulls.
  const crm = `
import type { UserDataChange } from '${SDK_URL}';
declare const crm: {
  updateCase(chatId: string, changes: readonly UserDataChange[], source: 'agent' | 'server'): void;
  setUnsavedFlag(dirty: boolean): void;
  keepDrafts(drafts: { readonly [key: string]: string }): void;
  toast(text: string): void;
};
`;
  writeFileSync(join(dir, 'crm.ts'), `${sdkExample()}${crm}`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        paths: { [SDK_URL]: [inRepository('src/embed/sdk/index.ts')] },
      },
      files: ['crm.ts'],
    }),
  );
  const tsc = spawnSync(process.execPath, [inRepository('node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
}, 60_000);
