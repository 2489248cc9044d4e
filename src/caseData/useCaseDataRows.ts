import { useMemo, useRef } from 'react';
import type { Chat } from '../gws';
import type { Translate } from '../i18n';
import type { UserDataRow } from '../store';
import { resolveRule, type CaseDataConfig, type FieldRule } from './caseDataConfig';
import { readOnlyReason } from './validation';
import { editorKind, effectiveKind, formatValue, type EditorKind, type ValueKind } from './userDataValues';

/** A row as the grid shows it: the store's row plus what the configuration says of its key. */
export type GridRow = {
  readonly row: UserDataRow;
  readonly rule: FieldRule;
  readonly kind: ValueKind;
  readonly editor: EditorKind;
  readonly readOnlyReason: string | null;
};

export function toGridRow(chat: Chat, config: CaseDataConfig, row: UserDataRow, t: Translate): GridRow {
  const rule = resolveRule(config, row.key);
  const kind = effectiveKind(row.value, rule);
  return {
    row,
    rule,
    kind,
    editor: editorKind(kind, rule, formatValue(row.value)),
    readOnlyReason: readOnlyReason(chat, rule, row.key, row.value, t),
  };
}

function matches(gridRow: GridRow, needle: string): boolean {
  if (!needle) return true;
  const { row, rule } = gridRow;
  return [row.key, rule.label ?? '', formatValue(row.value)].some((text) => text.toLocaleLowerCase().includes(needle));
}

/**
 * Rows in display order: configured order first, then the server's order; hidden keys
 * left out; the filter matching key, label or value. Cheap enough to run per
 * notification at thousands of keys (one pass, one sort of the ordered ones).
 */
export function useCaseDataRows(chat: Chat | undefined, config: CaseDataConfig, rows: readonly UserDataRow[], filter: string, t: Translate) {
  // Grid rows are cached per store row: an unchanged row keeps its grid row, so its
  // memoized component skips rendering. The cache holds only while what a grid row
  // depends on besides its row (configuration, chat state, capabilities, and the `t` its
  // read-only reason is worded in) is unchanged.
  const cache = useRef<{ context: readonly unknown[]; rows: WeakMap<UserDataRow, GridRow> }>({ context: [], rows: new WeakMap() });
  const all = useMemo(() => {
    if (!chat) return [];
    const context = [config, chat.state, chat.capabilities.join(' '), t];
    if (context.some((part, index) => part !== cache.current.context[index])) cache.current = { context, rows: new WeakMap() };
    const known = cache.current.rows;
    const gridRowOf = (row: UserDataRow) => {
      let gridRow = known.get(row);
      if (!gridRow) known.set(row, (gridRow = toGridRow(chat, config, row, t)));
      return gridRow;
    };
    const shown = rows.map(gridRowOf).filter((gridRow) => !gridRow.rule.hidden);
    const ordered = shown.filter((gridRow) => gridRow.rule.order !== undefined).sort((a, b) => (a.rule.order ?? 0) - (b.rule.order ?? 0));
    return ordered.length ? [...ordered, ...shown.filter((gridRow) => gridRow.rule.order === undefined)] : shown;
  }, [chat, config, rows, t]);
  const needle = filter.trim().toLocaleLowerCase();
  const visible = useMemo(() => (needle ? all.filter((gridRow) => matches(gridRow, needle)) : all), [all, needle]);
  return { all, visible };
}
