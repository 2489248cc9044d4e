import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './caseData.css';
import { useMessages } from '../i18n';
import { hasUnsavedWork, useChatEntry, useUserDataRows } from '../store';
import { onDemand, type ChunkState } from './onDemand';
import { useCaseDataConfig } from './CaseDataConfigContext';
import { CaseDataRow } from './CaseDataRow';
import { cellEditorChunk } from './CellEditorSlot';
import { afterNextPaint } from '../shared/afterNextPaint';
import { useCaseDataRows } from './useCaseDataRows';
import { clipboardChunk, editHistoryChunk, useGridController } from './useGridController';
import { useFocusKeeping } from './useFocusKeeping';
import { useVirtualRows } from './useVirtualRows';
import { writerChunk } from './useCaseDataWriter';
import { chatBlockReason, problemWording } from './validation';
import { hasEnded } from '../gws';
import { addFieldTyped } from './addFieldTyped';

// Marked pure, as CaseDataGrid's memo below: bundles that import only the outbox flush
// from caseData must not keep them, nor the chunks they load.
const addFieldFormChunk = /* @__PURE__ */ onDemand(() => import('./AddFieldForm'));
const unsavedWhenEndedChunk = /* @__PURE__ */ onDemand(() => import('./UnsavedWhenEnded'));
/** After the first paint and the live connection's start: the parts loaded on demand are fetched then. */
const PRELOAD_AFTER_MS = 2_000;
/** How long the agent pauses typing in the filter before what it leaves is said. */
const FILTER_SAID_AFTER_MS = 500;

export type FocusKeyResult = 'focused' | 'unknown-key' | 'unavailable';

type CaseDataGridProps = {
  readonly chatId: string;
  /**
   * Lets a host move focus to a key's value (the embed contract's `focusKey`); the grid
   * registers its handler and unregisters it when it goes away.
   */
  readonly registerFocusKey?: (handler: (key: string) => FocusKeyResult) => () => void;
};

/**
 * The case-data grid: the WAI-ARIA grid pattern over a chat's userData, two columns (key,
 * value), one tab stop, typed in-cell editors, add / delete / undo / redo / copy / paste.
 * https://www.w3.org/WAI/ARIA/apg/patterns/grid/
 *
 * Memoized: the panel around it re-renders for the chats query's own state (fetched,
 * re-reading after a reconnect), which says nothing the grid shows; the grid follows its
 * chat through the store by itself. Marked pure: a bare call would keep the whole grid in
 * bundles that import only the outbox flush from caseData.
 */
export const CaseDataGrid = /* @__PURE__ */ memo(function CaseDataGrid({ chatId, registerFocusKey }: CaseDataGridProps) {
  // Editing state belongs to one chat: switching chats starts fresh (drafts live in the store).
  return <ChatCaseData key={chatId} chatId={chatId} registerFocusKey={registerFocusKey} />;
});

