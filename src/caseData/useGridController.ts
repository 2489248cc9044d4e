// Everything the grid does in answer to the agent: moving, editing, committing, copy and
// paste, delete, undo and redo. Each new write goes through `checkWrite` (validation.ts)
// before it is sent, whichever key or button started it (one sent again: validation.ts says how).

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { hasEnded } from '../gws';
import { useMessages } from '../i18n';
import { isEditedDraft, isUnsettled, sameValue, useChatActions, type ChatEntry, type HistoryStep, type PendingEdit, type UserDataWrite } from '../store';
import { resolveRule, type CaseDataConfig } from './caseDataConfig';
import type { EditorMove } from './useEditorText';
import { gridCommand, nextPosition } from './gridKeyboard';
import { useAnnouncer } from './useAnnouncer';
import { useCellFocus, type ActiveCell } from './useCellFocus';
import { useServerChanges } from './useServerChanges';
import { useCaseDataWriter } from './useCaseDataWriter';
import type { GridRow } from './useCaseDataRows';
import { checkWrite, keyShown, textForCell, writeTo } from './validation';
import { acceptsTyping, formatValue, type EditorKind, type ValueKind } from './userDataValues';
import { onDemand } from './onDemand';
import type { EditHistoryTools } from './editHistory';
import { useRowHandlers, type RowActions } from './useRowHandlers';

/**
 * The open editor. Its editor and value kind are the ones it opened with: another party's
 * change (a long text made short, a number made text) must not turn the agent's textarea
 * into a one-line field under their hands, dropping line breaks or changing what Enter does.
 */
export type Editing = {
  readonly key: string;
  readonly initialText: string;
  readonly readOnly: boolean;
  readonly editor: EditorKind;
  readonly kind: ValueKind;
  /** A key refused on the closed cell just before typing opened it (CellEditor holds the commit). */
  readonly refused?: string;
  /** The agent's draft it reopened: Escape leaves it as it was. */
  readonly resumed?: string | null;
};

type ControllerInput = {
  readonly chatId: string;
  readonly entry: ChatEntry | undefined;
  readonly config: CaseDataConfig;
  readonly rows: readonly GridRow[];
  readonly scrollToRow: (index: number) => void;
};

/**
 * Copy and paste: most agents never use them, so they are a chunk of their own, fetched
 * after the first paint with the grid's other parts (CaseDataGrid), nearly always at hand
 * by the first Ctrl+C. Then they run in the key press itself: browsers other than Chromium
 * allow the clipboard only within the user's gesture.
 */
export const clipboardChunk = /* @__PURE__ */ onDemand(() => import('./clipboard'));
/** Undo, redo and delete, likewise (a key pressed before it arrives acts once it has). */
export const editHistoryChunk = /* @__PURE__ */ onDemand(() => import('./editHistory'));

