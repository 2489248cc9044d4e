// Variant "aggrid": AG Grid Community with only the modules this grid needs (as PEER-BENCH
// measured it), immutable-store editing: readOnlyEdit + onCellEditRequest.
import { useCallback, useMemo } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ModuleRegistry,
  NumberEditorModule,
  TextEditorModule,
  type CellEditRequestEvent,
  type ColDef,
  type GetRowIdParams,
} from 'ag-grid-community';
import { mountBenchApp } from '../shared/shell';
import { editedValue, useBenchWriter, usePeerRows, type PeerRow } from '../shared/peerRows';

// CellStyleModule is on top of PEER-BENCH's three: it shows the "saving" state like our grid does.
ModuleRegistry.registerModules([ClientSideRowModelModule, TextEditorModule, NumberEditorModule, CellStyleModule]);

function AgGridPeer({ chatId }: { chatId: string }) {
  const rows = usePeerRows(chatId);
  const save = useBenchWriter();
  const columnDefs = useMemo<ColDef<PeerRow>[]>(
    () => [
      { field: 'key', headerName: 'Key', flex: 2 },
      {
        field: 'text',
        headerName: 'Value',
        flex: 3,
        editable: true,
        cellEditorSelector: (params) => ({ component: typeof params.data?.value === 'number' ? 'agNumberCellEditor' : 'agTextCellEditor' }),
        cellClassRules: { 'is-saving': (params) => params.data?.status === 'saving' },
      },
    ],
    [],
  );
  const getRowId = useCallback((params: GetRowIdParams<PeerRow>) => params.data.key, []);
  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<PeerRow>) => {
      if (event.data) save(chatId, event.data.key, editedValue(event.newValue, event.data.value));
    },
    [chatId, save],
  );
  return (
    <div style={{ height: '100%' }}>
      <AgGridReact<PeerRow>
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={getRowId}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
      />
    </div>
  );
}

mountBenchApp((chatId) => <AgGridPeer chatId={chatId} />);
