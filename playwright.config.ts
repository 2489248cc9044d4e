import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './test/support/chromium';

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
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
});
