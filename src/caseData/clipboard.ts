// Copy and paste on the grid's active cell (Ctrl+C, Ctrl+V). A pasted text is committed
// like typed text: validated for the cell, refused with the reason as a note on the cell.
// A chunk of its own (useGridController.ts: clipboardChunk), with its texts.

import type { Translate } from '../i18n';
import { isEditedDraft } from '../store';
import type { GridRow } from './useCaseDataRows';
import { formatValue } from './userDataValues';
import { keyShown } from './validation';
import '../i18n/clipboardTexts';

export type ClipboardTools = {
  readonly t: Translate;
  readonly announce: (text: string) => void;
  readonly note: (key: string, text: string | null) => void;
  /** The refusal's reason, null when written, undefined when not attempted (an editor is open on the key). */
  readonly commitText: (key: string, text: string) => string | null | undefined;
};

export function copyCell(gridRow: GridRow, col: 0 | 1, { t, announce }: ClipboardTools): void {
  const { key: rowKey, draft, value } = gridRow.row;
  // What the cell shows: a Draft's text.
  const text = col === 0 ? rowKey : draft && isEditedDraft(draft) ? draft.text : formatValue(value);
  if (!navigator.clipboard) return announce(t('caseData.announce.copyUnavailable'));
  const key = keyShown(gridRow.row.key, t, gridRow.rule.label);
  navigator.clipboard.writeText(text).then(
    () => announce(col === 0 ? t('caseData.announce.copiedKey', { key }) : t('caseData.announce.copiedValue', { key })),
    () => announce(t('caseData.announce.copyRefused')),
  );
}

export function pasteIntoCell(gridRow: GridRow, { t, announce, note, commitText }: ClipboardTools): void {
  const key = gridRow.row.key;
  // Said, as Delete's refusal is: the note alone repeated the cell's own description, and a
  // screen reader heard nothing (keyboard test).
  if (gridRow.readOnlyReason) {
    note(key, gridRow.readOnlyReason);
    return announce(gridRow.readOnlyReason);
  }
  // A paste would replace the agent's unsaved draft of the key, unseen.
  if (gridRow.row.draft && isEditedDraft(gridRow.row.draft)) {
    const why = t('caseData.announce.notPastedDraft', { key: keyShown(key, t, gridRow.rule.label) });
    note(key, why);
    return announce(why);
  }
  if (!navigator.clipboard) return announce(t('caseData.announce.pasteUnavailable'));
  navigator.clipboard.readText().then(
    (copied) => {
      const name = keyShown(key, t, gridRow.rule.label);
      // A list's option in another case ("Escalated" for escalated): the one it names, as the list's
      // own type-ahead takes it (exploratory test: refused, "Choose one of…"). Two that differ only in case: as pasted.
      const options = gridRow.rule.options?.map(formatValue) ?? [];
      const inCase = options.includes(copied.trim()) ? [] : options.filter((option) => option.toLowerCase() === copied.trim().toLowerCase());
      const text = inCase.length === 1 && inCase[0] !== undefined ? inCase[0] : copied;
      // The value it holds already (an empty clipboard on an empty value): nothing is sent, and
      // "Pasted" would say something was (exploratory test).
      if (text === formatValue(gridRow.row.value) && !gridRow.row.pending) return announce(t('caseData.announce.pastedSame', { key: name }));
      const refused = commitText(key, text);
      // The agent may be elsewhere by now (the clipboard answers late): what happened is said, not only noted on the cell.
      if (refused === undefined) return announce(t('caseData.announce.notPastedEditing', { key: name }));
      note(key, refused ? t('caseData.announce.notPasted', { reason: refused }) : null);
      announce(refused ? `${name}: ${t('caseData.announce.notPasted', { reason: refused })}` : t('caseData.announce.pasted', { key: name }));
    },
    () => announce(t('caseData.announce.pasteRefused')),
  );
}
