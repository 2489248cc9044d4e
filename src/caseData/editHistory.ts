// Undo, redo and delete on the grid's active cell (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z, Delete),
// the discards they take back (Escape, a row's Discard or Take theirs), and a refused write sent
// again (Retry, Keep mine).
// A chunk of its own (useGridController.ts: editHistoryChunk), with its texts, fetched after
// the first paint with the grid's other parts: the first paint does not carry it.

import { hasEnded } from '../gws';
import type { Translate } from '../i18n';
import { isEditedDraft, isUnsettled, sameValue, shownValue, valueAfter, type ChatEntry, type ChatStoreActions, type HistoryStep, type PendingEdit, type UserDataWrite } from '../store';
import type { GridRow } from './useCaseDataRows';
import type { ActiveCell } from './useCellFocus';
import { chatBlockReason, problemWording, writeTo } from './validation';
import '../i18n/historyTexts';

/**
 * The grid controller as it is when the command runs (after the key press, if the chunk was
 * still loading; a grid gone by then runs nothing, useGridController).
 */
export type EditHistoryTools = {
  readonly t: Translate;
  readonly chatId: string;
  readonly entry: ChatEntry | undefined;
  readonly actions: ChatStoreActions;
  readonly announce: (text: string) => void;
  readonly note: (key: string, text: string | null) => void;
  /** A key as its row header names it. */
  readonly named: (key: string) => string;
  /** Validates and sends; the reason it was refused, or null. */
  readonly submit: (write: UserDataWrite, step: HistoryStep | null, restoring?: boolean) => string | null;
  readonly existingKeys: () => ReadonlySet<string>;
  readonly focusCell: (cell: ActiveCell) => void;
  /** Sends a write already checked (the writer's). */
  /** Whether it goes now, not queued. */
  readonly send: (chatId: string, write: UserDataWrite, step: HistoryStep | null) => boolean;
  /** Reads the chats again. */
  readonly reread: () => void;
};

/**
 * A key pressed before this chunk arrived runs now only if the chat is as it was then (the
 * grid passes the entry it saw): an edit made meanwhile must not be undone in its place,
 * nor a value someone else wrote meanwhile deleted unseen.
 */
export function runWaited(pressedOn: ChatEntry | undefined, tools: EditHistoryTools, command: () => void): void {
  if (tools.entry === pressedOn) command();
  else tools.announce(tools.t('caseData.announce.changedWhileLoading'));
}

/** Delete on a value or a key: the key goes (DeleteUserData); the focus stays on its row until the row goes. */
export function removeKey({ row }: GridRow, tools: EditHistoryTools): void {
  const { t, announce } = tools;
  // Deleting already (Delete pressed twice): the one on its way is the agent's.
  if (row.pending?.op === 'delete' && !isUnsettled(row.pending)) return;
  // A write of the key would take the agent's unsaved draft of it with it, unsaid.
  const refused = draftIn(tools, row.key, 'delete') ?? tools.submit({ op: 'delete', key: row.key }, { key: row.key, before: row.value, after: undefined });
  if (refused) {
    tools.note(row.key, refused);
    announce(refused);
    return;
  }
  // The focus stays on the row, Deleting…, until it goes (then to the next: useFocusKeeping): one that is
  // refused comes back with it, where Enter sends it again (it went to the row above at once, and
  // Enter there opened that row's editor: exploratory test).
  // The chat's last key: once it is gone the grid has no cell, where Ctrl+Z is heard, and the focus is on the
  // filter; the undo said would not come (accessibility audit). What brings the key back is said instead.
  announce(t(tools.existingKeys().size > 1 ? 'caseData.announce.deleted' : 'caseData.announce.deletedLast', { key: tools.named(row.key) }));
}

/**
 * An undo step that changed nothing the server shows, so that its undo is none:
 * - the discard of a write that may have landed, which the server shows since (read again on the
 *   discard): it took nothing away (left for redo, it sent the value from before over the agent's
 *   redone write: review);
 * - a write refused (or overtaken) that a newer one of its key replaced before it landed, that
 *   newer write's step starting from the same value (the grid's commit over an unsettled write
 *   takes the server's value as its `before`: useGridController), in either stack (that one undone
 *   already, say): it said someone else had changed the key since (exploratory test, A refused, B
 *   saved, Ctrl+Z twice).
 */
function changedNothing(step: HistoryStep, entry: ChatEntry): boolean {
  if (step.discard) return sameValue(shownValue(entry, step.key), step.before) && !entry.pending.some((edit) => edit.key === step.key);
  const { editId } = step;
  if (editId === undefined || step.draft || entry.pending.some((edit) => edit.editId === editId)) return false;
  return [...entry.history.undo, ...entry.history.redo].some(
    (other) => other.key === step.key && (other.editId ?? 0) > editId && !other.draft && !other.discard && sameValue(other.before, step.before) && !sameValue(other.before, step.after),
  );
}

