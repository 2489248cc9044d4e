/**
 * What Retry or Keep mine last said of a write that has to wait, by chat (editHistory.ts: "Your
 * change to X is queued; it is sent once the connection is back."): the grid's live region
 * unsays it once that write is queued no more (writeProblems.ts), as it does a problem's words;
 * it read on for ten seconds after the write had gone and was saved (exploratory test). Shared
 * by two chunks that load after the first paint, so the first paint carries none of it.
 */
export const queuedSaid = new Map<string, { readonly key: string; readonly text: string }>();
