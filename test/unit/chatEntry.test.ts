// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chat, UserDataValue } from '../../src/gws';
import { addPending, applySnapshot, deriveRows, markAccepted, markFailed, newEntry, type ChatEntry } from '../../src/store/chatEntry';

const chat = (userData: Record<string, UserDataValue>): Chat => ({
  id: 'c1',
  state: 'Chatting',
  capabilities: ['UpdateUserData'],
  participants: [],
  userData: new Map(Object.entries(userData)),
});

const shown = (entry: ChatEntry) => Object.fromEntries(deriveRows(entry).map((row) => [row.key, [row.value, row.status]]));

describe('one chat: server snapshot plus pending edits', () => {
  it('shows a sent value as saving until its notification confirms it by referenceId', () => {
    let entry = newEntry(chat({ a: 'old', b: 1 }), 1);
    entry = addPending(entry, { op: 'update', editId: 1, key: 'a', value: 'mine', status: 'sending' });
    expect(shown(entry).a).toEqual(['mine', 'saving']);
    entry = markAccepted(entry, 1, 85);
    expect(shown(entry).a).toEqual(['mine', 'saving']);
    // Someone else's write, before ours lands: no referenceId, does not carry our value.
    entry = applySnapshot(entry, chat({ a: 'old', b: 2 }), 2, undefined);
    expect(shown(entry)).toEqual({ a: ['mine', 'saving'], b: [2, 'confirmed'] });
    entry = applySnapshot(entry, chat({ a: 'mine', b: 2 }), 3, 85);
    expect(shown(entry)).toEqual({ a: ['mine', 'confirmed'], b: [2, 'confirmed'] });
    expect(entry.pending).toEqual([]);
  });

  it('confirms an edit whose notification arrived before the HTTP reply', () => {
    let entry = newEntry(chat({ a: 'old' }), 1);
    entry = addPending(entry, { op: 'update', editId: 1, key: 'a', value: 'mine', status: 'sending' });
    entry = applySnapshot(entry, chat({ a: 'mine' }), 2, 86);
    expect(entry.pending).toHaveLength(1);
    entry = markAccepted(entry, 1, 86);
    expect(entry.pending).toEqual([]);
    expect(entry.unclaimedReferenceIds).toEqual([]);
  });

  it('falls back to values when the reply carries no referenceId', () => {
    let entry = newEntry(chat({ a: 'old' }), 1);
    entry = addPending(entry, { op: 'update', editId: 1, key: 'a', value: 'mine', status: 'sending' });
    entry = markAccepted(entry, 1, undefined);
    entry = applySnapshot(entry, chat({ a: 'other' }), 2, undefined);
    expect(shown(entry).a).toEqual(['mine', 'saving']);
    entry = applySnapshot(entry, chat({ a: 'mine' }), 3, undefined);
    expect(entry.pending).toEqual([]);
  });

  it('keeps a failed value with its reason, and a new edit of that key replaces it', () => {
    let entry = newEntry(chat({ a: 'old' }), 1);
    entry = addPending(entry, { op: 'update', editId: 1, key: 'a', value: 'mine', status: 'sending' });
    entry = markFailed(entry, 1, { kind: 'status-code', statusCode: 4, statusMessage: 'boom' });
    expect(deriveRows(entry)[0]).toMatchObject({ value: 'mine', status: 'failed', pending: { error: { statusCode: 4 } } });
    entry = applySnapshot(entry, chat({ a: 'server' }), 2, undefined);
    expect(deriveRows(entry)[0]).toMatchObject({ value: 'mine', status: 'failed', serverValue: 'server' });
    entry = addPending(entry, { op: 'update', editId: 2, key: 'a', value: 'again', status: 'sending' });
    expect(entry.pending.map((edit) => edit.editId)).toEqual([2]);
  });

  it('shows a key the agent added before the server knows it', () => {
    const entry = addPending(newEntry(chat({}), 1), { op: 'attach', editId: 1, key: 'new', value: 5, status: 'sending' });
    expect(shown(entry)).toEqual({ new: [5, 'saving'] });
  });
});

// Property: whatever order the server answers in, once every edit is answered and the
// last snapshot is the server's state, the grid shows exactly that state plus the
// agent's failed values (kept for retry), and never an edit silently dropped.
describe('settling (property-based)', () => {
  const key = fc.constantFrom('a', 'b', 'c', '__proto__', '');
  const value = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -5, max: 5 }), fc.constant(null));
  const edit = fc.record({ key, value, remove: fc.boolean(), fails: fc.boolean(), replyFirst: fc.boolean(), refId: fc.boolean() });

  it('ends at server state plus failed edits, for any interleaving', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), fc.array(fc.tuple(key, value), { maxLength: 4 }), (edits, remote) => {
        const server = new Map<string, UserDataValue>([['a', 'start']]);
        const snapshot = () => chat(Object.fromEntries(server));
        let entry = newEntry(snapshot(), 0);
        let clock = 1;
        let ref = 100;
        // A failed write stays on screen: a failed value as the agent typed it, a failed
        // delete as the server's value (with the failure shown).
        const failed = new Map<string, UserDataValue | 'deleted'>();
        edits.forEach((e, index) => {
          const editId = index + 1;
          entry = e.remove
            ? addPending(entry, { op: 'delete', editId, key: e.key, status: 'sending' })
            : addPending(entry, { op: 'update', editId, key: e.key, value: e.value, status: 'sending' });
          if (e.fails) {
            entry = markFailed(entry, editId, { kind: 'network', message: 'down' });
            failed.set(e.key, e.remove ? 'deleted' : e.value);
            return;
          }
          failed.delete(e.key);
          if (e.remove) server.delete(e.key);
          else server.set(e.key, e.value);
          const referenceId = e.refId ? ++ref : undefined;
          if (e.replyFirst) {
            entry = markAccepted(entry, editId, referenceId);
            entry = applySnapshot(entry, snapshot(), clock++, referenceId);
          } else {
            entry = applySnapshot(entry, snapshot(), clock++, referenceId);
            entry = markAccepted(entry, editId, referenceId);
          }
        });
        for (const [k, v] of remote) {
          server.set(k, v);
          entry = applySnapshot(entry, snapshot(), clock++, undefined);
        }
        const expected = new Map<string, UserDataValue>(server);
        for (const [k, v] of failed) {
          if (v !== 'deleted') expected.set(k, v);
          else if (!server.has(k)) expected.set(k, null);
        }
        const rows = deriveRows(entry);
        expect(new Map(rows.map((row) => [row.key, row.value]))).toEqual(expected);
        expect(rows.filter((row) => row.status === 'saving' || row.status === 'deleting')).toEqual([]);
        expect(rows.filter((row) => row.status === 'failed').map((row) => row.key).sort()).toEqual([...failed.keys()].sort());
      }),
    );
  });
});