export function travel(direction: 'undo' | 'redo', tools: EditHistoryTools): void {
  const { t, announce, note, named, entry, actions, chatId } = tools;
  if (!entry) return;
  const stack = direction === 'undo' ? entry.history.undo : entry.history.redo;
  const step = stack.at(-1);
  // A chat that is over keeps what the agent has for them to copy: its writes' history stands
  // still (undo dropped a refused write for good, its redo a write it refuses: exploratory test).
  // A discarded draft comes and goes as anywhere: nothing is sent (review: Escape lost it for good).
  if (hasEnded(entry.chat.state) && !step?.draft) return announce(t(`caseData.over.${entry.chat.state}`));
  if (!step) {
    announce(direction === 'undo' ? t('caseData.announce.nothingToUndo') : t('caseData.announce.nothingToRedo'));
    return;
  }
  // A step that changed nothing goes from history, and the undo goes on to the one before, in one
  // key press (the agent's edit stayed stuck under a discard that took nothing away).
  if (direction === 'undo' && changedNothing(step, entry)) {
    actions.stepTaken(chatId, 'undo', true);
    return travel('undo', { ...tools, entry: { ...entry, history: { ...entry.history, undo: entry.history.undo.slice(0, -1) } } });
  }
  if (step.draft) {
    // A discarded draft: back as it was, or discarded again, if the agent has not typed a new one since.
    const refused = direction === 'undo' ? draftIn(tools, step.key) : entry.drafts.get(step.key) === step.draft ? null : t('caseData.reason.draftChangedSince', { key: named(step.key) });
    if (refused) {
      announce(refused);
      return;
    }
    actions.draftRestored(chatId, step.key, direction === 'undo' ? step.draft : null);
  } else {
    const target = direction === 'undo' ? step.before : step.after;
    // Undo puts back what this agent replaced; if someone else has changed the key since,
    // that would silently overwrite their value. The agent is told instead.
    const expected = direction === 'undo' ? step.after : step.before;
    const own = entry.pending.filter((edit) => edit.key === step.key).at(-1);
    // Undoing a write that never landed (refused, a conflict, or queued offline, never sent): it
    // goes, as Discard or Take theirs do, and nothing is sent; the server keeps what it has. (It
    // sent the value from before, over another party's change since, or theirs as the agent's own
    // write; a queued one went out on reconnect, and its undo after it: exploratory tests.) Not one
    // queued after it went unanswered: it may land yet, and its undo's write goes after it (review).
    // One that may have landed is undone as a saved one is: its value from before is sent
    // (exploratory test), unless the server holds neither it nor what it replaced: someone
    // else's change since, which undo must not overwrite (final exploratory round).
    const notLanded = direction === 'undo' && own && (isUnsettled(own) || own.status === 'queued') ? own : undefined;
    const serverNow = entry.chat.userData.get(step.key);
    const overtaken = notLanded?.mayHaveLanded === true && !sameValue(serverNow, valueAfter(notLanded)) && !sameValue(serverNow, notLanded.base);
    const settled = notLanded !== undefined && !notLanded.mayHaveLanded && sameValue(valueAfter(notLanded), step.after);
    if (settled) actions.userDataWriteDiscarded(chatId, notLanded.editId);
    const refused = settled
      ? null
      : overtaken || !sameValue(shownValue(entry, step.key), expected)
      ? t('caseData.reason.changedSince', { key: named(step.key) })
      : (draftIn(tools, step.key, target === undefined ? 'delete' : 'update') ?? tools.submit(writeTo(tools.existingKeys(), step.key, target), null, true));
    if (refused) {
      note(step.key, refused);
      announce(refused);
      return;
    }
  }
  actions.stepTaken(chatId, direction);
  announce(direction === 'undo' ? t('caseData.announce.undid', { key: named(step.key) }) : t('caseData.announce.redid', { key: named(step.key) }));
  // To the cell changed back, as a spreadsheet does: a key whose delete is undone comes back
  // at the end of the grid, where the agent would not find it. (Not to a key that goes.)
  if (step.draft || (direction === 'undo' ? step.before : step.after) !== undefined) tools.focusCell({ key: step.key, col: 1 });
}

/**
 * Escape on a value, or its row's Discard / Take theirs: the agent's draft or refused write
 * goes, said either way, with how to take it back (a step of the chat's history).
 */
