// @vitest-environment node
// Why a write is not on the server is worded by a chunk of its own (src/caseData/writeProblems.ts):
// while it cannot be loaded (offline as the page came up), a refusal reads in the error's own
// words and a change of theirs in none but its row's buttons; nothing shows a key in place of words.
import { expect, it, vi } from 'vitest';
import { writeProblem } from '../../src/caseData/validation';
import { translateEnglish } from '../../src/i18n';
import type { PendingEdit } from '../../src/store';

vi.mock('../../src/caseData/writeProblems', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

it('a refusal reads in the error’s own words, a change of theirs in none; a settled write has none', () => {
  const refused: PendingEdit = { editId: 1, op: 'update', key: 'Subject', value: 'mine', base: 'old', status: 'failed', error: { kind: 'http', status: 500, message: 'Internal Server Error' } };
  expect(writeProblem(refused, 'old', translateEnglish)).toBe('Internal Server Error');
  expect(writeProblem({ ...refused, status: 'conflict', error: undefined }, 'theirs', translateEnglish)).toBe('');
  expect(writeProblem({ ...refused, status: 'sending', error: undefined }, 'old', translateEnglish)).toBeNull();
});
