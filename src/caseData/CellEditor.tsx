import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { showsInGrid } from './reveal';
import { useMessages } from '../i18n';
import '../i18n/editorTexts';
import type { FieldOption } from './caseDataConfig';
import { useEditorText, type EditorTextInput } from './useEditorText';
import { useSaidAtMost } from './useSaidAtMost';
import { textDirection } from './textDirection';
import { useTypeToSelect } from './useTypeToSelect';
import { formatValue, quotedText, textToValue } from './userDataValues';
import { stepped } from './stepNumber';
import { useHeldEnter } from './useHeldEnter';
import { closing, reopenedFrom, revealBelow, useCellPassesFocus } from './editorPlace';

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
 * The in-cell editor: a field of the cell's kind keeping the editor's keys (useEditorText:
 * Enter, Tab, Escape, leaving the field, numbers checked as typed), and the choices of a
 * conflict with another party's change.
 */
export function CellEditor(props: CellEditorProps) {
  const { label, kind, initialText, options, readOnly = false, conflict = null, handover } = props;
  const { t } = useMessages();
  const fieldRef = useRef<Field | null>(null);
  // A paste of more than one line turns a one-line field into the box of lines: the field joined
  // them with spaces, unsaid, where the same paste on the closed cell kept them (exploratory test).
  // So does a text of lines it opens on (a draft with them, the field mounted again).
  const [lines, setLines] = useState(() => /[\n\r]/.test(initialText));
  const editor = lines && props.editor === 'text' ? 'multiline' : props.editor;
  // The field it replaces goes with the focus in it: its blur is no leaving of the editor.
  const swapping = useRef(false);
  // A date field takes its day, month and year in the browser's order, and reads '' until it has
  // all three: Enter on a date typed in part cleared the value, and a year of five digits was
  // refused as not "YYYY-MM-DD", which that field cannot be typed as (exploratory test).
  const onCommit: EditorTextInput['onCommit'] = (typed, move) => {
    const field = fieldRef.current;
    return editor === 'date' && field instanceof HTMLInputElement && (field.validity.badInput || !textToValue('date', typed).ok) ? t('caseData.editor.dateWhole') : props.onCommit(typed, move);
  };
  const { text, reason, refusal, change, type, commit, cancel, onKeyDown, onBlur } = useEditorText({ ...props, editor, onCommit, heldReason: (held, text) => t('caseData.editor.enterAgain', { reason: held, text }) });
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
      swapping.current = false;
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

  useCellPassesFocus(fieldRef);

  const common = {
    ref: focusOnMount,
    className: `cell-editor__field cell-editor__field--${editor}`,
    'aria-label': label,
    'aria-invalid': reason ? true : undefined,
    // The box of lines' hint too: Enter is a new line there, and a screen reader had no word of how to save (accessibility audit).
    'aria-describedby': [reason || refusal || held > 0 ? reasonId : '', conflict ? `${reasonId}-conflict` : '', editor === 'multiline' ? `${reasonId}-hint` : ''].join(' ').trim() || undefined,
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
    onBlur: () => swapping.current || onBlur(),
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
          onPaste={(event) => {
            const pasted = event.clipboardData.getData('text/plain');
            if (numeric || readOnly || !/[\n\r]/.test(pasted)) return;
            event.preventDefault();
            const { value, selectionStart, selectionEnd } = event.currentTarget;
            const start = selectionStart ?? value.length;
            const caret = start + pasted.length;
            handedOver.current = { focused: true, selection: [caret, caret], reason: null, refused: null };
            swapping.current = true;
            change(value.slice(0, start) + pasted + value.slice(selectionEnd ?? start));
            setLines(true);
          }}
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
        <span id={`${reasonId}-hint`} className="cell-editor__hint" aria-live={readOnly ? 'polite' : undefined} ref={boxIntoView}>
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
