// The pop-out's address: in the first render's code, because the page shown to a host that may
// not frame the panel (FramingRefused) and the host bridge (storageAccess.ts) both offer it. Had
// the two later chunks shared a module, it would be a chunk of its own that each imports, and a
// browser that keeps a failed fetch for the page kept the bridge from loading, for good, after
// one blip (exploratory test).
import type { Density, ThemeMode } from './theme';

export type PopOutState = {
  readonly chatId: string | null;
  readonly locale: string;
  readonly theme: ThemeMode;
  readonly density: Density | undefined;
};

/** The widget's own address with what the agent is looking at, as (non-secret) URL parameters. */
export function popOutUrl(widgetUrl: string, state: PopOutState): string {
  const url = new URL(widgetUrl);
  url.search = '';
  url.hash = '';
  if (state.chatId) url.searchParams.set('chatId', state.chatId);
  url.searchParams.set('locale', state.locale);
  url.searchParams.set('theme', state.theme);
  if (state.density) url.searchParams.set('density', state.density);
  return url.toString();
}
