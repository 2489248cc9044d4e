import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Node-environment test files import this too; only clean the DOM where there is one.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