export function useGridController({ chatId, entry, config, rows, scrollToRow }: ControllerInput) {
  const actions = useChatActions();
  const writer = useCaseDataWriter();
  // Announcements and reasons are worded when they happen. A locale switch clears the live
  // region's standing line: left there, it showed garbled in the other direction and a screen
  // reader read it with the new language's voice. A note beside a cell stays until the agent moves on.
  const { t, dir, locale } = useMessages();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(new Map());
  // Keys are said as their row headers name them: "Segment (CustomerSegment)".
  const named = (key: string) => keyShown(key, t, resolveRule(config, key).label);
  const [announcement, setAnnouncement] = useAnnouncer();
  useEffect(() => setAnnouncement(''), [locale, setAnnouncement]);
  // A note about a cell (a refused paste or delete) goes when the agent moves to another key.
  const { activeRowIndex, active, setActive, focusCell, flushFocus, cells } = useCellFocus(rows, scrollToRow, (key) =>
    setNotes((standing) => (standing.size === 0 || (standing.size === 1 && standing.has(key)) ? standing : new Map())),
  );
  useServerChanges({ chatId, entry, rows, editing, activeKey: active?.key ?? null, activeShown: activeRowIndex >= 0, setEditing, announce: setAnnouncement, announcement, named });

  const position = { row: Math.max(0, activeRowIndex), col: active?.col ?? 1 } as const;

  const note = (key: string, text: string | null) =>
    setNotes((current) => {
      if (text === null && !current.has(key)) return current;
      const next = new Map(current);
      if (text === null) next.delete(key);
      else next.set(key, text);
      return next;
    });

  // Every key the chat has or is about to have, whatever the filter or the configuration
  // hides: a new key must not silently overwrite one of them.
  const existingKeys = () => {
    const keys = new Set(entry?.chat.userData.keys() ?? []);
    for (const edit of entry?.pending ?? []) {
      if (edit.op !== 'delete') keys.add(edit.key);
      else if (!isUnsettled(edit)) keys.delete(edit.key);
    }
    return keys;
  };

  /** Validates and sends; returns the reason it was refused, or null. */
  const submit = (write: UserDataWrite, step: HistoryStep | null, restoring = false): string | null => {
    if (!entry) return t('caseData.reason.chatNotLoaded');
    const checked = checkWrite({ chat: entry.chat, config, existingKeys: existingKeys(), write, restoring, t });
    if (!checked.ok) return checked.reason;
    writer.send(chatId, checked.write, step);
    return null;
  };

  const rowAfter = (index: number, move: EditorMove): ActiveCell | null => {
    const target = move === 'down' || move === 'next' ? index + 1 : move === 'previous' ? index - 1 : index;
    const gridRow = rows[Math.max(0, Math.min(rows.length - 1, target))];
    return gridRow ? { key: gridRow.row.key, col: 1 } : null;
  };

  const commitText = (key: string, text: string, move: EditorMove): string | null => {
    const index = rows.findIndex((gridRow) => gridRow.row.key === key);
    const gridRow = rows[index];
    if (!gridRow || !entry) return t('caseData.reason.keyGone');
    const { row, rule } = gridRow;
    // Committing a refused or conflicting value again is the keyboard's Retry / Keep mine.
    const again = isUnsettled(row);
    const settled = !again && !row.draftConflict;
    // An open editor's text is read as the kind it opened with: another party's change of
    // the value (a text made a number) must not refuse or retype what the agent wrote. Text
    // left as it was is no change, even where typed it would be refused (1e-7, digits past 2^53).
    const parsed = settled && text === formatValue(row.value) ? ({ ok: true, value: row.value } as const) : textForCell(text, row.value, rule, t, editing?.key === key ? editing.kind : undefined);
    if (!parsed.ok) return parsed.reason;
    const unchanged = sameValue(parsed.value, row.value) && settled;
    if (!unchanged) {
      // Undo puts back what this write replaces: over a refused or overtaken write, the server's value;
      // over one saving or queued (a key the agent added, offline say: review), the value it set.
      const existed = entry.chat.userData.has(key) || row.pending !== undefined;
      const step = { key, before: again ? row.serverValue : existed ? row.value : undefined, after: parsed.value };
      // A refused or overtaken write of the key goes only as this one is sent (the store's
      // addPending), not when the checks refuse this one (a pattern the retry breaks: review).
      const refused = submit(writeTo(existingKeys(), key, parsed.value), step);
      if (refused) return refused;
    } else actions.draftChanged(chatId, key, null);
    note(key, null);
    if (editing?.key === key) setEditing(null);
    if (move !== 'away') {
      const next = rowAfter(index, move);
      if (next) focusCell(next);
    }
    return null;
  };

  const waitingCommand = useRef<object | null>(null);
  useEffect(() => () => void (waitingCommand.current = null), []);
  const refusedOpening = useRef<{ readonly key: string; readonly reason: string } | null>(null);
  const startEdit = (key: string, typed: string | null) => {
    const gridRow = rows.find((candidate) => candidate.row.key === key);
    if (!gridRow) return;
    const { row, readOnlyReason, editor, kind } = gridRow;
    const text = formatValue(row.value);
    setActive({ key, col: 1 });
    // A changed draft is resumed; an unchanged one is stale the moment the value changed.
    const resumed = row.draft && isEditedDraft(row.draft) ? row.draft.text : null;
    if (readOnlyReason) {
      // A long read-only value still opens, to be read in full (a draft kept from before it turned read-only stays).
      if (editor === 'multiline') setEditing({ key, initialText: text, readOnly: true, editor, kind, resumed });
      // Once for the agent's typing, not at each key (keyboard test: four times in 35 ms).
      else if (typed === null || announcement.trimEnd() !== readOnlyReason) setAnnouncement(readOnlyReason);
      return;
    }
    // Typed on a date too, in a text field: the browser's date field cannot be given the first
    // key, and the rest went in from its month, a wrong date saved (exploratory test: 12252026 as 2026-02-25).
    const fromTyping = typed !== null && editor !== 'select' && editor !== 'checkbox';
    // A character typed on a draft goes on the end of it: the agent's unsaved text is never replaced by a keystroke.
    const typedText = (resumed ?? '') + typed;
    if (fromTyping) {
      // The key that opens the editor is checked like every later one: a letter in a number is refused on the spot.
      const allowed = acceptsTyping(gridRow.kind, typedText, t);
      if (!allowed.ok) {
        note(key, allowed.reason);
        setAnnouncement(allowed.reason);
        refusedOpening.current = { key, reason: allowed.reason };
        return;
      }
    }
    // ".5" typed on a closed whole-number cell: the "." refused here, the "5" opens the
    // editor; its commit is held as if the "." had been refused in it.
    const refused = fromTyping && refusedOpening.current?.key === key ? refusedOpening.current.reason : undefined;
    refusedOpening.current = null;
    // A letter typed on a list opens it on the first option that begins with it, as a closed list does.
    const option = editor === 'select' && typed ? gridRow.rule.options?.map(formatValue).find((candidate) => candidate.toLowerCase().startsWith(typed.toLowerCase())) : undefined;
    const start = fromTyping ? typedText : (option ?? resumed ?? (editor === 'checkbox' && typed === ' ' ? String(row.value !== true) : text));
    setEditing({ key, initialText: start, readOnly: false, editor: fromTyping && editor === 'date' ? 'text' : editor, kind, refused, resumed });
    // An open editor is a draft from its first moment: its base is the value it started from.
    // Over a refused or overtaken write, the agent's value is not the server's: an editor
    // opened on it holds their unsaved value from the start, so a change by someone else
    // is a conflict to settle, not a value to reopen on.
    const unsettled = isUnsettled(row);
    actions.draftOpened(chatId, key, start, fromTyping ? null : unsettled ? formatValue(row.serverValue) : text);
    if (fromTyping || option) actions.draftChanged(chatId, key, start);
  };

  // A paste lands when the clipboard answers (after a permission prompt, perhaps): the agent
  // may have moved on. It is written with the grid as it is then, without moving focus, and
  // not over an editor the agent has since opened on that key.
  const clipboardTools = {
    t,
    announce: setAnnouncement,
    note,
    commitText: (key: string, text: string) => (latest.current.editing?.key === key ? undefined : latest.current.commitText(key, text, 'away')),
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Not from a row's Retry or Discard button (a screen reader moves focus onto it): its keys
    // are its own, and the grid's would act on the active cell, in another row perhaps.
    const from = event.target instanceof HTMLElement ? event.target : null;
    if (editing || rows.length === 0 || from?.closest('[role="row"]') == null || from.tagName === 'BUTTON') return;
    const target = nextPosition(event.key, event.ctrlKey || event.metaKey, position, rows.length, dir);
    const gridRow = rows[position.row];
    if (target) {
      event.preventDefault();
      const row = rows[target.row];
      if (row) focusCell({ key: row.row.key, col: target.col });
      return;
    }
    if (!gridRow) return;
    const { row } = gridRow;
    const unsettled = isUnsettled(row);
    // A write held in a chat that is over, where it cannot go, is let go as a refused one is.
    const command = gridCommand(event, position.col, unsettled || (!!row.draft && isEditedDraft(row.draft)) || (row.status === 'queued' && !!entry && hasEnded(entry.chat.state)));
    if (!command) return;
    event.preventDefault();
    const { col } = position;
    if (command === 'undo' || command === 'redo' || command === 'delete') {
      // Until its chunk arrives, one such key waits; it acts only on the chat as it was when
      // pressed (editHistory.ts: runWaited), and keys pressed meanwhile are not stacked on it.
      // A grid gone meanwhile (another chat) drops it: its state would no longer follow the chat.
      if (waitingCommand.current) return;
      const mine = {};
      waitingCommand.current = mine;
      const ours = () => waitingCommand.current === mine && !(waitingCommand.current = null);
      editHistoryChunk.use(
        (editHistory) => {
          const tools = latest.current.historyTools;
          if (ours()) editHistory.runWaited(entry, tools, () => (command === 'delete' ? editHistory.removeKey(gridRow, tools) : editHistory.travel(command, tools)));
        },
        () => ours() && notLoaded(),
      );
    }
    else if (command === 'copy' || command === 'paste')
      clipboardChunk.use((clipboard) => (command === 'copy' ? clipboard.copyCell(gridRow, col, clipboardTools) : clipboard.pasteIntoCell(gridRow, clipboardTools)), notLoaded);
    else if (command === 'edit') {
      // Enter on a refused or overtaken delete is its Retry or Keep mine: there is no value of the agent's to edit.
      // Read-only meanwhile (the chat ended): the editor says why, as the hidden Retry would not.
      if (unsettled && row.pending?.op === 'delete' && !gridRow.readOnlyReason) retry(row.pending);
      else startEdit(row.key, null);
    }
    else if (command === 'to-value') focusCell({ key: gridRow.row.key, col: 1 });
    else if (command === 'discard') discard(gridRow);
    else startEdit(gridRow.row.key, event.key);
  };

  const notLoaded = () => setAnnouncement(t('caseData.announce.commandNotLoaded'));
  /** Escape, or the row's Discard / Take theirs button: with undo, in its chunk (editHistory.ts). */
  const discard = (gridRow: GridRow, draftOnly?: boolean) =>
    editHistoryChunk.use((editHistory) => editHistory.discardRow(gridRow, draftOnly, latest.current.historyTools), notLoaded);
  /** Retry, Keep mine: in the same chunk. */
  const retry = (failed: PendingEdit) => editHistoryChunk.use((editHistory) => editHistory.retryWrite(failed, latest.current.historyTools), notLoaded);

  // Rows get one handler object for their whole life; it reads the latest state through a ref.
  const historyTools: EditHistoryTools = { t, chatId, entry, actions, announce: setAnnouncement, note, named, submit, existingKeys, focusCell, send: writer.send, reread: writer.reread };
  const current: RowActions = { commitText, startEdit, setActive, actions, chatId, rows, retry, editing, setEditing, focusCell, discard, note, historyTools };
  const latest = useRef(current);
  latest.current = current; // oxlint-disable-line react/refs -- read by the rows' handlers in events only, never in render
  const handlers = useRowHandlers(latest, cells);

  return { activeRowIndex, position, editing, notes, announcement, setAnnouncement, handlers, onGridKeyDown, flushFocus, submit, focusCell };
}
