// The English texts of the Add field form (caseData/AddFieldForm.tsx), which loads when the
// agent opens it: i18n/addFieldTexts.ts adds them to the English catalogue with the form, so
// the first render does not carry them. Keys and placeholders work as in en.ts.

export const enAddField = {
  'caseData.add.field': 'Field',
  'caseData.add.key': 'Key',
  'caseData.add.value': 'Value',
  'caseData.add.otherKey': 'Other key…',
  'caseData.add.choose': 'Choose…',
  'caseData.add.submit': 'Add',
  'caseData.add.cancel': 'Cancel',
  'caseData.add.multilineHint': 'Enter starts a new line; Ctrl+Enter adds.',
  'caseData.add.dateWhole': 'Enter the whole date: day, month and a year of four digits.',
  'caseData.announce.added': 'Added {key}; saving.',
  // Offline, or while the session is renewed: the row says Queued.
  'caseData.announce.addedQueued': 'Added {key}; it is saved once the connection is back.',
  // After either: the grid's filter does not match the field, which it hides once saved.
  'caseData.announce.addedFilteredOut': 'The filter “{filter}” hides it once saved.',
  'caseData.reason.emptyKey': 'Enter a key name.',
  'caseData.reason.keyTooLong': 'A key has at most {max} characters.',
} as const;
