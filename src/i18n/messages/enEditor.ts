// The English texts of the in-cell editor (caseData/CellEditor.tsx), a chunk fetched right
// after the first paint: i18n/editorTexts.ts adds them to the English catalogue with it.
// (The editor's accessible name, and what the grid says when the chunk cannot be loaded,
// are in en.ts: the cell shows them before it loads.) Keys and placeholders work as in en.ts.

export const enEditor = {
  'caseData.editor.multilineHint': 'Ctrl+Enter saves, Escape cancels.',
  'caseData.editor.readOnlyHint': 'Read-only. Escape closes.',
  // The read-only value open for reading was changed by someone else (it shows the new value).
  'caseData.editor.readOnlyChanged': {
    one: 'Changed by someone else: this is the new value. Read-only. Escape closes.',
    other: 'Changed by someone else {count} times: this is the newest value. Read-only. Escape closes.',
  },
  'caseData.editor.conflictGroup': 'Changed on the server while you were editing',
  'caseData.editor.conflict': 'Changed on the server: “{before}” → “{now}”.',
  'caseData.editor.conflictDeleted': 'Deleted on the server (it was “{before}”).',
  'caseData.editor.conflictKeys': 'Enter keeps yours, Escape takes theirs.',
  'caseData.editor.conflictKeysMultiline': 'Ctrl+Enter keeps yours, Escape takes theirs.',
  // That key pressed as the conflict came up (or as the editor opened on it): held back, once.
  'caseData.editor.enterHeld': 'Not kept yet: check the value on the server, then press Enter again to keep yours.',
  'caseData.editor.enterHeldMultiline': 'Not kept yet: check the value on the server, then press Ctrl+Enter again to keep yours.',
  // A commit held by a keystroke refused before it: the reason, and what the next Enter saves.
  'caseData.editor.enterAgain': '{reason} Enter again saves “{text}”.',
  // A date field whose day, month or year is missing (it reads as no date), or whose year is not four digits.
  'caseData.editor.dateWhole': 'Enter the whole date: day, month and a year of four digits.',
} as const;
