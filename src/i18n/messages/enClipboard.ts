// The English texts of copy and paste on the grid (caseData/clipboard.ts), a chunk fetched
// after the first paint: i18n/clipboardTexts.ts adds them to the English catalogue with it.
// (What the grid says when that chunk cannot be loaded is in en.ts.) Keys and placeholders
// work as in en.ts.

export const enClipboard = {
  'caseData.announce.copyUnavailable': 'Copying is not available in this page.',
  'caseData.announce.pasteUnavailable': 'Pasting is not available in this page.',
  'caseData.announce.copiedKey': 'Copied the key {key}.',
  'caseData.announce.copiedValue': 'Copied the value of {key}.',
  'caseData.announce.copyRefused': 'The browser refused to copy.',
  'caseData.announce.pasted': 'Pasted into {key}.',
  'caseData.announce.pastedSame': '{key} already holds that: nothing to paste.',
  'caseData.announce.pasteRefused': 'The browser refused to paste.',
  'caseData.announce.notPasted': 'Not pasted: {reason}',
  'caseData.announce.notPastedEditing': 'Not pasted: {key} is open for editing.',
  'caseData.announce.notPastedDraft': 'Not pasted: {key} has a draft that is not saved. Save it (Enter) or discard it (Escape) first.',
} as const;
