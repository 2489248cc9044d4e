import type { ChatEntry } from '../store';

/**
 * What the grid's live region last said of the agent's writes, by chat: a write's problem
 * (writeProblems.ts), or a write sent again that has to wait (editHistory.ts: "…is queued; it is
 * sent once the connection is back."), with whether what it said still stands. Once it does not
 * (the write sent again, saved, discarded), the region unsays it if those words are still all
 * it says: "Not saved" read on for ten seconds under a cell reading Saved, and "queued" after the
 * write had gone (exploratory tests). In the problems' chunk (writeProblems.ts), which the undo
 * chunk reaches through its loader: the first paint carries none of it, and no third chunk both
 * import (one failed fetch of it would keep both from loading, for the page).
 */
export const writesSaid = new Map<string, { readonly text: string; readonly stands: (entry: ChatEntry) => boolean }>();
