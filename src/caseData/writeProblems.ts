// Why a write of the agent's is not on the server, in words: a chunk of its own with how GWS's
// errors read (validation.ts, problemWording), fetched once the grid has painted. A write can
// only fail or be overtaken once it could have been sent, so the first paint carries none of it;
// a row that shows one sooner (a write kept over a reload) waits a moment for its words.

import type { UserDataValue } from '../gws';
import { translateGwsError } from '../i18n/gwsErrors';
import type { Translate } from '../i18n';
import type { PendingEdit } from '../store';
import { formatValue, quotedText } from './userDataValues';
import '../i18n/writeProblemTexts';

export { translateGwsError };

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
  const after = readOnlyReason ?? (choice && t(choice));
  return after ? `${sentence(problem)} ${after}` : problem;
}

/** "Not saved: Server error HTTP 500" ends as a sentence before the next one. */
const sentence = (words: string) => (/[.!?。؟]$/.test(words) ? words : `${words}.`);
