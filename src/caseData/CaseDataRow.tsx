import { memo, useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n';
import { clipped } from '../shared/clipped';
import { isEditedDraft, isUnsettled, sameValue, type RowStatus, type UserDataRow } from '../store';
import type { FieldOption } from './caseDataConfig';
import type { EditorMove } from './useEditorText';
import { CellEditorSlot } from './CellEditorSlot';
import type { Editing } from './useGridController';
import { keyShown, problemWording, writeProblem } from './validation';
import { formatValue, LONG_TEXT, type ValueKind } from './userDataValues';

/** Stable callbacks for every row, so a notification re-renders only the rows it changed. */
export type RowHandlers = {
  activate(key: string, col: 0 | 1): void;
  startEdit(key: string): void;
  commit(key: string, text: string, move: EditorMove): string | null;
  cancel(key: string): void;
  draft(key: string, text: string): void;
  refusedAway(key: string, reason: string): void;
  retry(key: string): void;
  discard(key: string): void;
  registerCell(id: string, element: HTMLElement | null): void;
};

export const cellId = (key: string, col: 0 | 1) => `${key}\u0000${col}`;

type CaseDataRowProps = {
  readonly row: UserDataRow;
  readonly label: string | undefined;
  /** 1-based, counting the header row, as aria-rowindex wants. */
  readonly rowIndex: number;
  /** Which cell of this row holds the grid's single tab stop, if any. */
  readonly activeCol: 0 | 1 | null;
  readonly editing: Pick<Editing, 'initialText' | 'readOnly' | 'editor' | 'kind' | 'refused'> | null;
  readonly kind: ValueKind;
  readonly options: readonly FieldOption[] | undefined;
  /** Why the cell is read-only; '' if it is, said elsewhere (its read-only viewer is open). */
  readonly readOnlyReason: string | null;
  /** The chat is over (ended, or GWS no longer lists it): a queued write will not go. */
  readonly over: boolean;
  /** A short message about this cell (a refused paste, a copy), shown beside it. */
  readonly note: string | null;
  readonly handlers: RowHandlers;
  /**
   * Set for the active row while the agent has scrolled a windowed list away from it: it
   * stays in the page at its own place (its offset in the rows' box), so the cell or editor
   * keeps focus and the agent's typing goes on into it.
   */
  readonly pinnedTop?: number;
};

const SAVED_FLASH_MS = 1500;

/**
 * "Saved" shows briefly after a pending write is confirmed, then the cell is plain again;
 * at once if another party's value replaces the one saved (it is not the agent's).
 */
function useJustSaved(status: RowStatus, value: UserDataRow['value']): boolean {
  const previous = useRef(status);
  // The value that was saving: a settling that shows another (a re-read after notifications
  // were lost, showing a later change) is no "Saved" of the agent's (exploratory test).
  const saving = useRef(value);
  // oxlint-disable-next-line react/refs -- the value last rendered while saving; a discarded render only leaves the same value
  if (status === 'saving') saving.current = value;
  const [saved, setSaved] = useState<{ readonly value: unknown } | null>(null);
  useEffect(() => {
    const wasPending = previous.current === 'saving';
    previous.current = status;
    if (!wasPending || status !== 'confirmed' || !sameValue(saving.current, value)) return;
    setSaved({ value });
    const timer = setTimeout(() => setSaved(null), SAVED_FLASH_MS);
    return () => clearTimeout(timer);
  }, [status]); // oxlint-disable-line react/exhaustive-deps -- the flash follows a status change; a new value shown meanwhile ends it (below)
  return status === 'confirmed' && saved !== null && saved.value === value;
}

function CaseDataRowView({ row, label, rowIndex, activeCol, editing, kind, options, readOnlyReason, over, note, handlers, pinnedTop }: CaseDataRowProps) {
  // Read from context: a locale switch re-renders every row although the row is memoized.
  const { t } = useMessages();
  const justSaved = useJustSaved(row.status, row.value);
  const draft = row.draft && isEditedDraft(row.draft) ? row.draft : undefined;
  // A Draft shows what the agent typed, as they left it; its badge says it is not saved
  // (the value it began on, or another party's since, the editor shows when it opens).
  const text = draft ? draft.text : formatValue(row.value);
  const reasonId = `cdp-why-${rowIndex}`;
  // Rendered again when the words of a write's problem arrive (validation.ts, writeProblem).
  problemWording.useLoaded();
  const failure = writeProblem(row.pending, row.serverValue, t, readOnlyReason);
  // Empty while those words load: the note, or why the cell is read-only, meanwhile (review).
  const why = failure || note || readOnlyReason;
  const unsettled = isUnsettled(row);
  // Queued in a chat that is over: it will not go. Its Discard lets it go.
  const notSent = row.status === 'queued' && over;
  const keyName = label ? `${label} (${row.key})` : row.key;
  const shownKey = keyShown(row.key, t);
  // What a screen reader names the key by: a key no one can see by its code points (keyShown).
  const spokenKey = keyShown(row.key, t, label);
  // Only the agent's draft keeps the row, begun on a value: another party deleted the key
  // under it (a draft with no value to begin from is a key the agent is adding).
  const deleted = row.serverValue === undefined && !row.pending && draft?.base !== undefined;

  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      // Striped by the row's own place, not its place among the rows rendered: a windowed
      // list's stripes would swap with every odd row scrolled.
      className={`case-data__row case-data__row--${row.status}${rowIndex % 2 === 1 ? ' case-data__row--alt' : ''}${pinnedTop === undefined ? '' : ' case-data__row--pinned'}`}
      style={pinnedTop === undefined ? undefined : { top: pinnedTop }}
    >
      <span
        role="rowheader"
        aria-colindex={1}
        aria-label={spokenKey}
        tabIndex={activeCol === 0 ? 0 : -1}
        className="case-data__key"
        ref={(element) => handlers.registerCell(cellId(row.key, 0), element)}
        onFocus={() => handlers.activate(row.key, 0)}
      >
        {/* dir="auto": a Hebrew key reads right to left in an English panel, a Latin one left to right in an Arabic one.
            The whole key is on its parts' tooltips, not the cell's: there it was its description too, read after its name (exploratory test). */}
        {label ? (
          <span className="case-data__label" dir="auto" title={keyName}>
            {label}
          </span>
        ) : null}
        <span className={label ? 'case-data__raw-key' : undefined} dir="auto" title={keyName}>
          {shownKey}
        </span>
      </span>
      <span
        role="gridcell"
        aria-colindex={2}
        aria-readonly={readOnlyReason ? true : undefined}
        aria-invalid={unsettled || note ? true : undefined}
        aria-busy={row.status === 'saving' || row.status === 'deleting' ? true : undefined}
        aria-describedby={why ? reasonId : undefined}
        tabIndex={activeCol === 1 && !editing ? 0 : -1}
        className={`case-data__value case-data__value--${kind}`}
        ref={(element) => handlers.registerCell(cellId(row.key, 1), element)}
        onFocus={(event) => {
          if (event.target === event.currentTarget) handlers.activate(row.key, 1);
        }}
        onMouseDown={(event) => {
          // A double click edits; it must not also select the cell's text as on a page.
          if (event.detail > 1) event.preventDefault();
        }}
        onDoubleClick={() => handlers.startEdit(row.key)}
      >
        {editing ? (
          <CellEditorSlot
            // Opened again on a new value (an unchanged editor whose value was overtaken): a fresh editor.
            // A read-only one shows the value as it is now, in place (the agent may have scrolled it).
            key={editing.readOnly ? 'read-only' : editing.initialText}
            label={t('caseData.editor.label', { key: spokenKey })}
            editor={editing.editor}
            kind={editing.kind}
            // Mounted again (its row scrolled back into the window), it resumes the agent's text.
            initialText={editing.readOnly ? text : (row.draft?.text ?? editing.initialText)}
            readOnly={editing.readOnly}
            refusedBefore={editing.refused}
            conflict={row.draftConflict && row.draft ? { before: formatValue(row.draft.base), now: row.serverValue === undefined ? null : formatValue(row.serverValue) } : null}
            options={options}
            onDraft={(draft) => handlers.draft(row.key, draft)}
            onCommit={(draft, move) => handlers.commit(row.key, draft, move)}
            onCancel={() => handlers.cancel(row.key)}
            onRefusedAway={(reason) => handlers.refusedAway(row.key, reason)}
          />
        ) : (
          <>
            {/* Narrow panels cut long text with an ellipsis; the whole of it is one hover away. */}
            <span className="case-data__text" dir="auto" title={text.length > 0 && text.length <= LONG_TEXT * 4 ? text : undefined}>
              {text === '' ? <span className="case-data__muted">{t('caseData.emptyValue')}</span> : clipped(text, LONG_TEXT * 4 + 1)}
            </span>
            {/* With line breaks too, which one line does not show (exploratory test: "line1 line2 line4" read as one line),
                and a value of only spaces, which looked blank and had no name (exploratory test). */}
            {text.length > LONG_TEXT || /^\s+$|[\n\r]/.test(text) ? <span className="case-data__size">{t('caseData.size', { count: text.length })}</span> : null}
            {draft ? (
              <span className="case-data__badge case-data__badge--draft">
                {t(deleted ? 'caseData.badge.draftDeleted' : row.draftConflict ? 'caseData.badge.draftChanged' : 'caseData.badge.draft')}
              </span>
            ) : null}
            {row.status === 'queued' || row.status === 'saving' || row.status === 'deleting' ? (
              <span className="case-data__badge">{t(notSent ? 'caseData.badge.notSent' : `caseData.badge.${row.status}`)}</span>
            ) : null}
            {justSaved ? <span className="case-data__badge case-data__badge--saved">{t('caseData.badge.saved')}</span> : null}
            {unsettled || notSent ? (
              // Keyed by the status and their value: each change of theirs is a new choice, its half second's wait begun again (caseData.css; review),
              // also before the words come, and for values alike in their first 80 characters (the quote's).
              <span className="case-data__failure" key={row.status + (row.serverValue === undefined ? '' : `:${formatValue(row.serverValue)}`)}>
                {readOnlyReason ? null : (
                  <button type="button" tabIndex={-1} onClick={() => handlers.retry(row.key)}>
                    {t(row.status === 'conflict' ? 'caseData.keepMine' : 'caseData.retry')}
                  </button>
                )}
                <button type="button" tabIndex={-1} onClick={() => handlers.discard(row.key)}>
                  {t(row.status === 'conflict' ? 'caseData.takeTheirs' : 'caseData.discard')}
                </button>
              </span>
            ) : null}
          </>
        )}
        {why ? (
          // Hidden from the cell's name: its description says it (it was read twice: exploratory test).
          <span id={reasonId} className={failure || note ? 'case-data__reason' : 'case-data__why'} title={why} aria-hidden>
            {why}
          </span>
        ) : null}
      </span>
    </div>
  );
}

export const CaseDataRow = /* @__PURE__ */ memo(CaseDataRowView);
