import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (no browser downloads here). Each test file
// starts its own simulator serving the built widget (`dist/`), on a free port.
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 30_000,
  // CI machines are small and shared; the widget's own timings are measured by the bench.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.pw.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
