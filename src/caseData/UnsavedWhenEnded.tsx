import { useState } from 'react';
import { useChatActions, type ChatEntry } from '../store';
import { formatValue } from './userDataValues';

/** The agent's work the server does not have, as "key: value" lines anyone can paste. */
export function unsavedLines(entry: ChatEntry): string[] {
  const lines = new Map<string, string>();
  for (const edit of entry.pending) {
    if (edit.status === 'awaiting') continue;
    lines.set(edit.key, edit.op === 'delete' ? `${edit.key}: (delete)` : `${edit.key}: ${formatValue(edit.value)}`);
  }
  for (const [key, draft] of entry.drafts) lines.set(key, `${key}: ${draft.text}`);
  return [...lines.values()];
}

/**
 * A chat that ended (Completed, Revoked) while the agent still had unsaved changes says
 * so, lists them, and offers to copy them: GWS will not take them any more, but the
 * agent can still put them in the CRM record.
 */
export function UnsavedWhenEnded({ chatId, entry }: { chatId: string; entry: ChatEntry }) {
  const { unsavedDismissed } = useChatActions();
  const [copied, setCopied] = useState<string | null>(null);
  const lines = unsavedLines(entry);
  if (lines.length === 0) return null;
  const copy = () => {
    if (!navigator.clipboard) {
      setCopied('Copying is not available here: select the list and copy it.');
      return;
    }
    navigator.clipboard.writeText(lines.join('\n')).then(
      () => setCopied('Copied. You can paste them into the case record.'),
      () => setCopied('The browser refused to copy: select the list and copy it.'),
    );
  };
  return (
    <section className="case-data__ended" role="region" aria-label="Unsaved changes">
      <p>
        This chat is {entry.chat.state} and {lines.length === 1 ? 'one change was' : `${lines.length} changes were`} not saved:
      </p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button type="button" onClick={copy}>
        Copy unsaved changes
      </button>
      <button type="button" onClick={() => unsavedDismissed(chatId)}>
        Dismiss
      </button>
      <span role="status">{copied}</span>
    </section>
  );
}
