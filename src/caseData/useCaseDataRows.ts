import { useMemo, useRef } from 'react';
import type { Chat } from '../gws';
import type { Translate } from '../i18n';
import type { UserDataRow } from '../store';
import { resolveRule, type CaseDataConfig, type FieldRule } from './caseDataConfig';
import { chatBlockReason, keyReadOnlyReason } from './validation';
import { editorKind, effectiveKind, formatValue, type EditorKind, type ValueKind } from './userDataValues';

/**
 * A row as the grid shows it: the store's row plus what the configuration says of its key.
 * Only the rule is worked out for every key (hidden keys and the configured order need it);
 * the value's kind, its editor and why it is read-only are worked out when first asked, so
 * a chat of 10,000 keys pays for the few dozen rows on screen, not for all of them.
 * It keeps what the chat says (why no key may be edited), not the chat: a row that outlives
 * many snapshots must not hold each snapshot's userData.
 */
export class GridRow {
  readonly row: UserDataRow;
  readonly rule: FieldRule;
  readonly #chatReason: string | null;
  readonly #t: Translate;
  #kind: ValueKind | undefined;
  #editor: EditorKind | undefined;
  #readOnlyReason: string | null | undefined;

  constructor(row: UserDataRow, rule: FieldRule, chatReason: string | null, t: Translate) {
    this.row = row;
    this.rule = rule;
    this.#chatReason = chatReason;
    this.#t = t;
  }

  get kind(): ValueKind {
    return (this.#kind ??= effectiveKind(this.row.value, this.rule));
  }

  get editor(): EditorKind {
    return (this.#editor ??= editorKind(this.kind, this.rule, formatValue(this.row.value)));
  }

  get readOnlyReason(): string | null {
    if (this.#readOnlyReason === undefined) this.#readOnlyReason = this.#chatReason ?? keyReadOnlyReason(this.rule, this.row.key, this.row.value, this.#t);
    return this.#readOnlyReason;
  }
}

type RowCache = { readonly context: readonly unknown[]; readonly chatReason: string | null; readonly rows: Map<UserDataRow, GridRow> };

/**
 * Unsettled work is never filtered out: an open editor or a draft whose key someone else
 * changed, a write saving, refused or overtaken. Hidden, the agent's next keys went to the
 * neighbouring row, and a refused save showed nowhere.
 */
function matches(gridRow: GridRow, needle: string): boolean {
  const { row, rule } = gridRow;
  if (row.draft || row.status !== 'confirmed') return true;
  return [row.key, rule.label ?? '', formatValue(row.value)].some((text) => text.toLocaleLowerCase().includes(needle));
}

/**
 * Rows in display order: configured order first, then the store's (the server's, except that
 * a row on screen keeps its place: store/rows.ts); hidden keys left out; the filter matching
 * key, label or value (or work in progress, see matches). Cheap enough to run per
 * notification at thousands of keys (one pass, one sort of the ordered ones).
 */
export function useCaseDataRows(chat: Chat | undefined, config: CaseDataConfig, rows: readonly UserDataRow[], filter: string, t: Translate) {
  // Grid rows are cached per store row: an unchanged row keeps its grid row, so its
  // memoized component skips rendering. The cache holds only while what a grid row
  // depends on besides its row (configuration, chat state, capabilities, and the `t` its
  // read-only reason is worded in) is unchanged.
  const cache = useRef<RowCache>({ context: [], chatReason: null, rows: new Map() });
  // oxlint-disable react/refs -- a cache read and written during render, on purpose (below)
  const all = useMemo(() => {
    if (!chat) return [];
    const context = [config, chat.state, chat.capabilities.join(' '), t];
    const sameContext = context.every((part, index) => part === cache.current.context[index]);
    const chatReason = sameContext ? cache.current.chatReason : chatBlockReason(chat, 'update', t);
    const known = sameContext ? cache.current.rows : new Map<UserDataRow, GridRow>();
    // A Map rebuilt per pass holds exactly the current rows: nothing outlives its row, and
    // no WeakMap, whose entries cost the garbage collector dearly at thousands of keys.
    const current = new Map<UserDataRow, GridRow>();
    const shown: GridRow[] = [];
    const ordered: GridRow[] = [];
    for (const row of rows) {
      const gridRow = known.get(row) ?? new GridRow(row, resolveRule(config, row.key), chatReason, t);
      current.set(row, gridRow);
      if (gridRow.rule.hidden) continue;
      if (gridRow.rule.order === undefined) shown.push(gridRow);
      else ordered.push(gridRow);
    }
    // Written during render, not in an effect after it (one less per notification): a render
    // React throws away leaves only a cache that misses next time (new grid rows, the same
    // results), never a wrong row.
    cache.current = { context, chatReason, rows: current };
    // oxlint-enable react/refs
    // Array sort is stable: equal orders keep the server's order.
    ordered.sort((a, b) => (a.rule.order ?? 0) - (b.rule.order ?? 0));
    return ordered.length ? [...ordered, ...shown] : shown;
  }, [chat, config, rows, t]);
  const needle = filter.trim().toLocaleLowerCase();
  const visible = useMemo(() => (needle ? all.filter((gridRow) => matches(gridRow, needle)) : all), [all, needle]);
  return { all, visible };
}
