import { useCallback, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useMessages } from '../i18n';
import type { CellEditorProps } from './CellEditor';
import { onDemand } from './onDemand';
import { useEditorText, type Handover } from './useEditorText';

/**
 * The in-cell editor is a chunk of its own, out of the first paint's 100 kB: it is fetched
 * as soon as the grid has painted (CaseDataGrid), nearly always long before the agent
 * opens a cell. Marked pure, as the grid's other chunks.
 */
export const cellEditorChunk = /* @__PURE__ */ onDemand(() => import('./CellEditor'));

type Field = HTMLInputElement | HTMLTextAreaElement;
/** The stand-in as it is, for the editor that replaces it. */
type StandIn = { readonly field: Field | null; readonly reason: string | null; readonly held: () => Handover['refused'] };

/**
 * Where a cell's editor goes: the editor itself once its chunk is loaded, and until then
 * (a key pressed in the first moments, a network gone since the page loaded) a plain field,
 * marked busy, with the editor's contract for typed values (useEditorText). The editor then
 * takes over its text (the draft), caret, reason, a refusal held, and the focus only if the
 * field had it: the agent may be in the CRM by then.
 */
export function CellEditorSlot(props: CellEditorProps) {
  const { chunk, load } = cellEditorChunk.useChunk();
  const standIn = useRef<StandIn | null>(null);
  useEffect(() => {
    if (chunk.kind === 'idle') load();
  }, [chunk.kind, load]);
  if (chunk.kind === 'loaded') {
    // Read as the stand-in goes, in the render that replaces it. A frame whose page has the
    // focus elsewhere (the CRM's) keeps its active element: that is not the agent's focus.
    // oxlint-disable-next-line react/refs -- the handover, read once in the render that replaces the stand-in (above)
    const { field, reason = null, held } = standIn.current ?? {};
    const handover: Handover | undefined =
      field && held
        ? { focused: document.hasFocus() && field === document.activeElement, selection: [field.selectionStart ?? 0, field.selectionEnd ?? 0], reason, refused: held() }
        : undefined;
    return <chunk.module.CellEditor {...props} handover={handover} />;
  }
  return <EditorStandIn {...props} standIn={standIn} failed={chunk.kind === 'failed'} retry={load} />;
}

type StandInProps = CellEditorProps & {
  readonly standIn: { current: StandIn | null };
  readonly failed: boolean;
  readonly retry: () => void;
};

function EditorStandIn({ standIn, failed, retry, ...props }: StandInProps) {
  const { label, editor, readOnly = false } = props;
  const { t } = useMessages();
  // Typed text only: a checkbox, a list or a date waits for the editor, showing its value.
  const typed = !readOnly && (editor === 'text' || editor === 'number' || editor === 'multiline');
  const entry = useEditorText(props);
  const fieldRef = useRef<Field | null>(null);
  useLayoutEffect(() => {
    // oxlint-disable-next-line react/immutability -- standIn is the slot's ref object, written in an effect as refs are
    standIn.current = { field: fieldRef.current, reason: entry.reason, held: entry.held };
    return () => void (standIn.current = null);
  });
  const focusAtEnd = useCallback((field: Field | null) => {
    fieldRef.current = field;
    field?.focus({ preventScroll: true });
    field?.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const reasonId = useId();
  // Over another party's change the editor shows both values and the choice; here it is at
  // least said, since Enter keeps the agent's value.
  const said = entry.reason ?? entry.refusal ?? (props.conflict ? t('caseData.badge.draftChanged') : null);
  const field = {
    ref: focusAtEnd,
    className: `cell-editor__field cell-editor__field--${editor}`,
    'aria-label': label,
    'aria-invalid': entry.reason ? true : undefined,
    'aria-describedby': said || failed ? reasonId : undefined,
    // As in the editor: a number in the panel's direction, a text in its own script's, but
    // past the editor's AUTO_UP_TO (textDirection.ts) in the panel's: the browser's rule freezes the tab there.
    dir: editor === 'number' || entry.text.length > 1e4 ? undefined : 'auto',
    value: entry.text,
    readOnly: !typed,
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => entry.type(event.target.value),
    // A field that cannot be typed in (a list, a date, a checkbox waiting for the editor) has
    // nothing to save: Escape, Enter and Tab close it, and so does going to another control (it
    // stayed open, showing the option a typed letter had picked as the cell's value: keyboard test).
    onKeyDown: typed ? entry.onKeyDown : (event: { key: string; stopPropagation(): void; preventDefault(): void }) => {
      event.stopPropagation();
      if (/^(Escape|Enter|Tab)$/.test(event.key)) {
        event.preventDefault();
        entry.cancel();
      }
    },
    onBlur: typed
      ? entry.onBlur
      : (event: { relatedTarget: EventTarget | null }) => {
          // Left for another control of the panel: closed, the focus going on there (closing focuses
          // its cell: review); for no control (a heading clicked), closed too (it stayed open, the
          // cell's keys dead: exploratory test). Out of the frame: left open, as the editor is
          // (closing would take the page's focus from the CRM).
          const next = event.relatedTarget;
          if (next instanceof HTMLElement || document.hasFocus()) entry.cancel();
          if (next instanceof HTMLElement) next.focus();
        },
  } as const;
  return (
    // Busy while the editor loads: the box, not the field, which the agent's screen reader must keep reading.
    <span className={`cell-editor cell-editor--${editor === 'multiline' ? 'multiline' : 'text'}`} aria-busy={failed ? undefined : true}>
      {editor === 'multiline' ? <textarea {...field} rows={6} /> : <input {...field} type="text" autoComplete="off" />}
      {said || failed ? (
        <span className="cell-editor__reason" role="alert">
          <span id={reasonId}>{said ?? t('caseData.editor.notLoaded')}</span>
          {said ? null : (
            // Also tried again by itself on the next cell opened: the way there for the keyboard.
            <>
              {' '}
              <button type="button" tabIndex={-1} onMouseDown={(event) => event.preventDefault()} onClick={retry}>
                {t('panel.tryAgain')}
              </button>
            </>
          )}
        </span>
      ) : null}
    </span>
  );
}
