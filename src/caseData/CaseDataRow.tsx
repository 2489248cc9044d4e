import { memo } from 'react';
import { describeGwsError } from '../gws';
import type { UserDataRow } from '../store';
import { CellEditor, type EditorClose } from './CellEditor';
import { formatValue, valueKind } from './userDataValues';

type CaseDataRowProps = {
  readonly chatId: string;
  readonly row: UserDataRow;
  /** 1-based, counting the header row, as aria-rowindex wants. */
  readonly rowIndex: number;
  /** Which cell of this row holds the grid's single tab stop, if any. */
  readonly activeCol: 0 | 1 | null;
  readonly editing: { readonly initialText: string; readonly replace: boolean } | null;
  readonly readOnlyReason: string | null;
  readonly registerCell: (id: string, element: HTMLElement | null) => void;
  readonly onActivate: (col: 0 | 1) => void;
  readonly onStartEdit: () => void;
  readonly onEditorClose: (close: EditorClose) => void;
  readonly onDiscard: (chatId: string, editId: number) => void;
  readonly onRetry: () => void;
};

function CaseDataRowView({
  chatId,
  row,
  rowIndex,
  activeCol,
  editing,
  readOnlyReason,
  registerCell,
  onActivate,
  onStartEdit,
  onEditorClose,
  onDiscard,
  onRetry,
}: CaseDataRowProps) {
  const kind = valueKind(row.value);
  const text = formatValue(row.value);
  return (
    <div role="row" aria-rowindex={rowIndex} className={`case-data__row case-data__row--${row.status}`}>
      <span
        role="rowheader"
        aria-colindex={1}
        tabIndex={activeCol === 0 ? 0 : -1}
        className="case-data__key"
        ref={(element) => registerCell(`${row.key}\u0000${0}`, element)}
        onFocus={() => onActivate(0)}
      >
        {row.key === '' ? <span className="case-data__muted">(empty key)</span> : row.key}
      </span>
      <span
        role="gridcell"
        aria-colindex={2}
        aria-readonly={readOnlyReason ? true : undefined}
        aria-invalid={row.status === 'failed' ? true : undefined}
        aria-busy={row.status === 'saving' ? true : undefined}
        tabIndex={activeCol === 1 && !editing ? 0 : -1}
        className={`case-data__value case-data__value--${kind}`}
        title={readOnlyReason ?? undefined}
        ref={(element) => registerCell(`${row.key}\u0000${1}`, element)}
        onFocus={(event) => {
          if (event.target === event.currentTarget) onActivate(1);
        }}
        onDoubleClick={onStartEdit}
      >
        {editing ? (
          <CellEditor
            fieldKey={row.key}
            kind={kind}
            initialText={editing.initialText}
            replace={editing.replace}
            onClose={onEditorClose}
          />
        ) : (
          <>
            <span className="case-data__text">{kind === 'null' ? <span className="case-data__muted">(empty)</span> : text}</span>
            {row.status === 'saving' ? <span className="case-data__badge">Saving…</span> : null}
          </>
        )}
        {row.status === 'failed' && !editing ? (
          <span className="case-data__failure">
            <span className="case-data__reason">Not saved: {row.error ? describeGwsError(row.error) : 'unknown error'}</span>
            <button type="button" tabIndex={-1} onClick={onRetry}>
              Retry
            </button>
            <button
              type="button"
              tabIndex={-1}
              onClick={() => {
                if (row.editId !== undefined) onDiscard(chatId, row.editId);
              }}
            >
              Discard
            </button>
          </span>
        ) : null}
      </span>
    </div>
  );
}

export const CaseDataRow = memo(CaseDataRowView);
