// Drafts and writes not yet confirmed survive a reload of the page or of the iframe: they are kept
// in sessionStorage, one item per chat, and removed once confirmed or when the chat is
// gone. Only case data is stored, never tokens or credentials.

import { jsonValue, type UserDataValue } from '../gws';
import { array, isRecord, object, oneOf, string, type Schema } from '../shared/schema';
import type { ChatEntry, UserDataWrite } from './chatEntry';
import { isEditedDraft, type Draft } from './drafts';

export type SavedWrite = UserDataWrite & { readonly base: UserDataValue | undefined };
export type SavedChat = { readonly drafts: readonly (readonly [string, Draft])[]; readonly writes: readonly SavedWrite[] };

export type DraftStorage = {
  load(chatId: string): SavedChat | null;
  save(chatId: string, saved: SavedChat | null): void;
  /** Chats something is stored for, so that what belongs to vanished chats can be removed. */
  chatIds(): string[];
};

const FORMAT = 1;

// JSON has no `undefined`: an absent base (the key did not exist) is written as absent.
type Stored = { base?: UserDataValue };
const baseOf = (stored: unknown): UserDataValue | undefined => {
  if (!isRecord(stored) || !Object.hasOwn(stored, 'base')) return undefined;
  const parsed = jsonValue(stored.base, 'base');
  return parsed.ok ? parsed.value : undefined;
};

const savedWrite: Schema<SavedWrite> = (input, path) => {
  const head = object({ op: oneOf(['update', 'attach', 'delete'] as const), key: string })(input, path);
  if (!head.ok || !isRecord(input)) return head.ok ? { ok: false, issues: [{ path, message: 'not an object' }] } : head;
  const base = baseOf(input);
  if (head.value.op === 'delete') return { ok: true, value: { op: 'delete', key: head.value.key, base } };
  const value = jsonValue(input.value, `${path}.value`);
  return value.ok ? { ok: true, value: { op: head.value.op, key: head.value.key, value: value.value, base } } : value;
};

const savedDraft: Schema<readonly [string, Draft]> = (input, path) => {
  if (!Array.isArray(input) || typeof input[0] !== 'string' || !isRecord(input[1]) || typeof input[1].text !== 'string') {
    return { ok: false, issues: [{ path, message: 'not a [key, draft] pair' }] };
  }
  return { ok: true, value: [input[0], { text: input[1].text, base: baseOf(input[1]), openedWith: null }] };
};

const savedChat = object({ drafts: array(savedDraft), writes: array(savedWrite) });

/**
 * What of an entry is worth keeping: drafts, and the agent's last write of each key the
 * server has not confirmed. One it accepted goes too, sent again after a reload: its refusal
 * (an Error) or confirmation may still be on its way, and the page that would have heard it
 * is gone (exploratory test: a refused one was lost, unsaid). Sent again, it changes nothing
 * if it had been saved (a read that shows it drops it); an earlier write of its key would
 * bring back what the last replaced, an undone value say (review), so only the last goes.
 */
export function toSaved(entry: ChatEntry): SavedChat | null {
  const lastOfKey = new Map(entry.pending.map((edit) => [edit.key, edit])).values();
  const writes = [...lastOfKey].map((edit): SavedWrite =>
    edit.op === 'delete' ? { op: 'delete', key: edit.key, base: edit.base } : { op: edit.op, key: edit.key, value: edit.value, base: edit.base },
  );
  const drafts = [...entry.drafts].filter(([, draft]) => isEditedDraft(draft));
  if (writes.length === 0 && drafts.length === 0) return null;
  return { drafts, writes };
}

const withBase = <T extends object>(item: T, base: UserDataValue | undefined): T & Stored => (base === undefined ? { ...item } : { ...item, base });

/**
 * sessionStorage, if the browser lets the widget use it: in a third-party iframe it may
 * be blocked (a SecurityError on access), and then nothing is kept rather than failing.
 */
export function sessionDraftStorage(): DraftStorage | null {
  let storage: Storage;
  try {
    storage = window.sessionStorage;
    // Not a chat's name: a chat whose id was "probe" had its work overwritten here at every start (review).
    storage.setItem('case-data-panel:probe', '1');
    storage.removeItem('case-data-panel:probe');
  } catch {
    return null;
  }
  // Each panel its own: two frames of the panel in one page share this storage, and one removed or
  // sent what the other kept (integrator's test). The SDK names the second and later frames
  // case-data-panel-2 and on, a name a frame keeps over its reloads (README). Only those: a name a
  // page makes anew at each load (vfFrameId_<time>) would lose the work at every reload (review).
  const prefix = `case-data-panel${/^case-data-panel-\d+$/.test(window.name) ? `@${window.name}` : ''}:chat:`;
  return {
    load(chatId) {
      try {
        const text = storage.getItem(prefix + chatId);
        if (!text) return null;
        const parsed: unknown = JSON.parse(text);
        if (!isRecord(parsed) || parsed.format !== FORMAT) return null;
        const result = savedChat(parsed, '');
        return result.ok ? result.value : null;
      } catch {
        return null;
      }
    },
    chatIds() {
      const ids: string[] = [];
      for (let index = 0; index < storage.length; index += 1) {
        const name = storage.key(index);
        if (name?.startsWith(prefix)) ids.push(name.slice(prefix.length));
      }
      return ids;
    },
    save(chatId, saved) {
      try {
        // The older copy goes first: if the latest does not fit (the quota, with 1 MB values), it
        // must not come back after a reload as if it were the agent's latest (exploratory test).
        storage.removeItem(prefix + chatId);
        if (!saved) return;
        const drafts = saved.drafts.map(([key, draft]) => [key, withBase({ text: draft.text }, draft.base)]);
        const writes = saved.writes.map(({ base, ...write }) => withBase(write, base));
        storage.setItem(prefix + chatId, JSON.stringify({ format: FORMAT, drafts, writes }));
      } catch {
        // Quota exceeded or storage revoked: the live state still holds everything, and the leave
        // warning still says there is unsaved work.
      }
    },
  };
}
