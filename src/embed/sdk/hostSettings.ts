// The host's latest setting of each kind (chat, theme, locale): a panel that starts again
// (its frame reloaded) starts from the mount's URL, and is given them again.

import type { HostMessage } from '../protocol';
import type { ThemeSetting } from './types';

type Setting = Extract<HostMessage, { readonly type: 'setActiveChat' | 'setTheme' | 'setLocale' }>;

export function hostSettings() {
  const settings = new Map<Setting['type'], Setting>();
  return {
    record(message: HostMessage) {
      if (message.type === 'setTheme') {
        // Without tokens only the mode changes: the tokens in effect go with it to a reloaded
        // panel, whose URL carries none (review: the accent and font were lost at an F5).
        const before = settings.get('setTheme');
        const tokens = message.tokens ?? (before?.type === 'setTheme' ? before.tokens : undefined);
        settings.set('setTheme', tokens ? { ...message, tokens } : message);
      } else if (message.type === 'setActiveChat' || message.type === 'setLocale') settings.set(message.type, message);
    },
    /** A setting the panel refused is not given again to a reloaded one. */
    refused(requestId: string | undefined) {
      for (const [type, setting] of settings) if (requestId !== undefined && setting.requestId === requestId) settings.delete(type);
    },
    all: (): readonly Setting[] => [...settings.values()],
    chat: () => {
      const chat = settings.get('setActiveChat');
      return chat?.type === 'setActiveChat' && chat.requestId !== undefined ? { chatId: chat.chatId, requestId: chat.requestId } : null;
    },
  };
}

export function normalizeTheme(setting: ThemeSetting | undefined): { mode: Exclude<ThemeSetting, object>; tokens?: Extract<ThemeSetting, object>['tokens'] } | null {
  if (setting === undefined) return null;
  return typeof setting === 'string' ? { mode: setting } : setting;
}
