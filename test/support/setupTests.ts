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
    // A page holds one panel, and keeps Add field's text per chat for its life; a test file
    // renders many panels in one page: each starts as a fresh page would.
    const { addFieldTyped } = await import('../../src/caseData/addFieldTyped');
    addFieldTyped.clear();
  }
});

// A text of a part of the English catalogue shown by a module that does not add it
// (i18n/*Texts.ts) is said on the console and shows its key: here it fails the test, also
// when the render that said it was caught by an error boundary or a try.
const missingTexts: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Case Data Panel: no text for')) {
    missingTexts.push(args[0]);
    throw new Error(args[0]);
  }
  consoleError(...args);
};
afterEach(() => {
  const missing = missingTexts.splice(0);
  if (missing.length > 0) throw new Error(missing.join('\n'));
});
