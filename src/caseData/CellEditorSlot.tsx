import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n';
import type { CellEditorProps } from './CellEditor';
import { onDemand } from './onDemand';

/**
 * The in-cell editor is a chunk of its own, out of the first paint's 100 kB: it is fetched
 * as soon as the grid has painted (CaseDataGrid), nearly always long before the agent
 * opens a cell. Marked pure, as the grid's other chunks.
 */
export const cellEditorChunk = /* @__PURE__ */ onDemand(() => import('./CellEditor'));

/**
 * Where a cell's editor goes: the editor itself once its chunk is loaded, and until then
 * (a key pressed in the first moments, a network gone since the page loaded) a plain field
 * that takes the agent's typing into the draft. The editor then opens on that draft, as it
 * resumes every draft, so no keystroke is lost on the way, nor if the chunk cannot load.
 */
export function CellEditorSlot(props: CellEditorProps) {
  const { chunk, load } = cellEditorChunk.useChunk();
  useEffect(() => {
    if (chunk.kind === 'idle') load();
  }, [chunk.kind, load]);
  if (chunk.kind === 'loaded') return <chunk.module.CellEditor {...props} />;
  return <EditorLoading {...props} failed={chunk.kind === 'failed'} retry={load} />;
}

type EditorLoadingProps = Pick<CellEditorProps, 'label' | 'editor' | 'initialText' | 'readOnly' | 'onDraft' | 'onCancel'> & {
  readonly failed: boolean;
  readonly retry: () => void;
};

function EditorLoading({ label, editor, initialText, readOnly = false, onDraft, onCancel, failed, retry }: EditorLoadingProps) {
  const { t } = useMessages();
  const [text, setText] = useState(initialText);
  // Typed text only: a checkbox, a list or a date has nothing typed to keep, and shows its value.
  const typed = !readOnly && (editor === 'text' || editor === 'number' || editor === 'multiline');
  const focusAtEnd = useCallback((field: HTMLInputElement | HTMLTextAreaElement | null) => {
    field?.focus({ preventScroll: true });
    field?.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const field = {
    ref: focusAtEnd,
    className: `cell-editor__field cell-editor__field--${editor}`,
    'aria-label': label,
    'aria-busy': failed ? undefined : true,
    dir: 'auto',
    value: text,
    readOnly: !typed,
    spellCheck: false,
    onChange: (event: { target: { value: string } }) => {
      setText(event.target.value);
      onDraft(event.target.value);
    },
    // The grid's keys must not act while the agent types. Escape leaves, as in the editor;
    // Enter and Tab wait for it (a commit it would have held, this field cannot judge).
    onKeyDown: (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') onCancel();
      if (event.key === 'Escape' || event.key === 'Tab' || (event.key === 'Enter' && editor !== 'multiline')) event.preventDefault();
    },
  } as const;
  return (
    <span className={`cell-editor cell-editor--${editor === 'multiline' ? 'multiline' : 'text'}`}>
      {editor === 'multiline' ? <textarea {...field} rows={6} /> : <input {...field} type="text" autoComplete="off" />}
      {failed ? (
        <span className="cell-editor__reason" role="alert">
          {t('caseData.editor.notLoaded')}{' '}
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={retry}>
            {t('panel.tryAgain')}
          </button>
        </span>
      ) : null}
    </span>
  );
}
