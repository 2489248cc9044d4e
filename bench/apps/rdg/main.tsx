// Variant "rdg": react-data-grid 7 (beta, the only line supporting React 19) with its
// text editor on the value column; edits go to the store, never into local row state.
import { useCallback } from 'react';
import { DataGrid, renderTextEditor, type Column, type RowsChangeData } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import { mountBenchApp } from '../shared/shell';
import { editedValue, useBenchWriter, usePeerRows, type PeerRow } from '../shared/peerRows';

const columns: readonly Column<PeerRow>[] = [
  { key: 'key', name: 'Key' },
  {
    key: 'text',
    name: 'Value',
    renderEditCell: renderTextEditor,
    // Every notification brings new row objects (the store derives rows afresh); by default
    // react-data-grid then closes the open editor, losing what the agent typed.
    editorOptions: { closeOnExternalRowChange: false },
    cellClass: (row) => (row.status === 'saving' ? 'is-saving' : undefined),
  },
];

const rowKey = (row: PeerRow) => row.key;

function RdgPeer({ chatId }: { chatId: string }) {
  const rows = usePeerRows(chatId);
  const save = useBenchWriter();
  const onRowsChange = useCallback(
    (next: PeerRow[], change: RowsChangeData<PeerRow>) => {
      for (const index of change.indexes) {
        const row = next[index];
        if (row) save(chatId, row.key, editedValue(row.text, row.value));
      }
    },
    [chatId, save],
  );
  return (
    <DataGrid
      className="rdg-light"
      style={{ height: '100%' }}
      columns={columns}
      rows={rows}
      rowKeyGetter={rowKey}
      onRowsChange={onRowsChange}
    />
  );
}

mountBenchApp((chatId) => <RdgPeer chatId={chatId} />);
