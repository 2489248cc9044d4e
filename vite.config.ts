/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./test/support/setupTests.ts'],
    include: ['test/{unit,integration,component,simulator}/**/*.test.{ts,tsx}'],
    sequence: { shuffle: true },
    restoreMocks: true,
    testTimeout: 15_000,
  },
});
