// @vitest-environment node
// Why a write is not on the server is worded by a chunk of its own (src/caseData/writeProblems.ts):
// once it has failed to load (offline as the page came up), a refusal reads in the server's own
// words, never the error's kind; a change of theirs with their value; nothing shows a key in place
// of words. Before (review, exploratory test): GWS's refusal read "status-code", their value nowhere.
import { expect, it, vi } from 'vitest';
import { problemWording, writeProblem } from '../../src/caseData/validation';
import { translateEnglish } from '../../src/i18n';
import type { PendingEdit } from '../../src/store';

vi.mock('../../src/caseData/writeProblems', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

it('a refusal reads in the server’s own words, a change of theirs with their value; a settled write has none', async () => {
  const refused: PendingEdit = { editId: 1, op: 'update', key: 'Subject', value: 'mine', base: 'old', status: 'failed', error: { kind: 'status-code', statusCode: 4, statusMessage: 'Invalid key' } };
  // Asked for by the first call; its failure settles before the next.
  writeProblem(refused, 'old', translateEnglish);
  await new Promise<void>((resolve) => problemWording.use(() => resolve(), resolve));
  expect(writeProblem(refused, 'old', translateEnglish)).toBe('Invalid key');
  expect(writeProblem({ ...refused, error: { kind: 'timeout', afterMs: 15_000 }, mayHaveLanded: true }, 'old', translateEnglish)).toBe('');
  expect(writeProblem({ ...refused, status: 'conflict', error: undefined }, 'theirs', translateEnglish)).toBe('Subject was changed by someone else to “theirs”.');
  expect(writeProblem({ ...refused, status: 'conflict', error: undefined }, undefined, translateEnglish)).toBe('Subject was deleted by someone else.');
  expect(writeProblem({ ...refused, status: 'sending', error: undefined }, 'old', translateEnglish)).toBeNull();
});
