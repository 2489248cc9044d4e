// The machine and versions a run is quoted with.

import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Machine } from './model';

export function describeMachine(chromium: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((entry) => entry.startsWith('model name'));
    if (line) cpu = line.split(':')[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: the os module's model name stands.
  }
  return {
    cpu,
    nproc: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium,
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}

const PACKAGES = ['react', 'react-dom', 'ag-grid-community', 'ag-grid-react', 'react-data-grid', 'vite', 'playwright-core', 'cometd', 'zustand', '@tanstack/react-query'];

export function packageVersions(root: string): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string };
      versions[name] = manifest.version ?? '?';
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
