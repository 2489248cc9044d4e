// A write GWS did not answer in time may still be applied, late: after the agent's next
// write of its key, which it then replaces unseen (exploratory test: "S1" timed out, "S2"
// went and was saved, then S1 landed; the cell showed S1 as the server's value, nothing
// said, S2 lost). GWS cannot cancel a request or say whether one will still come, so the
// writer watches for it (part of its chunk, out of the first paint) and sends the newer
// write again.
//
// What counts as that write landing: a notification that carries a referenceId none of the
// agent's answered writes has (referenceIds answer this session's requests: another party's
// change carries none) and sets the key to the timed-out write's value. A change without one
// (another party's, or a re-read) may be anyone's: left as the server's value, like every other.
// One from another window of the agent's own session (a second panel, Workspace) looks the same:
// so what is sent again is said, and Ctrl+Z takes it back (restore, below).

import type { UserDataValue } from '../gws';
import { isEditedDraft, sameValue, valueAfter, type ChatStore, type ChatStoreState, type HistoryStep, type UserDataWrite } from '../store';
import { chatBlockReason } from './validation';

/** How long a timed-out write may still land: far beyond GWS's and proxies' own request limits. */
export const LANDS_WITHIN_MS = 5 * 60_000;

type InDoubt = {
  readonly chatId: string;
  readonly key: string;
  readonly editId: number;
  /** The value the write leaves its key with (undefined: deleted). */
  readonly after: UserDataValue | undefined;
  readonly until: number;
  /** The agent's latest write of the key GWS accepted since (with its editId): their intent. */
  newer: { readonly write: UserDataWrite; readonly editId: number } | null;
  /** It landed before that newer write was answered (GWS may publish first): settled when it is. */
  landed: boolean;
  /** What the key held just before it landed: the agent's newer value, or someone else's since. */
  replaced: UserDataValue | undefined;
  /** The agent threw this very write away (Discard, Take theirs), and has written the key no more since. */
  gaveUp: boolean;
};

export function watchLateWrites(store: ChatStore, resend: (chatId: string, write: UserDataWrite, step: HistoryStep) => void) {
  let inDoubt: InDoubt[] = [];
  /** referenceIds GWS answered the agent's writes with: their notifications are not a late landing. */
  const answered = new Set<number>();
  let unsubscribe: (() => void) | null = null;

  const forget = (doubt: InDoubt) => {
    inDoubt = inDoubt.filter((other) => other !== doubt);
    if (inDoubt.length === 0) {
      unsubscribe?.();
      unsubscribe = null;
      answered.clear();
    }
  };

  /**
   * The late write is on the server now: the agent's newer word goes again, unless they are at
   * it. Their word is their newer write; or, when they gave this one up (Discard, Take theirs)
   * and made none since, the value it replaced, which they chose to keep (exploratory test: the
   * late write reversed their Take theirs unseen, the other party's value lost).
   */
  const restore = (doubt: InDoubt, state: ChatStoreState) => {
    forget(doubt);
    const entry = state.chats.get(doubt.chatId);
    const kept: UserDataWrite = doubt.replaced === undefined ? { op: 'delete', key: doubt.key } : { op: 'update', key: doubt.key, value: doubt.replaced };
    const newer = doubt.newer?.write ?? (doubt.gaveUp ? kept : undefined);
    // Only over the agent's own newer value: one another party set since is theirs, and what
    // the late write replaced was not the agent's to bring back (unless they had chosen it).
    if (!entry || !newer || !sameValue(doubt.replaced, valueAfter(newer)) || !sameValue(entry.chat.userData.get(doubt.key), doubt.after)) return;
    // A write of the key on its way replaces it anyway; a changed draft sees the change as a
    // conflict (the editor says so and offers Keep mine; one opened and unchanged is no draft);
    // an ended chat takes no write.
    const draft = entry.drafts.get(doubt.key);
    if (entry.pending.some((edit) => edit.key === doubt.key) || (draft && isEditedDraft(draft)) || chatBlockReason(entry.chat, newer.op)) return;
    // A step of its own, said (app/WriteNotices.tsx): the late value may have been the agent's
    // word after all, written in another window of theirs (a notification of it carries a
    // referenceId this panel was not answered with too), and Ctrl+Z keeps it (integrator's test:
    // it was undone unsaid).
    resend(doubt.chatId, newer, { key: doubt.key, before: doubt.after, after: valueAfter(newer), arrivedLate: true });
  };

  const check = (state: ChatStoreState, previous: ChatStoreState) => {
    const now = Date.now();
    for (const doubt of inDoubt) {
      if (doubt.until <= now) {
        forget(doubt);
        continue;
      }
      const entry = state.chats.get(doubt.chatId);
      const before = previous.chats.get(doubt.chatId);
      if (doubt.landed || !entry || !before) continue;
      // Given up: this write gone from the agent's, the newest step of their history its discard.
      // Any later write of the key is their word instead (review: an earlier discard of the same
      // value reverted a later write the agent had left in place).
      const top = entry.history.undo.at(-1);
      const gone = before.pending.some((edit) => edit.editId === doubt.editId) && !entry.pending.some((edit) => edit.editId === doubt.editId);
      if (entry.pending.some((edit) => edit.key === doubt.key && edit.editId > doubt.editId)) doubt.gaveUp = false;
      else if (gone && top?.discard && top.key === doubt.key && sameValue(top.before, doubt.after)) doubt.gaveUp = true;
      if (entry.chat === before.chat) continue;
      const referenceId = entry.lastReferenceId;
      const foreign = referenceId > before.lastReferenceId && !answered.has(referenceId);
      const replaced = before.chat.userData.get(doubt.key);
      if (!foreign || sameValue(replaced, doubt.after) || !sameValue(entry.chat.userData.get(doubt.key), doubt.after)) continue;
      doubt.replaced = replaced;
      // Landed. The newer write not answered yet: settled as it is (accepted, below).
      if (entry.pending.some((edit) => edit.key === doubt.key && edit.editId > doubt.editId && (edit.status === 'sending' || edit.status === 'queued'))) doubt.landed = true;
      else restore(doubt, state);
    }
  };

  return {
    /** A write of the agent's got no answer in time (or none that could be read): GWS may still apply it. */
    timedOut(chatId: string, write: UserDataWrite, editId: number) {
      inDoubt.push({ chatId, key: write.key, editId, after: valueAfter(write), until: Date.now() + LANDS_WITHIN_MS, newer: null, landed: false, replaced: undefined, gaveUp: false });
      unsubscribe ??= store.subscribe(check);
    },
    /** GWS accepted a write (`referenceId` as it answered): the agent's newer word on a key whose earlier write is in doubt. */
    accepted(chatId: string, write: UserDataWrite, editId: number, referenceId: number | undefined) {
      if (inDoubt.length === 0) return;
      if (referenceId !== undefined) answered.add(referenceId);
      for (const doubt of inDoubt) {
        if (doubt.chatId !== chatId || doubt.key !== write.key || editId <= doubt.editId) continue;
        doubt.newer = { write, editId };
        if (doubt.landed) restore(doubt, store.getState());
      }
    },
  };
}
