// @vitest-environment node
// Why a write is not on the server, as its row and the live region say it (src/caseData/writeProblems.ts):
// what happened, then what the row's buttons offer; in a cell that is read-only (a chat that is
// over) the buttons offer neither Retry nor Keep mine, and the reason stands in their place.
// Before (exploratory test): "keep yours or take theirs" and "Retry sends it again" beside a lone Take theirs or Discard.
import { describe, expect, it } from 'vitest';
import { problemsToSay, writeProblem } from '../../src/caseData/writeProblems';
import { createTranslate, loadCatalog, translateEnglish as t } from '../../src/i18n';
import type { PendingEdit } from '../../src/store';
import { newEntry } from '../../src/store/chatEntry';
import { chatOf } from '../support/chats';

const OVER = 'This chat is Completed: its case data is read-only.';
const write: PendingEdit = { editId: 1, op: 'update', key: 'Subject', value: 'mine', base: 'old', status: 'failed', error: { kind: 'http', status: 500, message: 'Internal Server Error' } };
const unconfirmed: PendingEdit = { ...write, error: { kind: 'timeout', afterMs: 15_000 }, mayHaveLanded: true };
const overtaken: PendingEdit = { ...write, status: 'conflict', error: undefined };

describe('a write’s problem in words', () => {
  // The row's buttons are out of the tab order: a screen reader heard their words with no way to them (exploratory test).
  it('a refusal says what happened, then the keys for Retry and Discard (a delete’s Enter sends it again)', () => {
    expect(writeProblem(write, 'old', t, null)).toBe('Not saved: Server error HTTP 500: Internal Server Error. Enter opens it to send again, Escape discards it.');
    expect(writeProblem({ editId: 2, op: 'delete', key: 'Subject', base: 'old', status: 'failed', error: write.error }, 'old', t, null)).toBe(
      'Not saved (delete): Server error HTTP 500: Internal Server Error. Enter sends it again, Escape discards it.',
    );
    expect(writeProblem(write, 'old', t, OVER)).toBe(`Not saved: Server error HTTP 500: Internal Server Error. ${OVER}`);
  });

  it('a write that may have been saved says Retry sends it again, where Retry is offered', () => {
    expect(writeProblem(unconfirmed, 'old', t, null)).toBe('Not confirmed: The server did not answer within 15 s. It may have been saved. Retry sends it again. Enter opens it to send again, Escape discards it.');
    expect(writeProblem(unconfirmed, 'old', t, OVER)).toBe(`Not confirmed: The server did not answer within 15 s. It may have been saved. ${OVER}`);
  });

  it('a change of theirs offers keep yours or take theirs, where Keep mine is offered', () => {
    expect(writeProblem(overtaken, 'theirs', t, null)).toBe('Changed on the server to “theirs” before yours was sent. Keep yours or take theirs. Enter opens yours with the choice, Escape takes theirs.');
    expect(writeProblem(overtaken, 'theirs', t, OVER)).toBe(`Changed on the server to “theirs” before yours was sent. ${OVER}`);
    expect(writeProblem(overtaken, undefined, t, OVER)).toBe(`Deleted on the server before yours was sent. ${OVER}`);
    expect(writeProblem({ ...overtaken, error: unconfirmed.error, mayHaveLanded: true }, undefined, t, null)).toBe('Not confirmed, and deleted on the server since. Keep yours or take theirs. Enter opens yours with the choice, Escape takes theirs.');
  });

  it('a refused delete overtaken by a change of theirs says that yours is a delete (Keep mine deletes the key)', () => {
    const deleteOf = { editId: 2, op: 'delete', key: 'Priority', base: 3 } as const;
    const refused: PendingEdit = { ...deleteOf, status: 'conflict', error: write.error };
    expect(writeProblem(refused, 1, t, null)).toBe('Not saved (delete), and changed on the server to “1” since. Keep yours or take theirs. Enter deletes it again, Escape takes theirs.');
    expect(writeProblem({ ...refused, error: unconfirmed.error, mayHaveLanded: true }, 1, t, null)).toBe('Not confirmed (delete), and changed on the server to “1” since. Keep yours or take theirs. Enter deletes it again, Escape takes theirs.');
    // Never sent (queued offline), as before.
    expect(writeProblem({ ...deleteOf, status: 'conflict' }, 99, t, null)).toBe('Not saved (delete): Changed on the server to “99” before yours was sent. Keep yours or take theirs. Enter deletes it again, Escape takes theirs.');
  });

  it('a write that is settled has none', () => {
    expect(writeProblem({ ...write, status: 'awaiting', error: undefined }, 'old', t, OVER)).toBeNull();
  });

  it('in German, taking theirs is taking the deletion where they deleted the key', async () => {
    await loadCatalog('de');
    const de = createTranslate('de');
    expect(writeProblem(overtaken, undefined, de, null)).toBe('Auf dem Server gelöscht, bevor Ihr Wert gesendet wurde. Behalten Sie Ihren Wert oder übernehmen Sie die Löschung. Eingabe öffnet Ihren Wert mit der Wahl, Esc übernimmt den Stand des Servers.');
    expect(writeProblem(overtaken, 'x', de, null)).toBe('Auf dem Server zu „x“ geändert, bevor Ihr Wert gesendet wurde. Behalten Sie Ihren Wert oder übernehmen Sie den des Servers. Eingabe öffnet Ihren Wert mit der Wahl, Esc übernimmt den Stand des Servers.');
    // Theirs a value, yours a delete: not "keep your value" (exploratory test).
    const refusedDelete: PendingEdit = { editId: 2, op: 'delete', key: 'Priority', base: 3, status: 'conflict', error: write.error };
    expect(writeProblem(refusedDelete, 1, de, null)).toBe('Nicht gelöscht, und inzwischen auf dem Server zu „1“ geändert. Behalten Sie Ihre Löschung oder übernehmen Sie den Wert des Servers. Eingabe löscht erneut, Esc übernimmt den Wert des Servers.');
  });
});

