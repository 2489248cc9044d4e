// Why a write of the agent's is not on the server, as its row and the grid's live region say
// it (caseData/writeProblems.ts): a chunk fetched after the first paint, with how GWS's errors
// read (no write can have failed or been overtaken before it could be sent);
// i18n/writeProblemTexts.ts adds them to the English catalogue. Keys and placeholders work
// as in en.ts.

export const enWriteProblems = {
  // {error} is how a GWS error reads (enGwsErrors.ts).
  'caseData.notSaved': 'Not saved: {error}',
  'caseData.deleteNotSaved': 'Not saved (delete): {error}',
  'caseData.notConfirmed': 'Not confirmed: {error}. It may have been saved.',
  'caseData.changedOffline': 'Changed on the server to “{value}” before yours was sent.',
  'caseData.changedSinceFailed': 'Not saved, and changed on the server to “{value}” since.',
  'caseData.deletedOffline': 'Deleted on the server before yours was sent.',
  'caseData.deletedSinceFailed': 'Not saved, and deleted on the server since.',
  // The same for a write that may have been saved (no answer in time): "Not saved" would not be known.
  'caseData.changedSinceUnconfirmed': 'Not confirmed, and changed on the server to “{value}” since.',
  'caseData.deletedSinceUnconfirmed': 'Not confirmed, and deleted on the server since.',
  // The agent's write was a delete: Keep mine deletes the key their change set.
  'caseData.deleteChangedSinceFailed': 'Not saved (delete), and changed on the server to “{value}” since.',
  'caseData.deleteChangedSinceUnconfirmed': 'Not confirmed (delete), and changed on the server to “{value}” since.',
  // What the row's buttons offer, after the sentences above; where the cell is read-only
  // (a chat that is over) it offers neither, and its reason stands there instead.
  'caseData.choice.changed': 'Keep yours or take theirs.',
  'caseData.choice.deleted': 'Keep yours or take theirs.',
  // Yours is a delete, theirs a value.
  'caseData.choice.deleteChanged': 'Keep yours or take theirs.',
  'caseData.choice.retry': 'Retry sends it again.',
  // The keys for them, said last (the cell's buttons are out of the tab order).
  'caseData.keys.openToSend': 'Enter opens it to send again, Escape discards it.',
  'caseData.keys.sendAgain': 'Enter sends it again, Escape discards it.',
  'caseData.keys.openOrTheirs': 'Enter opens yours with the choice, Escape takes theirs.',
  'caseData.keys.deleteAgainOrTheirs': 'Enter deletes it again, Escape takes theirs.',
  // The live region's line for one: the key as its row header names it.
  'caseData.announce.problem': '{key}: {problem}',
} as const;
