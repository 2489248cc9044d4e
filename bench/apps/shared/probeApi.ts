// The contract between the bench apps, the in-page probe (harness/inpage/probe.ts, injected
// into every frame before the app's scripts) and the Node driver. Types only: the apps call
// the probe through optional chaining, so a bench app also runs without it.

/** Timestamps (performance.now() of the frame) of one awaited change, start to paint. */
export type CellTiming = {
  /** Notification receipt or Enter keydown, whichever the wait was armed for. */
  readonly start: number;
  /** The MutationObserver saw the expected cell state: the DOM commit. */
  readonly commit: number;
  /** The first requestAnimationFrame after the commit: the frame that will show it. */
  readonly frame: number;
  /** A user-blocking task posted from that rAF: runs once that frame's style, layout and paint are done. */
  readonly paint: number;
  /** PEER-BENCH's double rAF, for comparison with the earlier peer figures. */
  readonly doublePaint: number;
};

export type CellWait = {
  /** 0-based data row; the cell is the value column of that row. */
  readonly row: number;
  readonly text: string;
  readonly from: 'receipt' | 'enter';
  readonly timeoutMs: number;
};

export type FirstPaint = {
  /** When the store first held the chat (before React rendered it). */
  readonly dataAt: number;
  readonly commit: number;
  readonly paint: number;
  readonly doublePaint: number;
};

export type TypingResult = {
  /** keydown to the frame showing the character, ms, one per character typed. */
  readonly latencies: readonly number[];
  readonly longTasks: number;
  readonly longestTaskMs: number;
};

export type BenchProbe = {
  /** Called by the bench shell as each CometD message reaches the store's handler. */
  notificationReceived(): void;
  connectionChanged(kind: string): void;
  dataArrived(): void;
  readonly receipts: () => number;
  readonly live: () => boolean;
  readonly firstPaint: () => FirstPaint | null;
  /**
   * The first paint once it happened (null after `timeoutMs`). The driver awaits it in one
   * call: polling would run the driver's script in the page, on the way to the paint it times.
   */
  whenFirstPaint(timeoutMs: number): Promise<FirstPaint | null>;
  /** Arms one wait (resetting the receipt and Enter clocks); the driver then causes the change. */
  armCell(wait: CellWait): void;
  /** The armed wait's timing; null on timeout. */
  awaitCell(): Promise<CellTiming | null>;
  startTyping(): void;
  stopTyping(): TypingResult;
  /** Rows in the DOM, the grid's aria-rowcount and the highest aria-rowindex rendered. */
  gridShape(): { readonly domRows: number; readonly ariaRowCount: number; readonly maxRowIndex: number };
};

/** The iframe host page (bench/apps/host.html) exposes this. */
export type BenchHost = {
  load(src: string): void;
  /** ms from setting the iframe's src to the grid's first paint inside it; null until then. */
  result(): number | null;
  /** The same, once known (null after `timeoutMs`): one call instead of polling (see whenFirstPaint). */
  whenResult(timeoutMs: number): Promise<number | null>;
};

/** The value cell of a data row, the same selector for all three grids (all set ARIA indexes). */
export function valueCellSelector(row: number): string {
  return `[role="row"][aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="2"]`;
}

declare global {
  interface Window {
    __benchProbe?: BenchProbe;
    __benchHost?: BenchHost;
  }
}
