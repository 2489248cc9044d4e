import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { revealInGrid, showsInGrid } from './reveal';
import { useMessages } from '../i18n';
import '../i18n/editorTexts';
import type { FieldOption } from './caseDataConfig';
import { acceptsTyping, formatValue, type EditorKind, type ValueKind } from './userDataValues';

export type EditorMove = 'down' | 'next' | 'previous' | 'stay' | 'away';

export type CellEditorProps = {
  readonly label: string;
  readonly editor: EditorKind;
  readonly kind: ValueKind;
  /** What the editor starts with; read-only, the value as it is now (followed, not copied). */
  readonly initialText: string;
  readonly options?: readonly FieldOption[];
  /** Shows the whole value (a long text) without allowing changes. */
  readonly readOnly?: boolean;
  /** The server changed the value since editing began: shown as old -> new (`now` null: deleted), the agent chooses. */
  readonly conflict?: { readonly before: string; readonly now: string | null } | null;
  /** Every change, so the draft survives a chat switch or a reload. */
  readonly onDraft: (text: string) => void;
  /** Returns the reason the value cannot be saved, or null when it was accepted. */
  readonly onCommit: (text: string, move: EditorMove) => string | null;
  /** A key refused on the cell just before this editor opened: its first commit is held too. */
  readonly refusedBefore?: string | undefined;
  readonly onCancel: () => void;
  /** A commit by leaving the field was refused (the editor stays open, with the reason, until the agent is elsewhere). */
  readonly onRefusedAway?: (reason: string) => void;
  /** The stand-in field this editor replaces, having loaded late (CellEditorSlot): whether it had focus, and its caret. */
  readonly handover?: Handover | undefined;
};

export type Handover = { readonly focused: boolean; readonly selection: readonly [number, number] };

const REFUSAL_SHOWN_MS = 4000;

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * The in-cell editor. Enter commits and moves down, Tab commits and moves on, Escape
 * cancels, leaving the field commits. The multi-line editor takes Enter as a line
 * break and commits with Ctrl+Enter. Numbers refuse non-digits as they are typed.
 */
