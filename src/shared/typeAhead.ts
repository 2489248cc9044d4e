/**
 * A list's type-ahead, as a browser's own select does it, over the words shown rather than the
 * text: the chat picker's options begin with direction marks and isolates wherever a name or a
 * sentence needs them (every option in the Arabic panel), and a browser's type-ahead compares
 * the text, controls and all, so a name typed found nothing there (exploratory test).
 */

/** Bidi marks (the Arabic letter mark too), embeddings, overrides and isolates: how a text is drawn, not what it says. */
const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A browser's pause that starts a new search: typing slower than this starts over. */
export const TYPE_AHEAD_PAUSE_MS = 1_000;

/**
 * A character typed, not a shortcut: AltGr is Ctrl+Alt on Windows, and its characters (Polish Ł,
 * German €) count (review: "Łukasz" went half to the browser's search, half to this one). As the
 * grid's startsTypedEdit, which the editor's list cannot import without the first paint exporting it.
 */
export const typedCharacter = (event: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }) =>
  event.key.length === 1 && !event.metaKey && event.ctrlKey === event.altKey;

const shown = (label: string) => label.replace(DIRECTION_CONTROLS, '').trimStart().toLocaleLowerCase();

/**
 * The index of the option `typed` finds among `labels`, the option at `current` selected now, or
 * -1. One character, or one pressed again and again, goes to the next option that begins with
 * it (round the list); more than one to the first, from the selected one on, that begins with them.
 */
export function typeAheadMatch(labels: readonly string[], current: number, typed: string): number {
  const search = typed.toLocaleLowerCase();
  const characters = [...search];
  const cycling = characters.every((character) => character === characters[0]);
  const prefix = cycling ? characters[0] : search;
  if (prefix === undefined) return -1;
  const start = cycling ? current + 1 : Math.max(current, 0);
  for (let step = 0; step < labels.length; step += 1) {
    const index = (start + step) % labels.length;
    if (shown(labels[index] ?? '').startsWith(prefix)) return index;
  }
  return -1;
}
