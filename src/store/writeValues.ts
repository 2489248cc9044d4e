// What a key holds as far as the agent knows: the server's snapshot, and the agent's writes
// of it on their way or not settled (chatEntry.ts). The rows, drafts and writes read values
// through these, so "the same value" and "what the agent sees" mean one thing everywhere.

import type { UserDataValue } from '../gws';
import type { ChatEntry, PendingEdit, UserDataWrite } from './chatEntry';

/** A write the server refused, or that another party's change overtook: the agent has to settle it (a row's status, too). */
export const isUnsettled = ({ status }: { readonly status: string }): boolean => status === 'failed' || status === 'conflict';

/** A value as the grid shows it and its editor opens on: always plain text, never markup. */
export function valueText(value: UserDataValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The agent's latest write of `key` not yet confirmed, if any. */
const latestWrite = (entry: ChatEntry, key: string): PendingEdit | undefined => entry.pending.filter((edit) => edit.key === key).at(-1);
/** The value a write leaves its key with (undefined: deleted). */
export const valueAfter = (edit: UserDataWrite): UserDataValue | undefined => (edit.op === 'delete' ? undefined : edit.value);

/**
 * What the server will hold for a key as far as the agent knows: their own write still on
 * its way (queued, sending, awaiting confirmation), else the server's value. A draft begun
 * over the agent's own pending write is not overtaken by its confirmation, nor before it.
 */
export const expectedAfter = (edit: PendingEdit | undefined, serverValue: UserDataValue | undefined): UserDataValue | undefined =>
  edit && !isUnsettled(edit) ? valueAfter(edit) : serverValue;

/**
 * A write of the agent's the server may hold already: sent (answered or not), or queued again after it
 * went unanswered (it may land yet: an undo made over it became a conflict with it once it had, review).
 * Not a refused one, "Not confirmed" or not: a write after it rests on what the server shows.
 */
export const mayBeOnServer = ({ status, mayHaveLanded }: PendingEdit): boolean => status === 'sending' || status === 'awaiting' || (status === 'queued' && mayHaveLanded === true);

/**
 * What the server holds as a new write of `key` goes out, as far as the agent knows: their
 * own write already on its way (sending, accepted), else the server's value. Its base: a
 * queued write is checked against it, and the agent's own earlier write is no conflict.
 */
export function baseFor(entry: ChatEntry, key: string): UserDataValue | undefined {
  const onItsWay = entry.pending.filter((edit) => edit.key === key && mayBeOnServer(edit)).at(-1);
  return onItsWay ? valueAfter(onItsWay) : entry.chat.userData.get(key);
}

/** What the server will hold for a key as far as the agent knows (expectedAfter). */
export const expectedValue = (entry: ChatEntry, key: string) => expectedAfter(latestWrite(entry, key), entry.chat.userData.get(key));

/** The value the agent sees for a key: their latest write not yet confirmed, else the server's. */
export function shownValue(entry: ChatEntry, key: string): UserDataValue | undefined {
  const own = latestWrite(entry, key);
  return own ? valueAfter(own) : entry.chat.userData.get(key);
}

export function sameValue(a: UserDataValue | undefined, b: UserDataValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
