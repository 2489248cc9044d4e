import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import { useMessages } from '../i18n';
import { draftOvertaken, isEditedDraft, sameValue, shownValue, useChatActions, type ChatEntry } from '../store';
import type { GridRow } from './useCaseDataRows';
import type { Editing } from './useGridController';
import { formatValue, quotedText } from './userDataValues';
import { problemWording } from './validation';

/**
 * Another party's changes to the key the agent is on are said at most this often: under a
 * burst of them (a script, a busy supervisor) the live region would talk over everything.
 */
const SAID_AGAIN_AFTER_MS = 2_000;

type ServerChangesInput = {
  readonly chatId: string;
  readonly entry: ChatEntry | undefined;
  readonly rows: readonly GridRow[];
  readonly editing: Editing | null;
  /** The grid's active cell's key, and whether its row is in view (filtered in). */
  readonly activeKey: string | null;
  readonly activeShown: boolean;
  readonly setEditing: Dispatch<SetStateAction<Editing | null>>;
  readonly announce: (text: string) => void;
  /** What the live region says now. */
  readonly announcement: string;
  /** A key as its row header names it. */
  readonly named: (key: string) => string;
};

/**
 * What another party's changes (and the server's answers) do to the agent's open editor and
 * writes, and what the grid's live region says of them.
 */
export function useServerChanges({ chatId, entry, rows, editing, activeKey, activeShown, setEditing, announce, announcement, named }: ServerChangesInput): void {
  const actions = useChatActions();
  const { t } = useMessages();
  const wording = problemWording.useLoaded();
  // A write refused or overtaken is said as well as shown: the agent has usually moved on
  // (Enter moves down), and a screen reader says nothing of a row changing elsewhere. In its
  // words, once they are there (writeProblems.ts, also what it says when); and unsaid, once over.
  useEffect(() => {
    if (!wording || wording === 'failed') return;
    const text = wording.problemsToSay(entry, rows, t, named, announcement);
    if (text !== null) announce(text);
  }, [entry, t, wording]); // oxlint-disable-line react/exhaustive-deps -- at each new entry, or as the words arrive; announce is stable, named follows t, rows and announcement the entry

  // Another party's changes to one key: said now, or (said of it less than SAID_AGAIN_AFTER_MS
  // ago) once that time is up, the latest only.
  const said = useRef<{ key: string; at: number; later?: ReturnType<typeof setTimeout> }>({ key: '', at: 0 });
  const sayOf = (key: string, text: string) => {
    const last = said.current;
    clearTimeout(last.later);
    const say = () => {
      said.current = { key, at: Date.now() };
      announce(text);
    };
    const wait = last.key === key ? last.at + SAID_AGAIN_AFTER_MS - Date.now() : 0;
    if (wait > 0) said.current = { ...last, later: setTimeout(say, wait) };
    else say();
  };
  useEffect(() => () => clearTimeout(said.current.later), []);

  // A chat that completes (or a key that turns read-only) closes the editor; its text stays as a draft.
  // So does one whose row is gone (another party deleted the key): the grid's keys wait on
  // an open editor.
  const openRow = editing ? rows.find((gridRow) => gridRow.row.key === editing.key) : undefined;
  const editedRow = editing?.readOnly ? undefined : openRow;
  if (editing && !editing.readOnly && (!editedRow || editedRow.readOnlyReason)) setEditing(null);

  // An editor opened but unchanged whose value someone else changed holds a stale text:
  // it opens again on the new value, and says so (Enter would write the old one back, and
  // the next key would edit a value the agent has not seen).
  const overtakenKey =
    entry && editedRow?.row.draft && !isEditedDraft(editedRow.row.draft) && draftOvertaken(entry, editedRow.row.key, editedRow.row.draft) ? editedRow.row.key : null;
  useEffect(() => {
    const gridRow = rows.find((candidate) => candidate.row.key === overtakenKey);
    if (overtakenKey === null || !gridRow) return;
    const text = formatValue(gridRow.row.value);
    const key = named(overtakenKey);
    actions.draftChanged(chatId, overtakenKey, null);
    // Deleted by someone else: nothing to reopen on.
    if (gridRow.row.serverValue === undefined && !gridRow.row.pending) {
      setEditing(null);
      announce(t('caseData.announce.deletedByOther', { key }));
      return;
    }
    actions.draftOpened(chatId, overtakenKey, text, text);
    // The new value's kind (the agent has typed nothing to keep), but a textarea stays one:
    // the agent's next Enter means a new line there, not "save and move down".
    setEditing((open) =>
      open?.key === overtakenKey
        ? { ...open, initialText: text, kind: gridRow.kind, editor: open.editor === 'multiline' && gridRow.editor === 'text' ? 'multiline' : gridRow.editor }
        : open,
    );
    sayOf(overtakenKey, t('caseData.announce.reopened', { key }));
    // Once per key overtaken (the rest is read as it is then), not on every render.
  }, [overtakenKey]); // oxlint-disable-line react/exhaustive-deps -- once per key overtaken

  // The cell the agent is on (focus in the grid, no editor open) changed or deleted by
  // someone else: a screen reader does not say a focused cell's text changing. Not the
  // agent's own write confirmed (the server's value moves, the shown one does not).
  const watched = editing || activeKey === null || !entry ? null : ([activeKey, entry.chat.userData.get(activeKey), shownValue(entry, activeKey), activeShown] as const);
  const seen = useRef(watched);
  useEffect(() => {
    const before = seen.current;
    seen.current = watched;
    if (!watched || !before || before[0] !== watched[0] || sameValue(before[1], watched[1]) || sameValue(before[2], watched[2])) return;
    const [key, , value] = watched;
    // The agent's own write, discarded as not confirmed, that the read after shows: not someone else's (exploratory test).
    const last = entry?.history.undo.at(-1);
    if (last?.discard && last.key === key && sameValue(last.before, value)) return;
    // The agent in the grid, or in its toolbar only where this change took the row out of the
    // filter and the focus went there (not a key the agent left long ago, typing in the filter).
    const focused = document.activeElement;
    if (!document.hasFocus() || !(focused?.closest('[role="grid"]') || (before[3] && !watched[3] && focused?.closest('.case-data')))) return;
    sayOf(
      key,
      value === undefined
        ? t('caseData.announce.deletedByOther', { key: named(key) })
        : t('caseData.announce.changedByOther', { key: named(key), value: quotedText(formatValue(value), t) }),
    );
  });
  // (A read-only value open for reading follows the server's value, and says so itself: CellEditor.)
}
