// The in-page probe: built as a classic script (harness/build.ts) and injected by the
// driver into every frame before the page's own scripts, so its bytes are not counted as
// shipped and every variant gets the very same instrumentation.
//
// Paint: a MutationObserver sees the DOM change (the commit); the next requestAnimationFrame
// is the frame that will show it; a task posted from that rAF (user-blocking, so ahead of
// other tasks the frame queued) runs after the frame's style, layout and paint work
// ("paint"). PEER-BENCH's double rAF is kept alongside.

import { valueCellSelector, type BenchProbe, type CellTiming, type CellWait, type FirstPaint } from '../../apps/shared/probeApi';

type LongTask = { readonly start: number; readonly duration: number };

const now = () => performance.now();

// Chromium's task scheduler: a user-blocking task runs before tasks of normal priority
// (timers, messages) queued in the same frame, such as the bench shell's CometD start-up.
type TaskScheduler = { postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void> };
const taskScheduler = (): TaskScheduler | undefined => Reflect.get(globalThis, 'scheduler') as TaskScheduler | undefined;

/** Runs `callback` as the first task after the current frame's rendering. */
function firstTaskAfterFrame(callback: () => void): void {
  const scheduler = taskScheduler();
  if (scheduler) {
    void scheduler.postTask(callback, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = callback;
  channel.port2.postMessage(0);
}

function afterFrame(done: (frame: number, paint: number, doublePaint: number) => void): void {
  requestAnimationFrame(() => {
    const frame = now();
    let paint = NaN;
    firstTaskAfterFrame(() => {
      paint = now();
    });
    requestAnimationFrame(() => done(frame, paint, now()));
  });
}

function cellState(row: number): { text: string; shows: (text: string) => boolean; saving: boolean } | null {
  const cell = document.querySelector(valueCellSelector(row));
  if (!cell) return null;
  // Ours marks a pending value aria-busy; the peers get an "is-saving" class from the same store status.
  const saving = cell.getAttribute('aria-busy') === 'true' || cell.classList.contains('is-saving');
  // The value may sit beside a badge (ours: "Saved"), so any element of the cell holding exactly it counts.
  const shows = (text: string) => [cell, ...cell.querySelectorAll('*')].some((element) => (element.textContent ?? '').trim() === text);
  return { text: (cell.textContent ?? '').trim(), shows, saving };
}

function installProbe(): BenchProbe {
  let receipts = 0;
  let live = false;
  let dataAt: number | null = null;
  let first: FirstPaint | null = null;
  const firstWaiters: ((paint: FirstPaint | null) => void)[] = [];
  let receiptAt: number | null = null;
  let enterAt: number | null = null;
  const longTasks: LongTask[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the typing scenario then reports none, and says so by NaN below.
  }

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && enterAt === null) enterAt = event.timeStamp;
    },
    true,
  );

  // First grid paint: armed at once, so a cold load is timed without any driver round trip.
  const firstObserver = new MutationObserver(() => {
    const state = cellState(0);
    if (!state || state.text === '') return;
    firstObserver.disconnect();
    const commit = now();
    afterFrame((_frame, paint, doublePaint) => {
      first = { dataAt: dataAt ?? NaN, commit, paint, doublePaint };
      for (const resolve of firstWaiters.splice(0)) resolve(first);
      if (window.parent !== window) window.parent.postMessage({ benchFirstPaint: performance.timeOrigin + paint }, location.origin);
    });
  });
  firstObserver.observe(document, { childList: true, subtree: true, characterData: true });

  let armed: Promise<CellTiming | null> | null = null;
  let typing: { since: number; keys: number[]; latencies: number[]; stop: () => void } | null = null;

  return {
    notificationReceived() {
      receipts += 1;
      if (receiptAt === null) receiptAt = now();
    },
    connectionChanged(kind) {
      live = kind === 'live';
    },
    dataArrived() {
      dataAt ??= now();
    },
    receipts: () => receipts,
    live: () => live,
    firstPaint: () => first,
    whenFirstPaint: (timeoutMs) =>
      first
        ? Promise.resolve(first)
        : new Promise((resolve) => {
            firstWaiters.push(resolve);
            setTimeout(() => resolve(null), timeoutMs);
          }),

    armCell(wait: CellWait) {
      receiptAt = null;
      enterAt = null;
      armed = new Promise((resolve) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, wait.timeoutMs);
        const observer = new MutationObserver(() => {
          const state = cellState(wait.row);
          if (!state || state.saving || !state.shows(wait.text)) return;
          const commit = now();
          observer.disconnect();
          clearTimeout(timer);
          const start = (wait.from === 'receipt' ? receiptAt : enterAt) ?? NaN;
          afterFrame((frame, paint, doublePaint) => resolve({ start, commit, frame, paint, doublePaint }));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    },

    awaitCell() {
      const wait = armed;
      armed = null;
      return wait ?? Promise.resolve(null);
    },

    startTyping() {
      const keys: number[] = [];
      const latencies: number[] = [];
      const onKey = (event: KeyboardEvent) => {
        if (event.key.length === 1) keys.push(event.timeStamp);
      };
      // The character is in the field at the input event; the frame after it shows it.
      const onInput = () => {
        const pressed = keys.shift();
        if (pressed === undefined) return;
        afterFrame((_frame, paint) => latencies.push(paint - pressed));
      };
      window.addEventListener('keydown', onKey, true);
      window.addEventListener('input', onInput, true);
      typing = {
        since: now(),
        keys,
        latencies,
        stop: () => {
          window.removeEventListener('keydown', onKey, true);
          window.removeEventListener('input', onInput, true);
        },
      };
    },

    stopTyping() {
      const session = typing;
      typing = null;
      if (!session) return { latencies: [], longTasks: NaN, longestTaskMs: NaN };
      session.stop();
      const during = longTasks.filter((task) => task.start >= session.since);
      return {
        latencies: session.latencies,
        longTasks: during.length,
        longestTaskMs: during.reduce((longest, task) => Math.max(longest, task.duration), 0),
      };
    },

    gridShape() {
      const grid = document.querySelector('[role="grid"], [role="treegrid"]');
      const rows = [...document.querySelectorAll('[role="row"][aria-rowindex]')];
      const indexes = rows.map((row) => Number(row.getAttribute('aria-rowindex')));
      return {
        // Header row(s) excluded: they carry aria-rowindex 1.
        domRows: indexes.filter((index) => index > 1).length,
        ariaRowCount: Number(grid?.getAttribute('aria-rowcount') ?? NaN),
        maxRowIndex: indexes.reduce((max, index) => Math.max(max, index), 0),
      };
    },
  };
}

window.__benchProbe = installProbe();
