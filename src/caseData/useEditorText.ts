import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n';
import { acceptsTyping, type EditorKind, type ValueKind } from './userDataValues';

export type EditorMove = 'down' | 'next' | 'previous' | 'stay' | 'away';

/** A refused key whose reason holds the next commit of a text changed since (see `refused` below). */
export type HeldRefusal = { readonly reason: string; readonly text: string };

/** What a stand-in field hands to the editor that replaces it (CellEditorSlot). */
export type Handover = {
  readonly focused: boolean;
  readonly selection: readonly [number, number];
  readonly reason: string | null;
  readonly refused: HeldRefusal | null;
};

export type EditorTextInput = {
  readonly editor: EditorKind;
  readonly kind: ValueKind;
  readonly initialText: string;
  readonly readOnly?: boolean;
  /** The server changed the value since editing began: Enter keeps the agent's value, leaving the field does nothing. */
  readonly conflict?: unknown;
  /** A key refused on the cell just before the editor opened: its first commit is held too. */
  readonly refusedBefore?: string | undefined;
  readonly handover?: Handover | undefined;
  /** Every change, so the draft survives a chat switch or a reload. */
  readonly onDraft: (text: string) => void;
  /** Returns the reason the value cannot be saved, or null when it was accepted. */
  readonly onCommit: (text: string, move: EditorMove) => string | null;
  readonly onCancel: () => void;
  /** A commit by leaving the field was refused (the editor stays open, with the reason, until the agent is elsewhere). */
  readonly onRefusedAway?: ((reason: string) => void) | undefined;
  /** How a commit held by a refused keystroke is said (the full editor's: with what the next Enter saves). */
  readonly heldReason?: (reason: string, text: string) => string;
};

const REFUSAL_SHOWN_MS = 4000;
/** An Enter this soon after a conflict came up was meant for the save the agent was making, not as Keep mine over a value not seen yet. */
export const CONFLICT_SETTLES_MS = 500;
/** How long an Enter held back so stands for the next (see enterHeld). */
const HELD_ENTER_MS = 2_000;

/**
 * An open cell's text and keys, the editor's contract: Enter commits and moves down (Ctrl+Enter
 * in the multi-line editor, where Enter is a line break), Tab commits and moves on, Escape
 * cancels, leaving the field commits, a value refused stays open with its reason, numbers
 * refuse non-digits as they are typed. Shared by the editor (its own chunk) and the plain
 * field that stands in for it until it is loaded (CellEditorSlot), so both keep it alike.
 */
export function useEditorText({ editor, kind, initialText, readOnly = false, conflict, refusedBefore, handover, onDraft, onCommit, onCancel, onRefusedAway, heldReason }: EditorTextInput) {
  const { t } = useMessages();
  const [text, setText] = useState(initialText);
  const [reason, setReason] = useState<string | null>(handover?.reason ?? null);
  // A refused keystroke is explained for a few seconds, even if valid typing follows:
  // otherwise the reason flashes and the agent never sees why the "." vanished.
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refusalTimer.current), []);
  // Typing that goes on past a refused key may make another number of it: "100", a
  // refused "." and "50" read 10050. So the first commit of a text changed since the
  // first refusal stops on that refusal's reason, and the next saves what the field
  // shows. Keeping the digits rather than dropping them: the agent sees what they typed.
  const refused = useRef<HeldRefusal | null>(handover ? handover.refused : refusedBefore ? { reason: refusedBefore, text: '' } : null);
  // Closed before committing: the commit may move focus, and the blur that follows must
  // not commit a second time.
  const closed = useRef(false);

  // An Enter held back as a conflict came up (below): the next, once that has had its half second
  // and within HELD_ENTER_MS, keeps the agent's value whatever came meanwhile (under a stream of their
  // changes each came up too soon for any Enter, and only Tab to Keep mine saved: exploratory test).
  // Pressed twice, it is meant; typing in between, or a pause, and the guard is whole again (review).
  const enterHeld = useRef(0);
  const change = (next: string) => {
    enterHeld.current = 0;
    setText(next);
    setReason(null);
    onDraft(next);
  };

  /** A typed text: checked like every key the agent types into a value. */
  const type = (next: string) => {
    const allowed = acceptsTyping(kind, next, t);
    if (allowed.ok) return change(next);
    refused.current ??= { reason: allowed.reason, text };
    setRefusal(allowed.reason);
    clearTimeout(refusalTimer.current);
    refusalTimer.current = setTimeout(() => setRefusal(null), REFUSAL_SHOWN_MS);
  };

  const cancel = () => {
    closed.current = true;
    onCancel();
  };

  const commit = (move: EditorMove) => {
    if (closed.current) return;
    if (readOnly) return cancel();
    const held = refused.current;
    refused.current = null;
    let problem: string | null;
    if (held && held.text !== text) {
      clearTimeout(refusalTimer.current);
      setRefusal(null);
      // Said with what the next Enter saves: "2,5" in German reads 25 once the comma is refused (exploratory test).
      problem = heldReason?.(held.reason, text) ?? held.reason;
    } else {
      closed.current = true;
      problem = onCommit(text, move);
      closed.current = problem === null;
    }
    setReason(problem);
    if (problem && move === 'away') onRefusedAway?.(problem);
  };

  // When the conflict came up, or its server value changed (0: none shown yet). An Enter that met
  // it as it came (exploratory test: within milliseconds) saved over another party's value unseen,
  // and nothing said so after; so did one that met a second change (exploratory round).
  const conflictShown = useRef(0);
  const conflictSays = conflict ? JSON.stringify(conflict) : '';
  useLayoutEffect(() => {
    conflictShown.current = conflictSays ? performance.now() : 0;
    if (!conflictSays) enterHeld.current = 0;
  }, [conflictSays]);
  const settled = (since: number) => since > 0 && performance.now() - since >= CONFLICT_SETTLES_MS;
  const heldJustNow = (since: number) => settled(since) && performance.now() - since < HELD_ENTER_MS;

  const onKeyDown = (event: KeyboardEvent) => {
    // The grid's own keys must not fire while the agent types.
    event.stopPropagation();
    // An input method's keys are its own: its Enter ends a composition (it saved the word half made), its
    // Escape drops one. Their key code is 229 during one, and for Safari's Enter just after (as in Add field).
    if (event.keyCode === 229) return;
    if (event.key === 'Enter' && (editor !== 'multiline' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // Its words, said as it shows, tell what Enter does now; the next Enter keeps the agent's value.
      if (conflict && !settled(conflictShown.current) && !heldJustNow(enterHeld.current)) {
        enterHeld.current = performance.now();
        return;
      }
      commit('down');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Tab' && !conflict) {
      // While a conflict is shown, Tab reaches its two buttons instead of committing.
      event.preventDefault();
      commit(event.shiftKey ? 'previous' : 'next');
    }
  };

  return {
    text,
    reason,
    refusal,
    /** What the field's state is for an editor that takes over from it. */
    held: () => refused.current,
    change,
    type,
    commit,
    cancel,
    onKeyDown,
    // Leaving the field commits; a value that cannot be saved stays open with its reason.
    onBlur: () => {
      if (!conflict) commit('away');
    },
  };
}
