// Runs the simulator's own tests: `npx vitest run --config simulator/vitest.config.ts`.
// Kept apart from vite.config.ts until test/simulator joins the main `include` list.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/simulator/**/*.test.ts'],
    environment: 'node',
    globals: true,
    sequence: { shuffle: true },
    testTimeout: 15_000,
  },
});
