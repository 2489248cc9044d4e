// The host's latest setting of each kind (chat, theme, locale) the panel has not refused: a
// panel that starts again (its frame reloaded) starts from the mount's URL, and is given them
// again.

import { envelope, type HostMessage } from '../protocol';
import type { ThemeSetting } from './types';

type Setting = Extract<HostMessage, { readonly type: 'setActiveChat' | 'setTheme' | 'setLocale' }>;

/** Settings kept per kind: the latest, and the ones before it in case the panel refuses it. */
const KEPT = 16;

export function hostSettings() {
  const settings = new Map<Setting['type'], Setting[]>();
  const keep = (setting: Setting) => settings.set(setting.type, [...(settings.get(setting.type) ?? []), setting].slice(-KEPT));
  // The host's own setActiveChat requests (each is answered, also for the chat on screen), and the chat it was last told of.
  const asked = new Set<string>();
  let lastAsked: string | undefined;
  let told: string | null | undefined;
  return {
    record(message: HostMessage) {
      if (message.type === 'setTheme' || message.type === 'setActiveChat' || message.type === 'setLocale') keep(message);
      if (message.type === 'setActiveChat' && message.requestId !== undefined) asked.add((lastAsked = message.requestId));
    },
    /**
     * The panel refused `requestId`: a reloaded panel is given the setting before it, which
     * the running one still shows (exploratory test: an invalid setLocale after German turned
     * the reloaded panel English, and its refusal came again).
     */
    refused(requestId: string | undefined) {
      if (requestId === undefined) return;
      for (const [type, kept] of settings) settings.set(type, kept.filter((setting) => setting.requestId !== requestId));
    },
    all: (): readonly Setting[] =>
      [...settings.values()].flatMap((kept) => {
        const last = kept.at(-1);
        if (last?.type !== 'setTheme' || last.tokens) return last ?? [];
        // Without tokens only the mode changes: the tokens in effect (the newest setting with
        // some the panel has not refused) go with it to a reloaded panel, whose URL carries none
        // (review: the accent and font were lost at an F5; then a refused one's were carried).
        const tokens = [...kept].reverse().find((setting) => setting.type === 'setTheme' && setting.tokens);
        return tokens?.type === 'setTheme' && tokens.tokens ? { ...last, tokens: tokens.tokens } : last;
      }),
    /** The panel started again: its first report of a chat is news to the host, as at the mount. */
    restarted: () => void (told = undefined),
    /**
     * The panel reports it shows `chatId` (the host's setActiveChat, or the agent's pick in its
     * picker): a reloaded panel is given that chat, as the host's own setting would be (it went
     * back to the host's last setActiveChat, away from the chat the CRM had followed: integrator's
     * test). Whether the host is to hear it: not the chat it was last told of, shown again (a
     * reloaded panel reports its chat, then answers the chat it is given again: the host heard
     * it twice, review), unless it is the answer to its own request.
     */
    reported(chatId: string | null, inReplyTo: string | undefined, requestId: string): boolean {
      const last = settings.get('setActiveChat')?.at(-1);
      const answersHost = inReplyTo !== undefined && asked.has(inReplyTo);
      // Not the answer to a request the host has since followed with another: that one is the chat to give back (review).
      const overtaken = answersHost && inReplyTo !== lastAsked;
      if (chatId !== null && !overtaken && (last?.type !== 'setActiveChat' || last.chatId !== chatId)) keep({ ...envelope(), type: 'setActiveChat', chatId, requestId });
      const news = chatId !== told || answersHost;
      told = chatId;
      return news;
    },
    chat: () => {
      const chat = settings.get('setActiveChat')?.at(-1);
      return chat?.type === 'setActiveChat' && chat.requestId !== undefined ? { chatId: chat.chatId, requestId: chat.requestId } : null;
    },
  };
}

export function normalizeTheme(setting: ThemeSetting | undefined): { mode: Exclude<ThemeSetting, object>; tokens?: Extract<ThemeSetting, object>['tokens'] } | null {
  if (setting === undefined) return null;
  return typeof setting === 'string' ? { mode: setting } : setting;
}
