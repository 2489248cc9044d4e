// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import {
  addPending,
  applySnapshot,
  markAccepted,
  markFailed,
  markSending,
  newEntry,
  reconcileQueued,
  dropPending,
  type ChatEntry,
  type PendingEdit,
} from '../../src/store/chatEntry';
import { draftOvertaken, isEditedDraft, openDraft, setDraft } from '../../src/store/drafts';
import { toSaved } from '../../src/store/persistence';
import { hasUnsavedWork } from '../../src/store/unsavedWork';
import { deriveRows, deriveRowsKeeping, type UserDataRow } from '../../src/store/rows';
import { entryUnread } from '../../src/store/reads';
import { writeProblem as problemOf } from '../../src/caseData/writeProblems';
import { translateEnglish } from '../../src/i18n';

const writeProblem = (edit: PendingEdit | undefined, serverValue: UserDataValue | undefined, t: typeof translateEnglish) => (edit ? problemOf(edit, serverValue, t, null) : null);

const chat = (userData: Record<string, UserDataValue> | Map<string, UserDataValue>): Chat => ({
  id: 'c1',
  state: 'Chatting',
  capabilities: ['UpdateUserData'],
  participants: [],
  userData: userData instanceof Map ? new Map(userData) : new Map(Object.entries(userData)),
});

const shown = (entry: ChatEntry) => Object.fromEntries(deriveRows(entry).map((row) => [row.key, [row.value, row.status]]));
const update = (editId: number, key: string, value: UserDataValue, status: PendingEdit['status'] = 'sending', base?: UserDataValue): PendingEdit => ({
  op: 'update',
  editId,
  key,
  value,
  status,
  base,
});

