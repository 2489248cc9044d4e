// shared/ holds what more than one concern uses and that knows none of them; it imports
// nothing from src/. The grid and the panel's composition both schedule work after a paint.

/** A hidden iframe paints nothing and gets no animation frames: the task runs anyway after this. */
const HIDDEN_FRAME_MS = 300;

/**
 * Runs `task` once, after the next frame has painted, for work that must not delay the
 * panel's first paint (the live connection, the embedded panel's host code). Animation frame
 * callbacks run before that frame's paint; a task queued from one runs after it (started
 * straight from the callback, the CometD chunk was requested inside the frame that paints
 * the grid, about one load in two). Returns a cancel.
 */
export function afterNextPaint(task: () => void): () => void {
  let settled = false;
  let afterPaint: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    afterPaint = setTimeout(run, 0);
  });
  const fallback = setTimeout(run, HIDDEN_FRAME_MS);
  function cancel() {
    settled = true;
    cancelAnimationFrame(frame);
    clearTimeout(afterPaint);
    clearTimeout(fallback);
  }
  function run() {
    if (settled) return;
    cancel();
    task();
  }
  return cancel;
}
