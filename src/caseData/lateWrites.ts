// A write GWS did not answer in time may still be applied, late: after the agent's next
// write of its key, which it then replaces unseen (exploratory test: "S1" timed out, "S2"
// went and was saved, then S1 landed; the cell showed S1 as the server's value, nothing
// said, S2 lost). GWS cannot cancel a request or say whether one will still come, so the
// writer watches for it (part of its chunk, out of the first paint): a key that goes from
// the agent's newer accepted value back to the timed-out write's is that write landing, and
// the newer one is sent again.

import type { UserDataValue } from '../gws';
import { sameValue, type ChatStore, type ChatStoreState, type UserDataWrite } from '../store';

/** How long a timed-out write may still land: far beyond GWS's and proxies' own request limits. */
export const LANDS_WITHIN_MS = 5 * 60_000;

type InDoubt = {
  readonly chatId: string;
  readonly key: string;
  readonly editId: number;
  /** The value the write leaves its key with (undefined: deleted). */
  readonly after: UserDataValue | undefined;
  until: number;
  /** The agent's latest write of the key GWS accepted since: their intent, if this one lands late. */
  newer: UserDataWrite | null;
};

const valueAfter = (write: UserDataWrite) => (write.op === 'delete' ? undefined : write.value);

export function watchLateWrites(store: ChatStore, resend: (chatId: string, write: UserDataWrite) => void) {
  let inDoubt: InDoubt[] = [];
  let unsubscribe: (() => void) | null = null;

  const check = (state: ChatStoreState, previous: ChatStoreState) => {
    const now = Date.now();
    for (const write of inDoubt) {
      const entry = state.chats.get(write.chatId);
      const before = previous.chats.get(write.chatId);
      if (write.until <= now || !entry || !before || entry.chat === before.chat) continue;
      const was = before.chat.userData.get(write.key);
      const is = entry.chat.userData.get(write.key);
      if (sameValue(was, is) || !sameValue(is, write.after)) continue;
      // Landed (or its value set by someone, which ends the doubt as well).
      write.until = 0;
      // Over the agent's newer write, shown just before, with nothing of theirs for the key on
      // its way since (that would replace it anyway): their latest word comes back.
      if (write.newer && sameValue(was, valueAfter(write.newer)) && !entry.pending.some((edit) => edit.key === write.key)) resend(write.chatId, write.newer);
    }
    inDoubt = inDoubt.filter((write) => write.until > now);
    if (inDoubt.length === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };

  return {
    /** A write of the agent's got no answer in time: GWS may still apply it. */
    timedOut(chatId: string, write: UserDataWrite, editId: number) {
      inDoubt.push({ chatId, key: write.key, editId, after: valueAfter(write), until: Date.now() + LANDS_WITHIN_MS, newer: null });
      unsubscribe ??= store.subscribe(check);
    },
    /** GWS accepted a write: the agent's newer word on a key whose earlier write is in doubt. */
    accepted(chatId: string, write: UserDataWrite, editId: number) {
      for (const doubt of inDoubt) if (doubt.chatId === chatId && doubt.key === write.key && editId > doubt.editId) doubt.newer = write;
    },
  };
}