export function CellEditor({ label, editor, kind, initialText, options, readOnly = false, refusedBefore, conflict = null, onDraft, onCommit, onCancel, onRefusedAway, handover }: CellEditorProps) {
  const { t } = useMessages();
  const [text, setText] = useState(initialText);
  const [reason, setReason] = useState<string | null>(null);
  // A refused keystroke is explained for a few seconds, even if valid typing follows:
  // otherwise the reason flashes and the agent never sees why the "." vanished.
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refusalTimer.current), []);
  // Typing that goes on past a refused key may make another number of it: "100", a
  // refused "." and "50" read 10050. So the first commit of a text changed since the
  // first refusal stops on that refusal's reason, and the next saves what the field
  // shows. Keeping the digits rather than dropping them: the agent sees what they typed.
  const refused = useRef<{ readonly reason: string; readonly text: string } | null>(refusedBefore ? { reason: refusedBefore, text: '' } : null);
  const refuse = (why: string) => {
    refused.current ??= { reason: why, text };
    setRefusal(why);
    clearTimeout(refusalTimer.current);
    refusalTimer.current = setTimeout(() => setRefusal(null), REFUSAL_SHOWN_MS);
  };
  const closed = useRef(false);
  const reasonId = useId();

  const fieldRef = useRef<Field | null>(null);
  // The conflict's choices appear below the field: on the grid's last rows they would be
  // cut off by its edge (stable, so it runs when they appear, not on every keystroke). Not
  // for a field the agent has scrolled away from: a notification does not move their view
  // (the alert is read out, and the field comes back into view as they type).
  const intoView = useCallback((element: HTMLElement | null) => {
    const grid = element?.closest<HTMLElement>('[role="grid"]');
    const field = fieldRef.current;
    if (element && grid && field && showsInGrid(grid, field)) revealInGrid(grid, element);
  }, []);
  // A read-only viewer follows the server's value: the agent reading it with the caret (a
  // screen reader's reading cursor) or selecting to copy keeps their place across a change.
  const selection = useRef<readonly [number, number] | null>(null);
  const shownReadOnly = readOnly ? initialText : null;
  useLayoutEffect(() => {
    const field = fieldRef.current;
    const saved = selection.current;
    if (shownReadOnly === null || !(field instanceof HTMLTextAreaElement) || !saved) return;
    const end = field.value.length;
    field.setSelectionRange(Math.min(saved[0], end), Math.min(saved[1], end));
  }, [shownReadOnly]);
  // Focus through a callback ref, not an effect: the editor is usable the moment it mounts.
  // Replacing a stand-in, it takes the focus only if the stand-in had it, and its caret.
  const handedOver = useRef(handover);
  const focusOnMount = useCallback(
    (field: Field | null) => {
      fieldRef.current = field;
      const from = handedOver.current;
      if (!field || from?.focused === false) return;
      field.focus({ preventScroll: true });
      // The caret goes to the end, as in a spreadsheet's F2: agents mostly append or
      // correct the tail; typing a character instead replaces the whole value.
      if (field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text')) {
        field.setSelectionRange(...(from?.selection ?? [field.value.length, field.value.length]));
      }
    },
    [],
  );

  const change = (next: string) => {
    setText(next);
    setReason(null);
    onDraft(next);
  };

  const commit = (move: EditorMove) => {
    if (closed.current) return;
    if (readOnly) {
      closed.current = true;
      onCancel();
      return;
    }
    const held = refused.current;
    refused.current = null;
    if (held && held.text !== text) {
      clearTimeout(refusalTimer.current);
      setRefusal(null);
      setReason(held.reason);
      if (move === 'away') onRefusedAway?.(held.reason);
      return;
    }
    // Closed before committing: the commit may move focus, and the blur that follows
    // must not commit a second time.
    closed.current = true;
    const problem = onCommit(text, move);
    if (problem) {
      closed.current = false;
      setReason(problem);
      if (move === 'away') onRefusedAway?.(problem);
    }
  };

  const onKeyDown = (event: KeyboardEvent<Field>) => {
    // The grid's own keys must not fire while the agent types.
    event.stopPropagation();
    const multiline = editor === 'multiline';
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit('down');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closed.current = true;
      onCancel();
    } else if (event.key === 'Tab' && conflict) {
      // While a conflict is shown, Tab reaches its two buttons instead of committing.
    } else if (event.key === 'Tab') {
      event.preventDefault();
      commit(event.shiftKey ? 'previous' : 'next');
    } else if (editor === 'number' && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const current = Number(text || '0');
      if (Number.isFinite(current)) change(String(current + (event.key === 'ArrowUp' ? 1 : -1)));
    }
  };

  const common = {
    ref: focusOnMount,
    className: `cell-editor__field cell-editor__field--${editor}`,
    'aria-label': label,
    'aria-invalid': reason ? true : undefined,
    'aria-describedby': [reason || refusal ? reasonId : '', conflict ? `${reasonId}-conflict` : ''].join(' ').trim() || undefined,
    onKeyDown,
    // Leaving the field commits; a value that cannot be saved stays open with its reason.
    onBlur: () => {
      if (!conflict) commit('away');
    },
  } as const;

  let field;
  switch (editor) {
    case 'multiline':
      // dir="auto" here and on the text field: a value is typed in its own script's direction, whatever the panel's.
      // Read-only, it shows the value (initialText follows it), never a copy taken when it opened.
      field = (
        <textarea
          {...common}
          dir="auto"
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
          dir={numeric ? undefined : 'auto'}
          inputMode={numeric ? (kind === 'decimal' ? 'decimal' : 'numeric') : undefined}
          aria-valuenow={numericValue}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            const allowed = acceptsTyping(kind, event.target.value, t);
            if (allowed.ok) change(event.target.value);
            else refuse(allowed.reason);
          }}
        />
      );
      break;
    }
  }

  return (
    <span className={`cell-editor cell-editor--${editor}${conflict ? ' cell-editor--conflict' : ''}`}>
      {field}
      {conflict ? (
        <span className="cell-editor__conflict" role="group" aria-label={t('caseData.editor.conflictGroup')} ref={intoView}>
          {/* An alert: the agent is typing, and Enter would overwrite the other party's value. */}
          <span className="cell-editor__conflict-text" id={`${reasonId}-conflict`} role="alert">
            {conflict.now === null
              ? t('caseData.editor.conflictDeleted', { before: conflict.before || t('caseData.emptyValue') })
              : t('caseData.editor.conflict', { before: conflict.before || t('caseData.emptyValue'), now: conflict.now || t('caseData.emptyValue') })}{' '}
            {/* In a textarea Enter is a new line: Ctrl+Enter keeps the agent's value there. */}
            {editor === 'multiline' ? t('caseData.editor.conflictKeysMultiline') : t('caseData.editor.conflictKeys')}
          </span>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => commit('stay')}>
            {t('caseData.keepMine')}
          </button>
          <button
            type="button"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              closed.current = true;
              onCancel();
            }}
          >
            {t('caseData.takeTheirs')}
          </button>
        </span>
      ) : null}
      {editor === 'multiline' ? (
        <span className="cell-editor__hint">{readOnly ? t('caseData.editor.readOnlyHint') : t('caseData.editor.multilineHint')}</span>
      ) : null}
      {reason || refusal ? (
        // Keyed: a held commit repeats the refusal's text, and only a new alert is read out again.
        <span key={reason ? 1 : 0} id={reasonId} className="cell-editor__reason" role="alert">
          {reason ?? refusal}
        </span>
      ) : null}
    </span>
  );
}