describe('one chat: server snapshot, pending writes, drafts', () => {
  it('shows a sent value as saving until its notification confirms it by referenceId', () => {
    let entry = newEntry(chat({ a: 'old', b: 1 }), 1);
    entry = addPending(entry, update(1, 'a', 'mine'));
    expect(shown(entry).a).toEqual(['mine', 'saving']);
    entry = markAccepted(entry, 1, 85, 1);
    // Someone else's write, before ours lands: no referenceId, does not carry our value.
    entry = applySnapshot(entry, chat({ a: 'old', b: 2 }), 2, undefined);
    expect(shown(entry)).toEqual({ a: ['mine', 'saving'], b: [2, 'confirmed'] });
    entry = applySnapshot(entry, chat({ a: 'mine', b: 2 }), 3, 85);
    expect(shown(entry)).toEqual({ a: ['mine', 'confirmed'], b: [2, 'confirmed'] });
    expect(entry.pending).toEqual([]);
  });

  it('confirms a write whose notification arrived before the HTTP reply', () => {
    let entry = addPending(newEntry(chat({ a: 'old' }), 1), update(1, 'a', 'mine'));
    entry = applySnapshot(entry, chat({ a: 'mine' }), 2, 86);
    expect(entry.pending).toHaveLength(1);
    entry = markAccepted(entry, 1, 86, 1);
    expect(entry.pending).toEqual([]);
    expect(entry.unclaimedReferenceIds).toEqual([]);
  });

  it('falls back to values when the reply carries no referenceId', () => {
    let entry = addPending(newEntry(chat({ a: 'old' }), 1), update(1, 'a', 'mine'));
    entry = markAccepted(entry, 1, undefined, 1);
    entry = applySnapshot(entry, chat({ a: 'other' }), 2, undefined);
    expect(shown(entry).a).toEqual(['mine', 'saving']);
    entry = applySnapshot(entry, chat({ a: 'mine' }), 3, undefined);
    expect(entry.pending).toEqual([]);
  });

  it('ignores a repeated or older notification', () => {
    let entry = addPending(newEntry(chat({ a: 'old' }), 1), update(1, 'a', 'mine'));
    entry = markAccepted(entry, 1, 7, 1);
    entry = applySnapshot(entry, chat({ a: 'mine' }), 2, 7);
    const again = applySnapshot(entry, chat({ a: 'mine' }), 3, 7);
    expect(shown(again)).toEqual(shown(entry));
    // One older than what is shown (a lower referenceId, not the agent's): left as it is, not "old" back on screen.
    expect(applySnapshot(entry, chat({ a: 'old' }), 4, 6)).toBe(entry);
  });

  it('keeps a failed value with its reason, flags it once someone else changes the key, and a new write replaces it', () => {
    let entry = addPending(newEntry(chat({ a: 'old', b: 1 }), 1), update(1, 'a', 'mine', 'sending', 'old'));
    entry = markFailed(entry, 1, { kind: 'status-code', statusCode: 4, statusMessage: 'boom' });
    expect(deriveRows(entry)[0]).toMatchObject({ value: 'mine', status: 'failed', pending: { error: { statusCode: 4 } } });
    // Another key changes: still just failed, Retry would overwrite nothing new.
    entry = applySnapshot(entry, chat({ a: 'old', b: 2 }), 2, undefined);
    expect(deriveRows(entry)[0]).toMatchObject({ value: 'mine', status: 'failed', serverValue: 'old' });
    // The same key changes: Retry would overwrite someone else's value unseen, so the agent chooses.
    entry = applySnapshot(entry, chat({ a: 'server', b: 2 }), 3, undefined);
    expect(deriveRows(entry)[0]).toMatchObject({ value: 'mine', status: 'conflict', serverValue: 'server', pending: { error: { statusCode: 4 } } });
    entry = addPending(entry, update(2, 'a', 'again'));
    expect(entry.pending.map((edit) => edit.editId)).toEqual([2]);
  });

  it('settles a write whose notification came before its failed answer (a proxy’s 504 after GWS applied it)', () => {
    let entry = addPending(newEntry(chat({ a: 'old' }), 1), update(1, 'a', 'mine', 'sending', 'old'));
    // GWS publishes first (its referenceId unclaimed while the write is on its way), then the gateway fails.
    entry = applySnapshot(entry, chat({ a: 'mine' }), 2, 7);
    entry = markFailed(entry, 1, { kind: 'http', status: 504, message: 'Gateway Time-out' });
    expect(entry.pending).toEqual([]);
    expect(shown(entry)).toEqual({ a: ['mine', 'confirmed'] });
    // A refusal of a value the server does not show stays the agent's to settle.
    let refused = addPending(newEntry(chat({ a: 'old' }), 1), update(1, 'a', 'mine', 'sending', 'old'));
    refused = markFailed(refused, 1, { kind: 'http', status: 504, message: 'Gateway Time-out' });
    expect(shown(refused)).toEqual({ a: ['mine', 'failed'] });
  });

  it('in a chat a read could not read: an accepted write is Not confirmed, a queued one (never sent) Not saved', () => {
    let entry = addPending(newEntry(chat({ a: 'old', b: 'old' }), 1), update(1, 'a', 'sent', 'sending', 'old'));
    entry = markAccepted(entry, 1, 5, 2);
    entry = addPending(entry, update(2, 'b', 'waiting', 'queued', 'old'));
    entry = entryUnread(entry, 'userData["Deep"]: nested too deeply');
    const [sent, waiting] = entry.pending;
    expect(writeProblem(sent, 'old', translateEnglish)).toMatch(/^Not confirmed: .*It may have been saved/);
    expect(writeProblem(waiting, 'old', translateEnglish)).toMatch(/^Not saved: /);
  });

  it('a write that may have been saved, then changed on the server, is Not confirmed, not Not saved', () => {
    let entry = addPending(newEntry(chat({ a: 'old' }), 1), update(1, 'a', 'mine', 'sending', 'old'));
    entry = markFailed(entry, 1, { kind: 'timeout', afterMs: 15_000 }, true);
    entry = applySnapshot(entry, chat({ a: 'theirs' }), 2, undefined);
    // Before (exploratory test): "Not saved, and changed on the server…", though it may have been saved.
    expect(writeProblem(entry.pending[0], 'theirs', translateEnglish)).toBe('Not confirmed, and changed on the server to “theirs” since. Keep yours or take theirs. Enter opens yours with the choice, Escape takes theirs.');
    expect(writeProblem(entry.pending[0], undefined, translateEnglish)).toBe('Not confirmed, and deleted on the server since. Keep yours or take theirs. Enter opens yours with the choice, Escape takes theirs.');
  });

  it('never lets a server change overwrite a draft; flags it as a conflict instead', () => {
    let entry = setDraft(newEntry(chat({ Subject: 'old', UserData1: 1 }), 1), 'Subject', 'my text');
    entry = applySnapshot(entry, chat({ Subject: 'supervisor', UserData1: 2 }), 2, undefined);
    const row = deriveRows(entry).find((candidate) => candidate.key === 'Subject');
    expect(row).toMatchObject({ value: 'supervisor', draft: { text: 'my text', base: 'old' }, draftConflict: true });
    expect(deriveRows(entry).find((candidate) => candidate.key === 'UserData1')).toMatchObject({ value: 2, draftConflict: false });
    // Typing on keeps the original base: the conflict does not silently disappear.
    entry = setDraft(entry, 'Subject', 'my text, longer');
    expect(entry.drafts.get('Subject')).toEqual({ text: 'my text, longer', base: 'old', openedWith: null });
  });

  it('settles, with no conflict to decide, a refused or queued write whose outcome someone else brought about', () => {
    // Refused: delete a, set b; then someone else deletes a and sets b to the same value.
    let entry = newEntry(chat({ a: 'x', b: 'old', c: 'keep' }), 1);
    entry = addPending(entry, { op: 'delete', key: 'a', editId: 1, status: 'sending', base: 'x' });
    entry = addPending(entry, update(2, 'b', 'new', 'sending', 'old'));
    entry = markFailed(entry, 1, { kind: 'status-code', statusCode: 4, statusMessage: 'no' });
    entry = markFailed(entry, 2, { kind: 'status-code', statusCode: 4, statusMessage: 'no' });
    entry = applySnapshot(entry, chat({ b: 'new', c: 'keep' }), 2, undefined);
    // Before: two conflicts, "Not saved, and deleted on the server since. Keep yours or take theirs", where both mean the same.
    expect(entry.pending).toEqual([]);
    expect(shown(entry)).toEqual({ b: ['new', 'confirmed'], c: ['keep', 'confirmed'] });

    // Queued while offline: the same, found by the re-read after the reconnect; nothing is sent.
    entry = addPending(entry, { op: 'delete', key: 'c', editId: 3, status: 'queued', base: 'keep' });
    entry = applySnapshot(entry, chat({ b: 'new' }), 3, undefined);
    entry = reconcileQueued(entry);
    expect(entry.pending).toEqual([]);
  });

  it('turns a queued write into a conflict when the server changed that key while offline', () => {
    let entry = newEntry(chat({ a: 'old', b: 'x' }), 1);
    entry = addPending(entry, update(1, 'a', 'mine', 'queued', 'old'));
    entry = addPending(entry, update(2, 'b', 'mine-b', 'queued', 'x'));
    entry = applySnapshot(entry, chat({ a: 'theirs', b: 'x' }), 2, undefined);
    entry = reconcileQueued(entry);
    expect(shown(entry)).toEqual({ a: ['mine', 'conflict'], b: ['mine-b', 'queued'] });
  });

  it('counts an editor opened but unchanged as no unsaved work, and knows when its value was overtaken', () => {
    let entry = newEntry(chat({ a: 'old', b: 'x' }), 1);
    entry = openDraft(entry, 'a', 'old', 'old');
    entry = openDraft(entry, 'b', 'x', 'x');
    expect(hasUnsavedWork(entry)).toBe(false);
    expect(toSaved(entry)).toBeNull();
    expect(deriveRows(entry).find((row) => row.key === 'a')).toMatchObject({ draft: { text: 'old' }, draftConflict: false });

    // Typed into, it is unsaved work; typed back to what it opened with, it is not.
    entry = setDraft(entry, 'b', 'xy');
    expect(hasUnsavedWork(entry)).toBe(true);
    expect(toSaved(entry)?.drafts).toEqual([['b', { text: 'xy', base: 'x', openedWith: 'x' }]]);
    entry = setDraft(entry, 'b', 'x');
    expect(hasUnsavedWork(entry)).toBe(false);
    // Opened on a typed character, it is an edit whatever the character.
    expect(isEditedDraft(openDraft(newEntry(chat({ n: '5' }), 1), 'n', '5', null).drafts.get('n') ?? { text: '', base: undefined, openedWith: '' })).toBe(true);

    // The server changes both keys: the unchanged one is overtaken (the grid reopens it on
    // the new value), the changed one is a conflict.
    entry = setDraft(entry, 'b', 'mine');
    entry = applySnapshot(entry, chat({ a: 'theirs', b: 'theirs-b' }), 2, undefined);
    const draftA = entry.drafts.get('a');
    expect(draftA && draftOvertaken(entry, 'a', draftA)).toBe(true);
    expect(deriveRows(entry).find((row) => row.key === 'a')).toMatchObject({ draftConflict: false });
    expect(deriveRows(entry).find((row) => row.key === 'b')).toMatchObject({ draftConflict: true });
  });

  it('begins a draft over the agent’s own write in flight from that write: its confirmation overtakes nothing', () => {
    let entry = newEntry(chat({ a: 'A' }), 1);
    entry = addPending(entry, update(1, 'a', 'B', 'sending', 'A'));
    entry = openDraft(entry, 'a', 'B', 'B');
    entry = setDraft(entry, 'a', 'B and more');
    // Nor before it: the server still shows A while the agent's B is on its way.
    expect(deriveRows(entry).find((row) => row.key === 'a')).toMatchObject({ draftConflict: false });
    entry = applySnapshot(entry, chat({ a: 'B' }), 2, undefined);
    const draft = entry.drafts.get('a');
    expect(draft && draftOvertaken(entry, 'a', draft)).toBe(false);
    expect(deriveRows(entry).find((row) => row.key === 'a')).toMatchObject({ draftConflict: false });
  });
});

