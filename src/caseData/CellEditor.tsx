import { useCallback, useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { showsInGrid } from './reveal';
import { useMessages } from '../i18n';
import '../i18n/editorTexts';
import type { FieldOption } from './caseDataConfig';
import { useEditorText, type EditorTextInput, type Handover } from './useEditorText';
import { useSaidAtMost } from './useSaidAtMost';
import { textDirection } from './textDirection';
import { useTypeToSelect } from './useTypeToSelect';
import { formatValue, quotedText, textToValue } from './userDataValues';
import { stepped } from './stepNumber';
import { useHeldEnter } from './useHeldEnter';

/** Another party's changes to an open editor's key are said at most this often. */
const SAID_AT_MOST_MS = 3_000;

export type CellEditorProps = EditorTextInput & {
  readonly label: string;
  readonly options?: readonly FieldOption[];
  /** The server changed the value since editing began: shown as old -> new (`now` null: deleted), the agent chooses. */
  readonly conflict?: { readonly before: string; readonly now: string | null } | null;
};

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * A text editor as it closed, for one that opens in its place in the same commit: an
 * unchanged editor opened again on another party's new value is a fresh editor (keyed by
 * its text, CaseDataRow), and the agent's place must carry over. Text selected whole
 * (Ctrl+A, about to type over it) is the new text selected whole; a caret at the end stays
 * at the end. Kept for that commit only: an editor opened later starts afresh.
 */
let justClosed: { readonly label: string; readonly focused: boolean; readonly start: number; readonly end: number; readonly length: number } | null = null;

function closing(label: string, field: HTMLInputElement | HTMLTextAreaElement): void {
  const closed = { label, focused: field === document.activeElement, start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0, length: field.value.length };
  justClosed = closed;
  queueMicrotask(() => {
    if (justClosed === closed) justClosed = null;
  });
}

function reopenedFrom(label: string, length: number): Pick<Handover, 'focused' | 'selection'> | null {
  const closed = justClosed?.label === label ? justClosed : null;
  justClosed = null;
  if (!closed) return null;
  const { start, end, focused } = closed;
  if (start === 0 && end === closed.length && end > 0) return { focused, selection: [0, length] };
  if (start === closed.length) return { focused, selection: [length, length] };
  return { focused, selection: [Math.min(start, length), Math.min(end, length)] };
}

/**
 * The in-cell editor: a field of the cell's kind keeping the editor's keys (useEditorText:
 * Enter, Tab, Escape, leaving the field, numbers checked as typed), and the choices of a
 * conflict with another party's change.
 */
