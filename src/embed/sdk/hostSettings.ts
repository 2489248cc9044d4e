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
  return {
    record(message: HostMessage) {
      if (message.type === 'setTheme' || message.type === 'setActiveChat' || message.type === 'setLocale') keep(message);
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
    /**
     * The panel shows `chatId` (the host's setActiveChat, or the agent's pick in its picker): a
     * reloaded panel is given that chat, as the host's own setting would be. It went back to the
     * host's last setActiveChat, away from the chat the CRM had followed (integrator's test).
     */
    shown(chatId: string, requestId: string) {
      const last = settings.get('setActiveChat')?.at(-1);
      if (last?.type !== 'setActiveChat' || last.chatId !== chatId) keep({ ...envelope(), type: 'setActiveChat', chatId, requestId });
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
