// The floor reference: the same shell, store and live sync, rendering the first 20 rows as
// a static ARIA grid with no editing, no keyboard model and no styles. Whatever a real grid
// costs on top of this is the grid's; this much every variant pays.
import { useChatEntry, useUserDataRows } from '../../../src/store';
import { mountBenchApp } from '../shared/shell';

const SHOWN = 20;

function FloorList({ chatId }: { chatId: string }) {
  const rows = useUserDataRows(useChatEntry(chatId));
  return (
    <div role="grid" aria-rowcount={rows.length + 1} aria-colcount={2}>
      <div role="row" aria-rowindex={1}>
        <span role="columnheader">Key</span> <span role="columnheader">Value</span>
      </div>
      {rows.slice(0, SHOWN).map((row, index) => (
        <div role="row" aria-rowindex={index + 2} key={row.key}>
          <span role="rowheader" aria-colindex={1}>{row.key}</span>{' '}
          <span role="gridcell" aria-colindex={2}>{String(row.value)}</span>
        </div>
      ))}
    </div>
  );
}

mountBenchApp((chatId) => <FloorList chatId={chatId} />);
