import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useChatEntry, useUserDataRows } from '../store';
import type { UserDataRow } from '../store';
import { CaseDataRow } from './CaseDataRow';
import type { EditorClose } from './CellEditor';
import { nextPosition, startsTypedEdit, type CellPosition } from './gridKeyboard';
import { useUserDataWriter } from './useUserDataWriter';
import { formatValue, valueKind } from './userDataValues';

/** The active cell is tracked by key, so a row inserted above by a notification does not move it. */
type ActiveCell = { readonly key: string; readonly col: 0 | 1 };
type Editing = { readonly key: string; readonly initialText: string; readonly replace: boolean };

export function readOnlyReason(capabilities: readonly string[], state: string): string | null {
  if (capabilities.includes('UpdateUserData')) return null;
  if (state === 'Completed' || state === 'Revoked') return `Read-only: this chat is ${state}.`;
  return `Read-only: the chat in state ${state} does not allow changing case data.`;
}

export function CaseDataGrid({ chatId }: { chatId: string }) {
  const entry = useChatEntry(chatId);
  const rows = useUserDataRows(entry);
  const { save, discard } = useUserDataWriter();
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  // Focus moves only in answer to the agent's own keys and clicks, never on a notification.
  const [focusRequest, setFocusRequest] = useState(0);

  const lockedReason = entry ? readOnlyReason(entry.chat.capabilities, entry.chat.state) : null;
  const activeIndex = active ? rows.findIndex((row) => row.key === active.key) : -1;
  const position: CellPosition = { row: Math.max(0, activeIndex), col: active?.col ?? 1 };
  const activeKey = rows[position.row]?.key;

  useEffect(() => {
    if (focusRequest === 0 || !activeKey) return;
    cells.current.get(`${activeKey}\u0000${position.col}`)?.focus();
    // Only a new request moves focus; the position is read at that moment on purpose.
  }, [focusRequest]);

  const moveTo = useCallback((next: ActiveCell) => {
    setActive(next);
    setFocusRequest((n) => n + 1);
  }, []);

  const editBlockedReason = (row: UserDataRow): string | null =>
    lockedReason ?? (valueKind(row.value) === 'json' ? 'Structured values are read-only here.' : null);

  const startEdit = (row: UserDataRow, typed: string | null) => {
    if (editBlockedReason(row)) return;
    setActive({ key: row.key, col: 1 });
    setEditing({ key: row.key, initialText: typed ?? formatValue(row.value), replace: typed !== null });
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || rows.length === 0) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const target = nextPosition(event.key, ctrl, position, rows.length);
    if (target) {
      event.preventDefault();
      const row = rows[target.row];
      if (row) moveTo({ key: row.key, col: target.col });
      return;
    }
    const row = rows[position.row];
    if (!row || position.col !== 1) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(row, null);
    } else if (startsTypedEdit(event.key, event.ctrlKey, event.metaKey, event.altKey)) {
      event.preventDefault();
      startEdit(row, event.key);
    }
  };

  const onEditorClose = (row: UserDataRow, close: EditorClose) => {
    setEditing(null);
    const refocus = close.kind === 'cancel' || close.refocus;
    // Committing a failed value again is the keyboard way to retry it.
    const changed = close.kind === 'commit' && (row.status === 'failed' || !Object.is(close.value, row.value));
    if (close.kind === 'commit' && changed) {
      if (row.status === 'failed' && row.editId !== undefined) discard(chatId, row.editId);
      save(chatId, row.key, close.value);
    }
    if (refocus) setFocusRequest((n) => n + 1);
  };

  const registerCell = useCallback((id: string, element: HTMLElement | null) => {
    if (element) cells.current.set(id, element);
    else cells.current.delete(id);
  }, []);

  return (
    <div className="case-data">
      {lockedReason ? (
        <p className="case-data__locked" id={`case-data-locked-${chatId}`}>
          {lockedReason}
        </p>
      ) : null}
      <div
        role="grid"
        aria-label="Case data"
        aria-rowcount={rows.length + 1}
        aria-colcount={2}
        aria-readonly={lockedReason ? true : undefined}
        aria-describedby={lockedReason ? `case-data-locked-${chatId}` : undefined}
        className="case-data__grid"
        onKeyDown={onGridKeyDown}
      >
        <div role="rowgroup" className="case-data__head">
          <div role="row" aria-rowindex={1} className="case-data__row">
            <span role="columnheader" aria-colindex={1} className="case-data__key">
              Key
            </span>
            <span role="columnheader" aria-colindex={2} className="case-data__value">
              Value
            </span>
          </div>
        </div>
        <div role="rowgroup" className="case-data__body">
          {rows.map((row, index) => (
            <CaseDataRow
              key={row.key}
              chatId={chatId}
              row={row}
              rowIndex={index + 2}
              activeCol={index === position.row ? position.col : null}
              editing={editing?.key === row.key ? editing : null}
              readOnlyReason={editBlockedReason(row)}
              registerCell={registerCell}
              onActivate={(col) => setActive({ key: row.key, col })}
              onStartEdit={() => startEdit(row, null)}
              onEditorClose={(close) => onEditorClose(row, close)}
              onDiscard={discard}
              onRetry={() => {
                if (row.editId !== undefined) discard(chatId, row.editId);
                save(chatId, row.key, row.value);
              }}
            />
          ))}
        </div>
      </div>
      {rows.length === 0 ? <p className="case-data__empty">This chat has no case data.</p> : null}
    </div>
  );
}
