// The English texts of the unsaved-changes notice of an ended chat (caseData/UnsavedWhenEnded.tsx),
// which loads only when a chat ends with edits not saved: i18n/endedTexts.ts adds them to the
// English catalogue with it. Keys and placeholders work as in en.ts.

export const enEnded = {
  // One text per ended state rather than "{state}": each language words each state its own way.
  'caseData.ended.Completed': {
    one: 'This chat is Completed and one change was not saved:',
    other: 'This chat is Completed and {count} changes were not saved:',
  },
  'caseData.ended.Revoked': {
    one: 'This chat is Revoked and one change was not saved:',
    other: 'This chat is Revoked and {count} changes were not saved:',
  },
  'caseData.ended.Unlisted': {
    one: 'This chat is no longer among your chats and one change was not saved:',
    other: 'This chat is no longer among your chats and {count} changes were not saved:',
  },
  'caseData.ended.deleteLine': '{key}: (delete)',
  'caseData.ended.copy': 'Copy unsaved changes',
  // It throws the changes away for good, not only the notice: "Dismiss" read as closing it (exploratory test).
  'caseData.ended.dismiss': 'Discard unsaved changes',
  'caseData.ended.copyUnavailable': 'Copying is not available here: select the list and copy it.',
  'caseData.ended.copied': 'Copied. You can paste them into the case record.',
  'caseData.ended.copyRefused': 'The browser refused to copy: select the list and copy it.',
} as const;
