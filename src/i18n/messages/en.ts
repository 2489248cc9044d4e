// The English catalogue is the source of truth: its keys are the message keys, and its
// `{placeholders}` decide which parameters `t()` requires. Other locales must translate
// every key (checked by `satisfies Catalog`). It comes in parts: this one, the grid's and
// what every part of the widget needs, shipped with the first render; enPanel.ts, the panel's
// around the grid; enEmbedding.ts, the host code's (after the first paint); enFraming.ts, the
// page shown to a host that may not frame the panel; enAddField.ts, enClipboard.ts,
// enHistory.ts, enEditor.ts and enEnded.ts, those of the grid's parts that load on demand;
// enGwsErrors.ts and enWriteProblems.ts, how GWS's errors and a write's problems read (with
// i18n/gwsErrors.ts and caseData/writeProblems.ts, after the first paint).
//
// A message is a text, or plural forms chosen by Intl.PluralRules for `{count}`.

import type { enAddField } from './enAddField';
import type { enClipboard } from './enClipboard';
import type { enEditor } from './enEditor';
import type { enEmbedding } from './enEmbedding';
import type { enEnded } from './enEnded';
import type { enFraming } from './enFraming';
import type { enGwsErrors } from './enGwsErrors';
import type { enHistory } from './enHistory';
import type { enPanel } from './enPanel';
import type { enWriteProblems } from './enWriteProblems';

export const en = {
  // Also the grid's, on a part that could not be loaded.
  'panel.tryAgain': 'Try again',

  // The case-data grid. Its English texts are also its accessible names, which tests and
  // integrators' scripts select by: change them only together with those.
  'caseData.grid': 'Case data',
  'caseData.tools': 'Case data tools',
  'caseData.filter': 'Filter',
  'caseData.filterPlaceholder': 'Key or value',
  'caseData.addField': 'Add field',
  'caseData.column.key': 'Key',
  'caseData.column.value': 'Value',
  'caseData.empty': 'This chat has no case data.',
  'caseData.noMatch': 'No key or value matches “{filter}”.',
  // Said as the filter narrows the grid (a screen reader hears nothing of rows going).
  'caseData.filterMatches': { one: '{count} key matches.', other: '{count} keys match.' },
  'caseData.emptyKey': '(empty key)',
  'caseData.emptyValue': '(empty)',
  'caseData.size': { one: '{count} character', other: '{count} characters' },
  'caseData.badge.draft': 'Draft',
  'caseData.badge.draftChanged': 'Draft · changed on the server',
  'caseData.badge.draftDeleted': 'Draft · deleted on the server',
  'caseData.badge.queued': 'Queued',
  // A queued write in a chat that is over: it will not go (UnsavedWhenEnded lists it to copy).
  'caseData.badge.notSent': 'Not sent',
  'caseData.badge.saving': 'Saving…',
  'caseData.badge.saved': 'Saved',
  'caseData.badge.deleting': 'Deleting…',
  'caseData.retry': 'Retry',
  'caseData.discard': 'Discard',
  'caseData.keepMine': 'Keep mine',
  'caseData.takeTheirs': 'Take theirs',

  'caseData.editor.label': 'Value of {key}',
  // The editor is a chunk of its own (its texts are in enEditor.ts): if it cannot load.
  'caseData.editor.notLoaded': 'The full editor could not be loaded. Check the connection, then try again.',

  // Copy and paste, undo, redo and delete are chunks of their own (their texts are in
  // enClipboard.ts and enHistory.ts): if one cannot load.
  'caseData.announce.commandNotLoaded': 'This command could not be loaded. Check the connection, then try again.',
  'caseData.announce.reopened': '{key} was changed by someone else; the editor now shows the new value.',
  'caseData.announce.changedByOther': '{key} was changed by someone else to “{value}”.',
  'caseData.announce.deletedByOther': '{key} was deleted by someone else.',

  // Named by the panel's header and the chat picker, and by the grid where a chat refuses changes.
  'chatState.Invited': 'Invited',
  'chatState.Chatting': 'Chatting',
  'chatState.LeftChat': 'Left chat',
  'chatState.Completed': 'Completed',
  'chatState.Revoked': 'Revoked',
  // Not a GWS state: GWS no longer lists the chat (gws/types.ts, UNLISTED).
  'chatState.Unlisted': 'No longer listed',

  'caseData.partUnavailable': '“{part}” could not be loaded. Check the connection, then try again.',
  // Also the placeholder's name while the form loads (its texts are in enAddField.ts).
  'caseData.add.form': 'Add field',

  // Also the placeholder's name while the part below loads (its texts are in enEnded.ts).
  'caseData.ended.region': 'Unsaved changes',

  // Why a write is refused (validation.ts, userDataValues.ts). {state} and the capability
  // names are GWS identifiers and stay untranslated: they are what an administrator looks up.
  'caseData.over.Completed': 'This chat is Completed: its case data is read-only.',
  'caseData.over.Revoked': 'This chat is Revoked: its case data is read-only.',
  'caseData.over.Unlisted': 'This chat is no longer one of yours: its case data is read-only.',
  'caseData.reason.noCapability.update': 'The chat in state {state} does not allow changing case data (no UpdateUserData capability).',
  'caseData.reason.noCapability.attach': 'The chat in state {state} does not allow adding case data (no AttachUserData capability).',
  'caseData.reason.noCapability.delete': 'The chat in state {state} does not allow deleting case data (no DeleteUserData capability).',
  'caseData.reason.readOnlyByConfig': '{name} is read-only by configuration.',
  'caseData.reason.structured': 'Structured values (objects and lists) are read-only here.',
  'caseData.reason.chooseOne': 'Choose one of: {options}.',
  'caseData.reason.optionSeparator': ', ',
  'caseData.reason.pattern': 'This value does not have the expected format.',
  'caseData.reason.keyExists': '{key} already exists; edit its value instead.',
  'caseData.reason.chatNotLoaded': 'The chat is not loaded.',
  'caseData.reason.keyGone': 'This key is no longer shown.',
  'caseData.reason.typingInteger': 'This value is a whole number: only digits are allowed.',
  'caseData.reason.typingDecimal': 'This value is a number: only digits and one decimal point are allowed.',
  'caseData.reason.integer': 'Enter a whole number.',
  'caseData.reason.tooLarge': 'This number is too large.',
  'caseData.reason.decimal': 'Enter a number.',
  'caseData.reason.boolean': 'Enter true or false.',
  'caseData.reason.date': 'Enter a date as YYYY-MM-DD.',
} as const;

export type EnglishCatalog = typeof en & typeof enGwsErrors & typeof enWriteProblems & typeof enPanel & typeof enAddField & typeof enClipboard & typeof enHistory & typeof enEditor & typeof enEnded & typeof enEmbedding & typeof enFraming;
export type MessageKey = keyof EnglishCatalog;

export type PluralForms = {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
};

/** What every other catalogue must provide: each English key, as a text or plural forms. */
export type Catalog = { readonly [K in MessageKey]: EnglishCatalog[K] extends string ? string : PluralForms };
