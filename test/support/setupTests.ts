import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Node-environment test files load this too; only configure and clean the DOM where there is one.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  // Component tests talk to a real simulator over loopback; on a loaded CI machine a
  // notification can take longer than testing-library's default 1 s to arrive.
  configure({ asyncUtilTimeout: 4_000 });
}

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
