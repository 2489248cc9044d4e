// The English texts of undo, redo and delete on the grid (caseData/editHistory.ts), a chunk
// fetched after the first paint: i18n/historyTexts.ts adds them to the English catalogue
// with it. (What the grid says when that chunk cannot be loaded is in en.ts.) Keys and
// placeholders work as in en.ts.

export const enHistory = {
  'caseData.announce.deleted': 'Deleted {key}. Press Ctrl+Z to undo.',
  'caseData.announce.nothingToUndo': 'Nothing to undo.',
  'caseData.announce.nothingToRedo': 'Nothing to redo.',
  // Undo or redo refused (Ctrl+Z, Ctrl+Y).
  'caseData.reason.changedSince': '“{key}” was changed by someone else since; this would overwrite their value.',
  'caseData.announce.undid': 'Undid the change to {key}.',
  'caseData.announce.redid': 'Redid the change to {key}.',
} as const;