export function CellEditor(props: CellEditorProps) {
  const { label, editor, kind, initialText, options, readOnly = false, conflict = null, handover } = props;
  const { t } = useMessages();
  const fieldRef = useRef<Field | null>(null);
  // A date field takes its day, month and year in the browser's order, and reads '' until it has
  // all three: Enter on a date typed in part cleared the value, and a year of five digits was
  // refused as not "YYYY-MM-DD", which that field cannot be typed as (exploratory test).
  const onCommit: EditorTextInput['onCommit'] = (typed, move) => {
    const field = fieldRef.current;
    return editor === 'date' && field instanceof HTMLInputElement && (field.validity.badInput || !textToValue('date', typed).ok) ? t('caseData.editor.dateWhole') : props.onCommit(typed, move);
  };
  const { text, reason, refusal, change, type, commit, cancel, onKeyDown, onBlur } = useEditorText({ ...props, onCommit, heldReason: (held, text) => t('caseData.editor.enterAgain', { reason: held, text }) });
  const reasonId = useId();
  const typeToSelect = useTypeToSelect(options?.map(formatValue) ?? [], text, change);

  // The conflict's choices, and a refusal's reason, appear below the field: on the grid's last
  // rows they would be cut off by its edge (exploratory round: a German "2,5" read 25 with its
  // reason out of sight; stable, so it runs when they appear, not on every keystroke). Not
  // for a field the agent has scrolled away from: a notification does not move their view
  // (the alert is read out, and the field comes back into view as they type).
  const intoView = useCallback((element: HTMLElement | null) => {
    // Once the commit is done: the grid's own keeping of a windowed list's view (useFocusKeeping,
    // a layout effect, after this ref) would put back the position it had (integrator's test).
    queueMicrotask(() => {
      const grid = element?.closest<HTMLElement>('[role="grid"]');
      const field = fieldRef.current;
      if (element?.isConnected && grid && field && showsInGrid(grid, field)) revealBelow(grid, element, field);
    });
  }, []);
  // A read-only viewer follows the server's value: the agent reading it with the caret (a
  // screen reader's reading cursor) or selecting to copy keeps their place across a change.
  const selection = useRef<readonly [number, number] | null>(null);
  const shownReadOnly = readOnly ? initialText : null;
  // The change is said, in the viewer's hint (a live region): a screen reader does not tell
  // a field's value changing. Counted, so that each change is a new text, read out again.
  // oxlint-disable react/refs -- counted during render: a render React throws away counts nothing again (same text next time)
  const viewed = useRef({ text: shownReadOnly, changes: 0 });
  if (viewed.current.text !== shownReadOnly) viewed.current = { text: shownReadOnly, changes: viewed.current.changes + 1 };
  const changes = viewed.current.changes;
  const [saidChanges] = useSaidAtMost(changes > 0 ? t('caseData.editor.readOnlyChanged', { count: changes }) : null, SAID_AT_MOST_MS);
  // oxlint-enable react/refs
  const conflictText = conflict
    ? `${
        conflict.now === null
          ? t('caseData.editor.conflictDeleted', { before: quotedText(conflict.before, t) })
          : t('caseData.editor.conflict', { before: quotedText(conflict.before, t), now: quotedText(conflict.now, t) })
        // In a textarea Enter is a new line: Ctrl+Enter keeps the agent's value there.
      } ${editor === 'multiline' ? t('caseData.editor.conflictKeysMultiline') : t('caseData.editor.conflictKeys')}`
    : null;
  const [saidConflict, sayConflictNow] = useSaidAtMost(conflictText, SAID_AT_MOST_MS);
  const saidOnEnter = useRef(Number.NEGATIVE_INFINITY);
  const { held, afterKey } = useHeldEnter(conflictText, reason, editor === 'multiline');
  useLayoutEffect(() => {
    const field = fieldRef.current;
    const saved = selection.current;
    if (shownReadOnly === null || !(field instanceof HTMLTextAreaElement) || !saved) return;
    const end = field.value.length;
    field.setSelectionRange(Math.min(saved[0], end), Math.min(saved[1], end));
  }, [shownReadOnly]);
  // Focus through a callback ref, not an effect: the editor is usable the moment it mounts.
  // Replacing a stand-in, it takes the focus only if the stand-in had it, and its caret;
  // opened again on another party's value, the focus and selection of the editor it replaces.
  const handedOver = useRef(handover);
  // The label as of the last commit, for the field's cleanup: the locale, or its catalogue
  // arriving, renames an open editor, and a reopen must find the one it replaces (review).
  const labelNow = useRef(label);
  useLayoutEffect(() => void (labelNow.current = label));
  // Opened again on another party's value (reopenedFrom): the box is where the agent left it, in
  // the view they scrolled to; only a newly opened one is brought into view (review: a notification
  // scrolled the grid under a half-visible editor).
  const reopened = useRef(false);
  const boxIntoView = useCallback((element: HTMLElement | null) => void (reopened.current || intoView(element)), [intoView]);
  const focusOnMount = useCallback(
    (field: Field | null) => {
      fieldRef.current = field;
      if (!field) return;
      const typed = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text');
      const reopen = handedOver.current ? null : reopenedFrom(labelNow.current, field.value.length);
      reopened.current = reopen !== null;
      const from = handedOver.current ?? reopen;
      if (from?.focused !== false) {
        field.focus({ preventScroll: true });
        // The caret goes to the end, as in a spreadsheet's F2: agents mostly append or
        // correct the tail; typing a character instead replaces the whole value.
        if (typed) field.setSelectionRange(...(from?.selection ?? [field.value.length, field.value.length]));
      }
      if (typed) return () => closing(labelNow.current, field);
    },
    [],
  );

  // The cell around an editor that stays open as it loses the focus (a conflict's, a refused
  // value's) passes the focus on to it: a click on the cell's padding left it on the cell, where
  // the grid's keys wait on an open editor, and Enter and Escape did nothing while the choice
  // still named them (exploratory test). An editor that closes on the blur is gone by then.
  useEffect(() => {
    const cell = fieldRef.current?.closest<HTMLElement>('[role="gridcell"]');
    const passOn = (event: FocusEvent) => {
      if (event.target === cell && fieldRef.current?.isConnected) fieldRef.current.focus({ preventScroll: true });
    };
    cell?.addEventListener('focus', passOn);
    return () => cell?.removeEventListener('focus', passOn);
  }, []);

  const common = {
    ref: focusOnMount,
    className: `cell-editor__field cell-editor__field--${editor}`,
    'aria-label': label,
    'aria-invalid': reason ? true : undefined,
    'aria-describedby': [reason || refusal || held > 0 ? reasonId : '', conflict ? `${reasonId}-conflict` : ''].join(' ').trim() || undefined,
    // Up and Down step a number (the editor's own: the field standing in for it does not).
    onKeyDown: (event: KeyboardEvent) => {
      if (editor === 'select' && typeToSelect(event)) return event.stopPropagation();
      // An Enter that would keep the agent's value over a change of theirs not said yet (said at
      // most every few seconds) says it now and keeps nothing: the next Enter does, once heard
      // (exploratory test: a second change came, shown but unsaid, and the next Enter saved over it).
      // Once in a while: under a stream of changes each Enter would find another (useEditorText).
      if (
        conflictText !== null &&
        saidConflict !== conflictText &&
        event.key === 'Enter' &&
        event.keyCode !== 229 &&
        (editor !== 'multiline' || event.ctrlKey || event.metaKey) &&
        performance.now() - saidOnEnter.current > SAID_AT_MOST_MS
      ) {
        event.preventDefault();
        event.stopPropagation();
        saidOnEnter.current = performance.now();
        return sayConflictNow();
      }
      if (editor === 'number' && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        const next = stepped(text, event.key === 'ArrowUp' ? 1 : -1);
        if (next !== null) change(next);
      }
      onKeyDown(event);
      afterKey(event);
    },
    onBlur,
  } as const;

  let field;
  switch (editor) {
    case 'multiline':
      // Read-only, it shows the value (initialText follows it), never a copy taken when it opened.
      field = (
        <textarea
          {...common}
          dir={textDirection(readOnly ? initialText : text)}
          value={readOnly ? initialText : text}
          rows={6}
          readOnly={readOnly}
          spellCheck={false}
          onChange={(event) => change(event.target.value)}
          onSelect={(event) => {
            selection.current = [event.currentTarget.selectionStart, event.currentTarget.selectionEnd];
          }}
        />
      );
      break;
    case 'checkbox':
      field = <input {...common} type="checkbox" checked={text === 'true'} onChange={(event) => change(String(event.target.checked))} />;
      break;
    case 'select':
      field = (
        <select {...common} value={text} onChange={(event) => change(event.target.value)}>
          {options?.some((option) => formatValue(option) === text) ? null : <option value={text}>{text || t('caseData.emptyValue')}</option>}
          {options?.map((option) => (
            <option key={formatValue(option)} value={formatValue(option)}>
              {formatValue(option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      field = <input {...common} type="date" value={text} onChange={(event) => change(event.target.value)} />;
      break;
    case 'number':
    case 'text': {
      const numeric = editor === 'number';
      const numericValue = numeric && text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
      field = (
        <input
          {...common}
          type="text"
          role={numeric ? 'spinbutton' : 'textbox'}
          dir={numeric ? undefined : textDirection(text)}
          inputMode={numeric ? (kind === 'decimal' ? 'decimal' : 'numeric') : undefined}
          aria-valuenow={numericValue}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => type(event.target.value)}
        />
      );
      break;
    }
  }

  return (
    <span className={`cell-editor cell-editor--${editor}${conflict ? ' cell-editor--conflict' : ''}`}>
      {field}
      {/* An alert: the agent is typing, and Enter would overwrite the other party's value. Said at
          most every few seconds (the text beside the choices is always the latest). */}
      {conflict ? (
        <span className="cell-editor__said" role="alert">
          {saidConflict}
        </span>
      ) : null}
      {conflict ? (
        // Escape takes theirs from its buttons too (Tab leads there), as the text beside them says.
        <span
          className="cell-editor__conflict"
          role="group"
          aria-label={t('caseData.editor.conflictGroup')}
          ref={intoView}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            cancel();
          }}
        >
          <span className="cell-editor__conflict-text" id={`${reasonId}-conflict`}>
            {conflictText}
          </span>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => commit('stay')}>
            {t('caseData.keepMine')}
          </button>
          <button
            type="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={cancel}
          >
            {t('caseData.takeTheirs')}
          </button>
        </span>
      ) : null}
      {editor === 'multiline' ? (
        // The box's last line: brought into view as it opens, the box opening over the rows below
        // (on the grid's lower rows most of it was cut off by its edge: integrator's test).
        <span className="cell-editor__hint" aria-live={readOnly ? 'polite' : undefined} ref={boxIntoView}>
          {!readOnly ? t('caseData.editor.multilineHint') : (saidChanges ?? t('caseData.editor.readOnlyHint'))}
        </span>
      ) : null}
      {held > 0 ? (
        // Keyed by the count: each Enter held is said. In a refusal's place while it is the news.
        <span key={`held-${held}`} id={reasonId} className="cell-editor__reason" role="alert" ref={intoView}>
          {t(editor === 'multiline' ? 'caseData.editor.enterHeldMultiline' : 'caseData.editor.enterHeld')}
        </span>
      ) : reason || refusal ? (
        // Keyed: a held commit repeats the refusal's text, and only a new alert is read out again.
        <span key={reason ? 1 : 0} id={reasonId} className="cell-editor__reason" role="alert" ref={intoView}>
          {reason ?? refusal}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Scrolls `grid` by the least amount that shows the bottom of `element` (the conflict's
 * choices) and of its editor's box, but never so far that `field` goes under the sticky header row: in a short panel
 * the box may not fit, and the caret must stay in sight (exploratory test: a German conflict
 * box took the field under the header at 320 × 256 px). Here, not in reveal.ts: only an
 * open editor needs it, and it loads after the first paint.
 */
function revealBelow(grid: HTMLElement, element: Element, field: Element): void {
  const top = grid.getBoundingClientRect().top + grid.clientTop;
  // Down to the editor box's edge too: a multi-line box's hint below the choices, and its
  // border (exploratory test: cut off on the last row). A one-line field's reason hangs below the box.
  const bottom = Math.max(element.getBoundingClientRect().bottom, element.closest('.cell-editor')?.getBoundingClientRect().bottom ?? 0);
  const below = bottom - (top + grid.clientHeight);
  const header = grid.querySelector('.case-data__head')?.getBoundingClientRect().height ?? 0;
  const by = Math.min(below, field.getBoundingClientRect().top - (top + header));
  if (by > 0) grid.scrollTop += by;
}
