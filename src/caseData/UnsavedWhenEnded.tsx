import { useState } from 'react';
import { translateEnglish, useMessages, type Translate } from '../i18n';
import { isEditedDraft, useChatActions, type ChatEntry } from '../store';
import { hasEnded } from '../gws';
import { formatValue } from './userDataValues';
import '../i18n/endedTexts';

/**
 * The agent's work the server does not have, as "key: value" lines anyone can paste.
 * `t` words the "(delete)" marker; English when left out.
 */
export function unsavedLines(entry: ChatEntry, t: Translate = translateEnglish): string[] {
  const lines = new Map<string, string>();
  for (const edit of entry.pending) {
    if (edit.status === 'awaiting') continue;
    lines.set(edit.key, edit.op === 'delete' ? t('caseData.ended.deleteLine', { key: edit.key }) : line(edit.key, formatValue(edit.value)));
  }
  for (const [key, draft] of entry.drafts) if (isEditedDraft(draft)) lines.set(key, line(key, draft.text));
  return [...lines.values()];
}

/**
 * A value's own lines are indented under its key: pasted into a CRM, a line of the value that
 * reads "Subject: Refund approved" must not pass for a change to Subject (exploratory test).
 */
const line = (key: string, text: string) => `${key}: ${text.replace(/\r\n?|\n/g, '\n  ')}`;

// What the copy button achieved, kept as an outcome rather than a text so that a locale
// switch rewords it.
type CopyOutcome = 'unavailable' | 'copied' | 'refused';
const COPY_TEXT = {
  unavailable: 'caseData.ended.copyUnavailable',
  copied: 'caseData.ended.copied',
  refused: 'caseData.ended.copyRefused',
} as const;

/**
 * A chat that ended (Completed, Revoked, or no longer listed by GWS) while the agent still had unsaved changes says
 * so, lists them, and offers to copy them: GWS will not take them any more, but the
 * agent can still put them in the CRM record.
 */
export function UnsavedWhenEnded({ chatId, entry }: { chatId: string; entry: ChatEntry }) {
  const { t } = useMessages();
  const { unsavedDismissed } = useChatActions();
  const [copied, setCopied] = useState<CopyOutcome | null>(null);
  const lines = unsavedLines(entry, t);
  const state = entry.chat.state;
  if (lines.length === 0 || !hasEnded(state)) return null;
  const copy = () => {
    if (!navigator.clipboard) {
      setCopied('unavailable');
      return;
    }
    navigator.clipboard.writeText(lines.join('\n')).then(
      () => setCopied('copied'),
      () => setCopied('refused'),
    );
  };
  return (
    <section className="case-data__ended" role="region" aria-label={t('caseData.ended.region')}>
      {/* An alert, said as the list appears: the chat ended under the agent's hands (or was opened
          ended, with their changes unsaved), and nothing else says so where they are. The list
          with it: "one change was not saved" alone did not say which (keyboard test). */}
      <div role="alert">
        <p>{t(`caseData.ended.${state}`, { count: lines.length })}</p>
        {/* In the tab order: a long list scrolls, and a keyboard must reach what is below (axe: scrollable-region-focusable). */}
        <ul tabIndex={0}>
          {/* By place: two lines may read alike (key "a" with "b: c", key "a: b" with "c": review); an item is its text alone, so a node given another line loses nothing. */}
          {lines.map((line, index) => (
            <li key={index} dir="auto">
              {line}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={copy}>
        {t('caseData.ended.copy')}
      </button>
      <button
        type="button"
        onClick={(event) => {
          // The section goes with its button: the grid's cell takes the focus, not the page.
          event.currentTarget.closest('.case-data')?.querySelector<HTMLElement>('[role="grid"] [tabindex="0"]')?.focus();
          unsavedDismissed(chatId);
        }}
      >
        {t('caseData.ended.dismiss')}
      </button>
      <span role="status">{copied ? t(COPY_TEXT[copied]) : null}</span>
    </section>
  );
}
