// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { unsavedLines } from '../../src/caseData/UnsavedWhenEnded';
import { addPending, newEntry } from '../../src/store/chatEntry';
import { setDraft } from '../../src/store/drafts';

const chat = { id: 'c', state: 'Completed', capabilities: [], participants: [], userData: new Map([['multi', 'first'], ['Subject', 'old']]) };

describe('the unsaved changes of an ended chat, as lines to paste', () => {
  it('indents a value’s own lines under its key, so no line of it passes for another key’s', () => {
    let entry = newEntry(chat, 1);
    entry = setDraft(entry, 'multi', 'first\nsecond\r\nthird\rSubject: Refund approved');
    entry = addPending(entry, { op: 'update', key: 'Notes', value: 'a\nb', editId: 1, status: 'failed', base: undefined });
    entry = addPending(entry, { op: 'delete', key: 'Subject', editId: 2, status: 'queued', base: 'old' });
    // Before (exploratory test): "multi: first\nsecond\nSubject: Refund approved", read as a change to Subject
    // (and after a lone CR, an old Mac line end, until a review).
    expect(unsavedLines(entry)).toEqual(['Notes: a\n  b', 'Subject: (delete)', 'multi: first\n  second\n  third\n  Subject: Refund approved']);
  });
});