export function discardRow({ row }: GridRow, draftOnly: boolean | undefined, { t, entry, actions, chatId, announce, named, reread, note }: EditHistoryTools): void {
  // A note of what the draft or write held back ("Not pasted: … has a draft") goes with them (it stayed: exploratory test).
  note(row.key, null);
  // A write discarded in a chat that is over goes for good: its history stands still (travel), and
  // no Ctrl+Z is offered. (A draft's discard is taken back there too.)
  const forGood = entry !== undefined && hasEnded(entry.chat.state);
  // Escape in an editor over another party's change, which said "Escape takes theirs": a refused
  // write of the agent's under the draft, a conflict now, goes too (it stayed, the row still the
  // agent's: keyboard test). Two steps: Ctrl+Z brings the write back, then the draft.
  const under = draftOnly && row.draft && row.status === 'conflict' ? row.pending : undefined;
  if (under) {
    actions.draftDiscarded(chatId, row.key);
    actions.userDataWriteDiscarded(chatId, under.editId, true);
    return announce(t('caseData.announce.tookTheirs', { key: named(row.key) }));
  }
  // A draft beside a write on its way: the draft goes, the write goes on. One queued in a chat
  // that is over, where it cannot go, goes as a refused one: it read Queued for good, no Discard
  // beside it (exploratory test). (Not one queued in a live chat: it goes once live again.)
  const held = row.status === 'queued' && forGood;
  if (draftOnly || !row.pending || (row.status !== 'failed' && row.status !== 'conflict' && !held)) {
    // Only from the closed cell (an editor's Escape leaves its draft as it was).
    if (!row.draft) return;
    actions.draftDiscarded(chatId, row.key);
    return announce(t('caseData.announce.discarded', { key: named(row.key) }));
  }
  // One that may have been saved leaves the cell with what the server holds, read again, not
  // the value from before it shown as the server's (exploratory test). Ctrl+Z sends it again if
  // the read shows it did not land (it was refused as "changed by someone else": keyboard test),
  // and goes on to undo the write itself if it did (travel).
  const landed = row.pending.mayHaveLanded === true;
  actions.userDataWriteDiscarded(chatId, row.pending.editId, !forGood);
  if (landed) reread();
  // That read may show the agent's value: said here, as theirs (it was said to be someone else's: exploratory test).
  const said = row.status === 'conflict' ? 'caseData.announce.tookTheirs' : landed ? 'caseData.announce.discardedMaybeSaved' : 'caseData.announce.discarded';
  announce(t(forGood ? 'caseData.announce.discardedForGood' : said, { key: named(row.key) }));
}

/**
 * Retry, and Keep mine on a conflict (a row's button, or Enter on a refused delete): the same
 * value again, but the key may have come or gone since (someone else deleted or added it), so
 * the operation is chosen anew (validation.ts writeTo): attach to a key the server no longer
 * has, update one it has.
 */
export function retryWrite(failed: PendingEdit, { entry, actions, chatId, send, t, note, announce, named }: EditHistoryTools): void {
  if (!entry) return;
  const write = writeTo(entry.chat.userData, failed.key, valueAfter(failed));
  // It passed checkWrite when made; the chat may take no such write now (its capabilities
  // changed since: a lost DeleteUserData, review). Kept, with the reason.
  const blocked = chatBlockReason(entry.chat, write.op, t);
  if (blocked) {
    note(failed.key, blocked);
    return announce(blocked);
  }
  actions.userDataWriteDiscarded(chatId, failed.editId);
  const theirs = entry.chat.userData.get(failed.key);
  // What the agent typed since, still a draft (left by a chat switch or a reload), is not
  // theirs to lose by sending the earlier value again: a write sent clears its key's draft.
  const later = entry.drafts.get(failed.key);
  // Keep mine over another party's value: undo puts theirs back (a plain retry replaces what its first attempt did).
  const now = send(chatId, write, sameValue(theirs, failed.base) ? null : { key: failed.key, before: theirs, after: valueAfter(failed) });
  if (later && isEditedDraft(later)) actions.draftChanged(chatId, failed.key, later.text);
  // The live region still said it was not saved (exploratory test); a new refusal is said anew.
  // Offline, it waits: said so (review: "Sending" beside Queued).
  const said =
    write.op === 'delete'
      ? now
        ? 'caseData.announce.sendingDeleteAgain'
        : 'caseData.announce.queuedDeleteAgain'
      : now
        ? 'caseData.announce.sendingAgain'
        : 'caseData.announce.queuedAgain';
  const text = t(said, { key: named(failed.key) });
  // Unsaid once the write is sent and answered, or, waiting, once it is queued no more (writesSaid.ts:
  // "Sending your change" read on beside Saved, exploratory test). Kept in the problems' chunk, which
  // a failed write has loaded: through its loader, not imported, so that neither chunk depends on a
  // third that one failed fetch would keep from loading for the page.
  problemWording.use(
    ({ writesSaid }) => writesSaid.set(chatId, { text, stands: (entry) => entry.pending.some((edit) => edit.key === failed.key && (now || edit.status === 'queued')) }),
    () => undefined,
  );
  announce(text);
}

/**
 * Why a write of `key` waits: the agent has a draft of it, which the write would replace
 * unseen. Not in a chat that takes no write: "save it first" would ask for what it refuses
 * (its own reason is said instead).
 */
function draftIn({ entry, t, named }: EditHistoryTools, key: string, op?: UserDataWrite['op']): string | null {
  const draft = entry?.drafts.get(key);
  return entry && draft && isEditedDraft(draft) ? ((op && chatBlockReason(entry.chat, op, t)) ?? t('caseData.reason.draftFirst', { key: named(key) })) : null;
}