// For any interleaving of local edits, acknowledgements, failures, drops, reconnects and
// remote snapshots: once everything settles, the grid equals the server's userData with
// the agent's refused values kept in place, every draft is still there (flagged when the
// server moved under it), and no write is left in between.
describe('settling (property-based)', () => {
  const key = fc.constantFrom('a', 'b', 'c', '__proto__', '');
  const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.constant(null));
  const event = fc.oneof(
    fc.record({ type: fc.constant('edit' as const), key, value, remove: fc.boolean() }),
    fc.record({ type: fc.constant('answer' as const), fail: fc.boolean(), replyFirst: fc.boolean(), refId: fc.boolean() }),
    fc.record({ type: fc.constant('remote' as const), key, value }),
    fc.record({ type: fc.constant('draft' as const), key, text: fc.string({ maxLength: 3 }) }),
    fc.record({ type: fc.constant('drop' as const) }),
    fc.record({ type: fc.constant('reconnect' as const), keep: fc.boolean() }),
  );

  it('ends at server state plus refused values, drafts intact, nothing in between', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const server = new Map<string, UserDataValue>([['a', 'start']]);
        let entry = newEntry(chat(server), 0);
        let clock = 1;
        let ref = 100;
        let nextId = 1;
        let live = true;
        const failed = new Map<string, UserDataValue | 'deleted'>();
        const drafts = new Map<string, string>();

        // A refused write whose outcome someone else brought about (its key deleted, its
        // value set) is settled by the next snapshot: nothing is left to decide.
        const snapshot = (referenceId: number | undefined) => {
          entry = applySnapshot(entry, chat(server), clock++, referenceId);
          for (const [k, v] of failed) if (v === 'deleted' ? !server.has(k) : JSON.stringify(server.get(k)) === JSON.stringify(v)) failed.delete(k);
        };
        const answerOne = (fail: boolean, replyFirst: boolean, withRef: boolean) => {
          const edit = entry.pending.find((candidate) => candidate.status === 'sending');
          if (!edit) return;
          if (fail) {
            const superseded = entry.pending.some((other) => other.key === edit.key && other.editId > edit.editId);
            entry = markFailed(entry, edit.editId, { kind: 'status-code', statusCode: 4, statusMessage: 'no' });
            if (!superseded) failed.set(edit.key, edit.op === 'delete' ? 'deleted' : edit.value);
            return;
          }
          failed.delete(edit.key);
          if (edit.op === 'delete') server.delete(edit.key);
          else server.set(edit.key, edit.value);
          const referenceId = withRef ? ++ref : undefined;
          if (replyFirst) entry = markAccepted(entry, edit.editId, referenceId, 1);
          snapshot(referenceId);
          if (!replyFirst) entry = markAccepted(entry, edit.editId, referenceId, 1);
        };
        const sendQueued = () => {
          for (const edit of entry.pending) if (edit.status === 'queued') entry = markSending(entry, edit.editId);
        };
        const reconnect = (keep: boolean) => {
          live = true;
          snapshot(undefined);
          entry = reconcileQueued(entry);
          // Queued writes whose key changed meanwhile, and refused ones whose key someone else
          // changed since, wait for the agent's choice: keep mine sends again, take theirs drops.
          for (const edit of entry.pending.filter((candidate) => candidate.status === 'conflict')) {
            if (!keep) failed.delete(edit.key);
            // As the grid's Keep mine does (useCaseDataWriter's retry): the same value, written anew.
            entry = dropPending(entry, edit.editId);
            if (keep) {
              // A new write of the key replaces its draft, as every write does (addPending).
              entry = addPending(entry, { ...edit, editId: nextId++, status: 'queued', base: server.get(edit.key) });
              drafts.delete(edit.key);
            }
          }
          sendQueued();
        };

        for (const e of events) {
          if (e.type === 'edit') {
            const status = live ? 'sending' : 'queued';
            const base = server.get(e.key);
            entry = e.remove
              ? addPending(entry, { op: 'delete', key: e.key, editId: nextId++, status, base })
              : addPending(entry, { op: 'update', key: e.key, value: e.value, editId: nextId++, status, base });
            drafts.delete(e.key);
            // A new write of a key replaces that key's refused one.
            failed.delete(e.key);
          } else if (e.type === 'answer') answerOne(e.fail, e.replyFirst, e.refId);
          else if (e.type === 'remote') {
            server.set(e.key, e.value);
            snapshot(undefined);
          } else if (e.type === 'draft') {
            entry = setDraft(entry, e.key, e.text);
            drafts.set(e.key, e.text);
          } else if (e.type === 'drop') live = false;
          else reconnect(e.keep);
        }
        // Settle: back online, every write answered successfully.
        reconnect(true);
        while (entry.pending.some((edit) => edit.status === 'sending')) answerOne(false, true, true);

        const expected = new Map<string, UserDataValue>(server);
        for (const [k, v] of failed) {
          if (v !== 'deleted') expected.set(k, v);
          else if (!server.has(k)) expected.set(k, null);
        }
        for (const k of drafts.keys()) if (!expected.has(k)) expected.set(k, null);
        const rows = deriveRows(entry);
        expect(new Map(rows.map((row) => [row.key, row.value]))).toEqual(expected);
        expect(rows.filter((row) => !['confirmed', 'failed'].includes(row.status))).toEqual([]);
        expect(new Map([...entry.drafts].map(([k, draft]) => [k, draft.text]))).toEqual(drafts);
        // (A server moved to exactly what the agent typed is the draft's new base: chatEntry.ts restDrafts.)
        for (const row of rows) if (row.draft) expect(row.draftConflict).toBe(row.draft.base !== row.serverValue && JSON.stringify(row.draft.base) !== JSON.stringify(row.serverValue));
      }),
      { numRuns: 300 },
    );
  });
});

