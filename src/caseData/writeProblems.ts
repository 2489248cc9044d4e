// Why a write of the agent's is not on the server, in words: a chunk of its own with how GWS's
// errors read (validation.ts, problemWording), fetched once the grid has painted. A write can
// only fail or be overtaken once it could have been sent, so the first paint carries none of it;
// a row that shows one sooner (a write kept over a reload) waits a moment for its words.

import type { UserDataValue } from '../gws';
import { translateGwsError } from '../i18n/gwsErrors';
import type { Translate } from '../i18n';
import type { ChatEntry, PendingEdit } from '../store';
import type { GridRow } from './useCaseDataRows';
import { formatValue, quotedText } from './userDataValues';
import { chatBlockReason } from './validation';
import { writesSaid } from './writesSaid';
import '../i18n/writeProblemTexts';

export { translateGwsError, writesSaid };

/** Writes whose refusal or conflict the grid's live region said (edits are replaced, never changed, on a new status). */
const told = new WeakSet<PendingEdit>();

/**
 * What the grid's live region says of the agent's writes in `entry` (its grid's `rows`), if
 * anything (null: nothing). Each write refused or overtaken once, also across chat switches,
 * worded as its row words it; all that came together in one message, together. Or '': what it
 * said of them last (writesSaid.ts) no longer stands, and is still all it says (`saying`).
 */
export function problemsToSay(entry: ChatEntry | undefined, rows: readonly GridRow[], t: Translate, named: (key: string) => string, saying: string): string | null {
  if (!entry) return null;
  const said: string[] = [];
  for (const edit of entry.pending) {
    if (told.has(edit)) continue;
    // Its key's own reason to be read-only, else the chat's.
    const gridRow = rows.find((candidate) => candidate.row.key === edit.key);
    const readOnlyReason = gridRow ? gridRow.readOnlyReason : chatBlockReason(entry.chat, 'update', t);
    const problem = writeProblem(edit, entry.chat.userData.get(edit.key), t, readOnlyReason);
    if (!problem) continue;
    told.add(edit);
    // Two queued writes of one key overtaken together: one sentence, said once.
    const line = t('caseData.announce.problem', { key: named(edit.key), problem });
    if (!said.includes(line)) said.push(line);
  }
  const chatId = entry.chat.id;
  if (said.length > 0) {
    const text = said.join(' ');
    writesSaid.set(chatId, { text, stands: (now) => now.pending.some((edit) => told.has(edit)) });
    return text;
  }
  const last = writesSaid.get(chatId);
  if (!last || last.stands(entry)) return null;
  writesSaid.delete(chatId);
  // Only its words alone (a repeat ends with a no-break space): others said with them stay (review).
  return saying.replace(/\u00a0$/, '') === last.text ? '' : null;
}

/**
 * Why the agent's write is not on the server: refused, or overtaken by another's; then what
 * the row's buttons offer, or, where the cell is read-only (`readOnlyReason`: a chat that is
 * over offers neither Retry nor Keep mine), why it offers only Discard or Take theirs ('': read-only
 * for a reason said elsewhere, nothing after the problem).
 */
export function writeProblem(edit: PendingEdit, serverValue: UserDataValue | undefined, t: Translate, readOnlyReason: string | null): string | null {
  const { error } = edit;
  let problem: string;
  let choice: `caseData.choice.${'changed' | 'deleted' | 'deleteChanged' | 'retry'}` | null = null;
  if (edit.status === 'failed' && error) {
    // No answer (or none that can be read) to a write that was sent is not a refusal: GWS may have applied it (its notification then settles the row).
    problem = t(edit.mayHaveLanded ? 'caseData.notConfirmed' : edit.op === 'delete' ? 'caseData.deleteNotSaved' : 'caseData.notSaved', { error: translateGwsError(t, error) });
    if (edit.mayHaveLanded) choice = 'caseData.choice.retry';
  } else if (edit.status === 'conflict') {
    // Deleted is not "changed to (empty)": an empty text is a value the key still has.
    // Refused, or sent without an answer that says (Not confirmed: it may have been saved), or never sent.
    const since = error ? (edit.mayHaveLanded ? 'Unconfirmed' : 'Failed') : null;
    if (serverValue === undefined) {
      problem = t(since ? `caseData.deletedSince${since}` : 'caseData.deletedOffline');
      choice = 'caseData.choice.deleted';
    } else {
      const value = quotedText(formatValue(serverValue), t);
      const changed = t(since ? `caseData.changedSince${since}` : 'caseData.changedOffline', { value });
      // The cell shows their value: "yours" is a delete, and is named (Keep mine deletes the key: exploratory test).
      if (edit.op !== 'delete') problem = changed;
      else problem = since ? t(`caseData.deleteChangedSince${since}`, { value }) : t('caseData.deleteNotSaved', { error: changed });
      choice = edit.op === 'delete' ? 'caseData.choice.deleteChanged' : 'caseData.choice.changed';
    }
  } else return null;
  // And the keys that do it: the row's buttons are out of the tab order (one stop per grid), and
  // a screen reader heard their words in the cell's name with no way to them (exploratory test).
  const keys = edit.op === 'delete' ? (edit.status === 'conflict' ? 'caseData.keys.deleteAgainOrTheirs' : 'caseData.keys.sendAgain') : edit.status === 'conflict' ? 'caseData.keys.openOrTheirs' : 'caseData.keys.openToSend';
  const after = readOnlyReason ?? [choice && t(choice), t(keys)].filter(Boolean).join(' ');
  return after ? `${sentence(problem)} ${after}` : problem;
}

/** "Not saved: Server error HTTP 500" ends as a sentence before the next one. */
const sentence = (words: string) => (/[.!?。؟]$/.test(words) ? words : `${words}.`);