function ChatCaseData({ chatId, registerFocusKey }: CaseDataGridProps) {
  const config = useCaseDataConfig();
  const { t } = useMessages();
  const entry = useChatEntry(chatId);
  const storeRows = useUserDataRows(entry);
  const [filter, setFilter] = useState('');
  const [adding, setAdding] = useState(false);
  const addFieldForm = addFieldFormChunk.useChunk();
  const unsavedWhenEnded = unsavedWhenEndedChunk.useChunk();
  // The editor, undo, redo and delete, and what sends writes, as soon as the grid has painted: an agent may open a cell, or press Ctrl+Z, in the next second.
  // The rest a moment later.
  useEffect(() => {
    const cancel = afterNextPaint(() => {
      cellEditorChunk.preload();
      editHistoryChunk.preload();
      writerChunk.preload();
      problemWording.preload();
    });
    const timer = setTimeout(() => {
      addFieldFormChunk.preload();
      unsavedWhenEndedChunk.preload();
      clipboardChunk.preload();
    }, PRELOAD_AFTER_MS);
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, []);
  // The ended-chat list only when there is something for it to list.
  const endedUnsaved = entry !== undefined && hasEnded(entry.chat.state) && hasUnsavedWork(entry);
  const loadUnsaved = unsavedWhenEnded.load;
  useEffect(() => {
    if (endedUnsaved) loadUnsaved();
  }, [endedUnsaved, loadUnsaved]);
  const { all, visible } = useCaseDataRows(entry?.chat, config, storeRows, filter, t);
  const scroller = useRef<HTMLDivElement>(null);
  const rowWindow = useVirtualRows(visible.length, scroller);
  const controller = useGridController({ chatId, entry, config, rows: visible, scrollToRow: rowWindow.scrollToRow });
  const { position, editing, notes, announcement, setAnnouncement, handlers, activeRowIndex, focusCell } = controller;
  const ids = { filter: useId(), locked: useId(), add: useId() };

  // A row scrolled into view by the keyboard gets focus once it is rendered.
  useLayoutEffect(() => controller.flushFocus());
  // What the filter leaves is said once the agent pauses typing: rows going is silent to a
  // screen reader. A change that makes it more or fewer corrects the count if the count is what
  // the region still says (it stood beside "No key or value matches"), never over anything else.
  const count = filter.trim() ? (visible.length ? t('caseData.filterMatches', { count: visible.length }) : t('caseData.noMatch', { filter })) : '';
  const countSaid = useRef({ filter, text: '' });
  // The count as it is when the pause ends: another party's change may have moved it since the keystroke (review).
  const countNow = useRef(count);
  useEffect(() => {
    if (!count) return;
    const timer = setTimeout(() => countNow.current && setAnnouncement((countSaid.current = { filter, text: countNow.current }).text), FILTER_SAID_AFTER_MS);
    return () => clearTimeout(timer);
  }, [filter, t]); // oxlint-disable-line react/exhaustive-deps -- the pause restarts at keystrokes only; the count is read through countNow
  useEffect(() => {
    countNow.current = count;
    const last = countSaid.current;
    // Not while the agent types (the count waits for the pause), nor over anything said since. A
    // cleared filter takes its count away: it stood in the region, there to be read in browse mode (review).
    if (announcement === last.text && (count ? last.filter === filter && count !== last.text : last.text)) setAnnouncement((countSaid.current = { filter, text: count }).text);
  }, [count]); // oxlint-disable-line react/exhaustive-deps -- only when the count changes, against what is said then

  const { noteFocus } = useFocusKeeping({
    scroller,
    rowWindow,
    rows: visible,
    activeRowIndex,
    col: position.col,
    focusCell,
    editingKey: editing?.key ?? null,
    filterId: ids.filter,
  });

  const focusTarget = useRef({ all, visible, focusCell, setFilter });
  focusTarget.current = { all, visible, focusCell, setFilter }; // oxlint-disable-line react/refs -- latest values for the host's focusKey handler, read outside render
  useEffect(() => {
    if (!registerFocusKey) return;
    return registerFocusKey((key) => {
      const target = focusTarget.current;
      if (!target.all.some((gridRow) => gridRow.row.key === key)) return 'unknown-key';
      // A filter that hides the key is cleared: the host asked for that key on purpose.
      if (!target.visible.some((gridRow) => gridRow.row.key === key)) target.setFilter('');
      target.focusCell({ key, col: 1 });
      return 'focused';
    });
  }, [registerFocusKey]);

  if (!entry) return null;
  const chat = entry.chat;
  const lockedReason = chatBlockReason(chat, 'update', t);
  const over = hasEnded(chat.state);
  const addBlocked = chatBlockReason(chat, 'attach', t);
  // The active row stays rendered when the agent scrolls a windowed list away from it (see
  // pinnedTop): an open editor keeps the agent's text, focus and typing, and the grid keeps its keys.
  const pinned = rowWindow.virtual && activeRowIndex >= 0 && (activeRowIndex < rowWindow.start || activeRowIndex >= rowWindow.end) ? activeRowIndex : null;
  // The tab stop must sit on a rendered cell: the pinned active row's, or the first rendered one.
  const tabRow = pinned ?? (position.row >= rowWindow.start && position.row < rowWindow.end ? position.row : rowWindow.start);
  // One list in row order, so React moves no row (a moved row would lose its focus).
  const renderedIndexes = Array.from({ length: rowWindow.end - rowWindow.start }, (_unused, offset) => rowWindow.start + offset);
  if (pinned !== null) renderedIndexes.splice(pinned < rowWindow.start ? 0 : renderedIndexes.length, 0, pinned);

  return (
    <div className="case-data">
      {/* A group, not a toolbar: a toolbar is one tab stop whose controls the arrows move between, and the
          filter's text field needs its arrows (accessibility audit: two tab stops, arrows moving nowhere). */}
      <div className="case-data__toolbar" role="group" aria-label={t('caseData.tools')} aria-controls={`${ids.filter}-grid`}>
        <span className="case-data__filter">
          <label htmlFor={ids.filter}>{t('caseData.filter')}</label>
          <input
            id={ids.filter}
            type="search"
            value={filter}
            placeholder={t('caseData.filterPlaceholder')}
            onChange={(event) => {
              setFilter(event.target.value);
              // A search shows its matches from the first, wherever the grid was scrolled.
              rowWindow.scrollToRow(0);
            }}
          />
        </span>
        <button
          type="button"
          aria-expanded={adding}
          // Open still to what the agent typed in it before the chat ended (form closed meanwhile): else it was out of reach for good (exploratory test).
          disabled={addBlocked !== null && !addFieldTyped.has(chatId)}
          title={addBlocked ?? undefined}
          id={ids.add}
          aria-busy={adding && addFieldForm.chunk.kind === 'loading' ? true : undefined}
          onPointerEnter={addFieldForm.load}
          onFocus={addFieldForm.load}
          onClick={() => {
            addFieldForm.load();
            setAdding((open) => !open);
          }}
        >
          {t('caseData.addField')}
        </button>
      </div>
      {/* Kept when the chat ends under it: what the agent typed stays to be read and copied, and Add says why it cannot (review). */}
      {adding
        ? renderLoaded(addFieldForm.chunk, addFieldForm.load, t('caseData.add.form'), ({ AddFieldForm }) => (
            <AddFieldForm
              chatId={chatId}
              blocked={addBlocked}
              rows={all}
              config={config}
              openerId={ids.add}
              submit={controller.submit}
              announce={setAnnouncement}
              onClose={() => setAdding(false)}
              filter={filter}
            />
          ))
        : null}
      {endedUnsaved
        ? renderLoaded(unsavedWhenEnded.chunk, loadUnsaved, t('caseData.ended.region'), ({ UnsavedWhenEnded }) => <UnsavedWhenEnded chatId={chatId} entry={entry} />)
        : null}
      {lockedReason ? (
        <p className="case-data__locked" id={ids.locked}>
          {lockedReason}
        </p>
      ) : null}
      <div
        id={`${ids.filter}-grid`}
        ref={scroller}
        role="grid"
        aria-label={t('caseData.grid')}
        aria-rowcount={visible.length + 1}
        aria-colcount={2}
        aria-readonly={lockedReason ? true : undefined}
        aria-describedby={lockedReason ? ids.locked : undefined}
        className={`case-data__grid${rowWindow.virtual ? ' case-data__grid--virtual' : ''}`}
        // Escape hides a read-only cell's hint, which covers the row below, until the focus
        // moves (WCAG 1.4.13: dismissed without moving the focus).
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.dataset.quiet = '';
          controller.onGridKeyDown(event);
        }}
        onFocus={(event) => {
          delete event.currentTarget.dataset.quiet;
          noteFocus(event.target);
        }}
      >
        <div role="rowgroup" className="case-data__head">
          <div role="row" aria-rowindex={1} className="case-data__row">
            <span role="columnheader" aria-colindex={1} className="case-data__key">
              {t('caseData.column.key')}
            </span>
            <span role="columnheader" aria-colindex={2} className="case-data__value">
              {t('caseData.column.value')}
            </span>
          </div>
        </div>
        <div
          role="rowgroup"
          className="case-data__body"
          style={rowWindow.virtual ? { paddingTop: rowWindow.start * rowWindow.rowHeight, paddingBottom: (visible.length - rowWindow.end) * rowWindow.rowHeight } : undefined}
        >
          {renderedIndexes.map((index) => {
            const gridRow = visible[index];
            if (!gridRow) return null;
            const key = gridRow.row.key;
            return (
              <CaseDataRow
                key={key}
                row={gridRow.row}
                label={gridRow.rule.label}
                rowIndex={index + 2}
                activeCol={index === tabRow ? position.col : null}
                editing={editing?.key === key ? editing : null}
                kind={gridRow.kind}
                options={gridRow.rule.options}
                // Read-only, said by the viewer open on it ('' : not again in the cell's description), and
                // offering nothing: a write's problem ends there, with no Retry or Keep yours (review).
                readOnlyReason={editing?.key === key && editing.readOnly ? '' : gridRow.readOnlyReason}
                over={over}
                note={notes.get(key) ?? null}
                handlers={handlers}
                pinnedTop={index === pinned ? index * rowWindow.rowHeight : undefined}
              />
            );
          })}
        </div>
      </div>
      {/* Not twice: the live region's count reads the same under it once the agent pauses (exploratory test),
          also said again (a no-break space after it, useAnnouncer) or first of more (review). */}
      {visible.length === 0 && (all.length === 0 || !announcement.startsWith(count)) ? <p className="case-data__empty">{all.length === 0 ? t('caseData.empty') : count}</p> : null}
      <p className="case-data__announce" aria-live="polite" aria-atomic>
        {announcement}
      </p>
    </div>
  );
}

/** A part once its chunk is loaded; if its load failed, why it is missing, with a retry. */
function renderLoaded<T>(chunk: ChunkState<T>, retry: () => void, part: string, render: (module: T) => ReactNode) {
  if (chunk.kind === 'loaded') return render(chunk.module);
  if (chunk.kind !== 'failed') return null;
  return <PartUnavailable part={part} retry={retry} />;
}

function PartUnavailable({ part, retry }: { part: string; retry: () => void }) {
  const { t } = useMessages();
  return (
    <p className="case-data__unavailable" role="alert">
      {t('caseData.partUnavailable', { part })}{' '}
      <button type="button" onClick={retry}>
        {t('panel.tryAgain')}
      </button>
    </p>
  );
}
