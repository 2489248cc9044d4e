// A reloaded panel is given the chat the running one showed; the host hears that chat once, as at
// the mount, not again for the answer to the SDK's own replay (review).
import { afterEach, beforeEach, expect, it, vi, type MockInstance } from 'vitest';
import { mountCaseDataPanel, PROTOCOL_NAMESPACE, PROTOCOL_VERSION, type CaseDataPanel, type MountOptions } from '../../src/embed/sdk';

const WIDGET = 'https://panel.example.com';
const envelope = { namespace: PROTOCOL_NAMESPACE, version: PROTOCOL_VERSION };
const READY = { ...envelope, type: 'ready', widgetVersion: '0.1.0', capabilities: { commands: [], events: [], locales: ['en'], themes: ['light', 'dark'] } };

let host: HTMLDivElement;
let panel: CaseDataPanel;
let posted: MockInstance<Window['postMessage']>;
function mount(options: Partial<MountOptions> = {}) {
  panel = mountCaseDataPanel(host, { src: `${WIDGET}/`, readyTimeoutMs: 0, ...options });
  const frame = panel.iframe.contentWindow;
  if (!frame) throw new Error('jsdom gave the iframe no window');
  posted = vi.spyOn(frame, 'postMessage').mockImplementation(() => undefined);
}
const fromWidget = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data, origin: WIDGET, source: panel.iframe.contentWindow }));
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  panel.destroy();
  host.remove();
});

it('reports the chat of a reloaded panel on the mount’s chat once, as before', () => {
  const onActiveChatChanged = vi.fn();
  mount({ chatId: 'C-1', onActiveChatChanged });
  fromWidget(READY);
  fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
  onActiveChatChanged.mockClear();
  fromWidget(READY);
  // The reloaded panel reports the URL's chat, then answers each setActiveChat it is given (useHostBridge).
  fromWidget({ ...envelope, type: 'activeChatChanged', chatId: 'C-1' });
  for (const [message] of posted.mock.calls) {
    const sent = message as { type: string; chatId?: string; requestId?: string };
    if (sent.type === 'setActiveChat') fromWidget({ ...envelope, type: 'activeChatChanged', chatId: sent.chatId, inReplyTo: sent.requestId });
  }
  expect(onActiveChatChanged.mock.calls.map(([event]) => event.chatId)).toEqual(['C-1']);
});