// The grid's rows over a chat's life: whatever the server does to its order (keys deleted,
// added again at the end, reordered) and wherever the agent has drafts, a row on screen
// never moves while it stays, and new rows come after.
describe('row places (property-based)', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', '__proto__'];
  const step = fc.record({
    server: fc.shuffledSubarray(keys),
    drafts: fc.subarray(keys),
  });

  it('keeps every shown row in its place while it stays, puts new rows after, and loses none', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let previous: readonly UserDataRow[] = [];
        let entry = newEntry(chat({}), 0);
        let clock = 1;
        for (const { server, drafts } of steps) {
          entry = applySnapshot(entry, chat(new Map(server.map((key) => [key, `v-${key}`]))), clock++, undefined);
          for (const key of drafts) entry = setDraft(entry, key, `typed ${key}`);
          const rows = deriveRowsKeeping(entry, previous);
          const derived = deriveRows(entry);
          // The same rows as derived afresh: only the order differs.
          expect(new Map(rows.map((row) => [row.key, row]))).toEqual(new Map(derived.map((row) => [row.key, row])));
          expect(rows).toHaveLength(derived.length);
          const placeBefore = new Map(previous.map((row, index) => [row.key, index]));
          const places = rows.map((row) => placeBefore.get(row.key) ?? Number.POSITIVE_INFINITY);
          // Non-decreasing: rows shown before in their order, every new one after them.
          for (let index = 1; index < places.length; index += 1) expect(places[index]).toBeGreaterThanOrEqual(places[index - 1] ?? 0);
          // New rows in the order the server (then the drafts) gives them.
          const fresh = rows.filter((row) => !placeBefore.has(row.key)).map((row) => row.key);
          expect(fresh).toEqual(derived.filter((row) => !placeBefore.has(row.key)).map((row) => row.key));
          previous = rows;
        }
      }),
    );
  });
});