describe('what the grid’s live region says of them', () => {
  const entryWith = (...pending: PendingEdit[]) => ({ ...newEntry(chatOf({ userData: { Subject: 'old' } }), 1), pending });
  const named = (key: string) => key;

  it('says each write once, and unsays it only while the region still says it and no write told of stands', () => {
    const refused = { ...write, editId: 10 };
    const said = 'Subject: Not saved: Server error HTTP 500: Internal Server Error. Enter opens it to send again, Escape discards it.';
    expect(problemsToSay(entryWith(refused), [], t, named, '')).toBe(said);
    // Told once: the same write again is nothing new.
    expect(problemsToSay(entryWith(refused), [], t, named, said)).toBeNull();
    const again: PendingEdit = { ...refused, editId: 11, status: 'sending', error: undefined };
    // Still standing (the no-break space a repeat adds too): kept.
    expect(problemsToSay(entryWith(refused, again), [], t, named, `${said}\u00a0`)).toBeNull();
    // Sent again: the region has said something else since, which stays.
    expect(problemsToSay(entryWith(again), [], t, named, 'Sending your change to Subject.')).toBeNull();
    // Said together with other words: those stay, and so do its own (review).
    expect(problemsToSay(entryWith({ ...write, editId: 12 }), [], t, named, '')).toBe(said);
    expect(problemsToSay(entryWith(again), [], t, named, `${said} Subject was changed by someone else.`)).toBeNull();
    // Alone: unsaid, once.
    expect(problemsToSay(entryWith({ ...write, editId: 13 }), [], t, named, '')).toBe(said);
    expect(problemsToSay(entryWith(again), [], t, named, `${said}\u00a0`)).toBe('');
    expect(problemsToSay(entryWith(again), [], t, named, `${said}\u00a0`)).toBeNull();
  });
});
