// The English texts of undo, redo and delete on the grid (caseData/editHistory.ts), a chunk
// fetched after the first paint: i18n/historyTexts.ts adds them to the English catalogue
// with it. (What the grid says when that chunk cannot be loaded is in en.ts.) Keys and
// placeholders work as in en.ts.

export const enHistory = {
  // Escape, Discard or Take theirs.
  'caseData.announce.discarded': 'Discarded the unsaved change to {key}. Press Ctrl+Z to undo.',
  // In a chat that is over, whose history stands still (editHistory.ts: travel).
  'caseData.announce.discardedForGood': 'Discarded the unsaved change to {key} for good: this chat takes no changes, so it cannot be undone.',
  'caseData.announce.tookTheirs': "Took the server's value of {key}. Press Ctrl+Z to undo.",
  // A write not confirmed, discarded: the chats are read again, and the cell shows what the server holds, the agent's value if it landed.
  'caseData.announce.discardedMaybeSaved': 'Discarded the change to {key}; it may have been saved: the cell shows what the server holds. Press Ctrl+Z to undo.',
  // Said as it is sent, or queued offline (then the row says Queued): not done yet (exploratory test: "Deleted" offline).
  'caseData.announce.deleted': 'Deleting {key}. Press Ctrl+Z to undo.',
  // The chat's last key (the grid then has no cell for Ctrl+Z): what brings it back instead.
  'caseData.announce.deletedLast': 'Deleting {key}, this chat’s last key: once it is gone, Add field adds it again.',
  // Retry, Keep mine (or Enter on a refused delete): said over what the live region said of the
  // problem, which would read on as if it stood.
  'caseData.announce.sendingAgain': 'Sending your change to {key}.',
  'caseData.announce.sendingDeleteAgain': 'Sending your delete of {key}.',
  // The same while it cannot go (offline, notifications down): it waits, queued.
  'caseData.announce.queuedAgain': 'Your change to {key} is queued; it is sent once the connection is back.',
  'caseData.announce.queuedDeleteAgain': 'Your delete of {key} is queued; it is sent once the connection is back.',
  'caseData.announce.nothingToUndo': 'Nothing to undo.',
  'caseData.announce.nothingToRedo': 'Nothing to redo.',
  // Undo or redo refused (Ctrl+Z, Ctrl+Y).
  'caseData.reason.changedSince': '“{key}” was changed by someone else since; this would overwrite their value.',
  'caseData.announce.undid': 'Undid the change to {key}.',
  'caseData.announce.redid': 'Redid the change to {key}.',
  // Delete, undo or redo of a key with a draft: the write would replace the draft unseen.
  'caseData.reason.draftFirst': '{key} has a draft that is not saved: save it (Enter) or discard it (Escape) first.',
  // Redo of a discarded draft when the agent has typed a new draft of the key since.
  'caseData.reason.draftChangedSince': 'The draft of {key} was changed since; redoing its discard would throw that away.',
  // Undo, redo or delete pressed before their chunk arrived, the chat changed meanwhile.
  'caseData.announce.changedWhileLoading': 'Not done: the case data changed while the command was loading. Press the key again.',
} as const;
