// The agent's drafts (open editors, and what they left typed) in one chat's live state
// (chatEntry.ts): begun on the value the agent saw, so that a server change under them is a
// conflict, never a silent new base.

import type { UserDataValue } from '../gws';
import type { ChatEntry } from './chatEntry';
import { expectedValue, sameValue } from './writeValues';

export type Draft = {
  readonly text: string;
  /** The server's value when the editor opened: if the server moves on, it is a conflict. */
  readonly base: UserDataValue | undefined;
  /**
   * The text the editor opened with; null when it opened on a typed character (which
   * replaces the value, an edit whatever it is) or the draft was restored after a reload
   * (only changed drafts are kept).
   */
  readonly openedWith: string | null;
};

/**
 * Whether the agent changed anything: an editor merely opened is not unsaved work (no
 * leave warning, nothing kept over a reload or listed when the chat ends) and cannot
 * conflict with anyone.
 */
export const isEditedDraft = (draft: Draft): boolean => draft.openedWith === null || draft.text !== draft.openedWith;

/** The editor's text changed; null: it closed without committing. */
export function setDraft(entry: ChatEntry, key: string, text: string | null): ChatEntry {
  const current = entry.drafts.get(key);
  if (text === null ? current === undefined : current?.text === text) return entry;
  const drafts = new Map(entry.drafts);
  if (text === null) drafts.delete(key);
  // The base is fixed when the draft begins: later server changes are conflicts, not new bases.
  else drafts.set(key, current ? { ...current, text } : { text, base: expectedValue(entry, key), openedWith: null });
  return { ...entry, drafts };
}

/**
 * An editor opened on `text` (`openedWith`: see Draft). The agent's changed draft of the
 * key, if there is one, is what it resumes; an unchanged one is begun anew, on today's value.
 */
export function openDraft(entry: ChatEntry, key: string, text: string, openedWith: string | null): ChatEntry {
  const current = entry.drafts.get(key);
  if (current && isEditedDraft(current)) return entry;
  return { ...entry, drafts: new Map(entry.drafts).set(key, { text, base: expectedValue(entry, key), openedWith }) };
}

/** Whether the value the draft began from is no longer what the server holds (or will hold). */
export const draftOvertaken = (entry: ChatEntry, key: string, draft: Draft): boolean => !sameValue(expectedValue(entry, key), draft.base);
