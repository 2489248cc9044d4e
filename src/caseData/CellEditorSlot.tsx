import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n';
import type { CellEditorProps, EditorMove, Handover } from './CellEditor';
import { onDemand } from './onDemand';
import { acceptsTyping } from './userDataValues';

/**
 * The in-cell editor is a chunk of its own, out of the first paint's 100 kB: it is fetched
 * as soon as the grid has painted (CaseDataGrid), nearly always long before the agent
 * opens a cell. Marked pure, as the grid's other chunks.
 */
export const cellEditorChunk = /* @__PURE__ */ onDemand(() => import('./CellEditor'));

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * Where a cell's editor goes: the editor itself once its chunk is loaded, and until then
 * (a key pressed in the first moments, a network gone since the page loaded) a plain field,
 * marked busy. It keeps the editor's contract for typed values: the typing is checked and
 * kept in the draft, Enter and Tab save through the grid (which checks the value), leaving
 * the field saves, Escape cancels. The editor then takes over its text, caret and focus,
 * the focus only if the field had it: the agent may be in the CRM by then.
 */
export function CellEditorSlot(props: CellEditorProps) {
  const { chunk, load } = cellEditorChunk.useChunk();
  const standIn = useRef<Field | null>(null);
  useEffect(() => {
    if (chunk.kind === 'idle') load();
  }, [chunk.kind, load]);
  if (chunk.kind === 'loaded') {
    // Read as the stand-in goes, in the render that replaces it. A frame whose page has the
    // focus elsewhere (the CRM's) keeps its active element: that is not the agent's focus.
    const field = standIn.current;
    const focused = document.hasFocus() && field === document.activeElement;
    const handover: Handover | undefined = field ? { focused, selection: [field.selectionStart ?? 0, field.selectionEnd ?? 0] } : undefined;
    return <chunk.module.CellEditor {...props} handover={handover} />;
  }
  return <EditorStandIn {...props} fieldRef={standIn} failed={chunk.kind === 'failed'} retry={load} />;
}

type StandInProps = CellEditorProps & {
  readonly fieldRef: { current: Field | null };
  readonly failed: boolean;
  readonly retry: () => void;
};

function EditorStandIn({ label, editor, kind, initialText, readOnly = false, conflict, onDraft, onCommit, onCancel, onRefusedAway, fieldRef, failed, retry }: StandInProps) {
  const { t } = useMessages();
  const [text, setText] = useState(initialText);
  const [reason, setReason] = useState<string | null>(null);
  // As in the editor: a commit that moves focus must not commit again on the blur that follows.
  const closed = useRef(false);
  // Typed text only: a checkbox, a list or a date waits for the editor, showing its value.
  // So does a conflict, which only the editor can show before the agent chooses.
  const typed = !readOnly && (editor === 'text' || editor === 'number' || editor === 'multiline');
  const focusAtEnd = useCallback(
    (field: Field | null) => {
      fieldRef.current = field;
      field?.focus({ preventScroll: true });
      field?.setSelectionRange(field.value.length, field.value.length);
    },
    [fieldRef],
  );
  const commit = (move: EditorMove) => {
    if (!typed || conflict || closed.current) return;
    closed.current = true;
    const problem = onCommit(text, move);
    closed.current = problem === null;
    setReason(problem);
    if (problem && move === 'away') onRefusedAway?.(problem);
  };
  const field = {
    ref: focusAtEnd,
    className: `cell-editor__field cell-editor__field--${editor}`,
    'aria-label': label,
    'aria-busy': failed ? undefined : true,
    'aria-invalid': reason ? true : undefined,
    dir: 'auto',
    value: text,
    readOnly: !typed,
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => {
      const allowed = acceptsTyping(kind, event.target.value, t);
      setReason(allowed.ok ? null : allowed.reason);
      if (!allowed.ok) return;
      setText(event.target.value);
      onDraft(event.target.value);
    },
    onKeyDown: (event: KeyboardEvent) => {
      // The grid's own keys must not act while the agent types.
      event.stopPropagation();
      const enter = event.key === 'Enter' && (editor !== 'multiline' || event.ctrlKey || event.metaKey);
      if (event.key === 'Escape') {
        closed.current = true;
        onCancel();
      }
      if (event.key === 'Escape' || event.key === 'Tab' || enter) event.preventDefault();
      if (enter) commit('down');
      else if (event.key === 'Tab') commit(event.shiftKey ? 'previous' : 'next');
    },
    onBlur: () => commit('away'),
  } as const;
  return (
    <span className={`cell-editor cell-editor--${editor === 'multiline' ? 'multiline' : 'text'}`}>
      {editor === 'multiline' ? <textarea {...field} rows={6} /> : <input {...field} type="text" autoComplete="off" />}
      {failed || reason ? (
        <span className="cell-editor__reason" role="alert">
          {reason ?? t('caseData.editor.notLoaded')}{' '}
          {reason ? null : (
            <button type="button" tabIndex={-1} onMouseDown={(event) => event.preventDefault()} onClick={retry}>
              {t('panel.tryAgain')}
            </button>
          )}
        </span>
      ) : null}
    </span>
  );
}
