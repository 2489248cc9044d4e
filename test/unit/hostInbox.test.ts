import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { listenToHost } from '../../src/embed';

// The widget in a jsdom iframe; its parent window plays the host.
let iframe: HTMLIFrameElement;
let widget: Window;

beforeEach(() => {
  iframe = document.createElement('iframe');
  document.body.append(iframe);
  if (!iframe.contentWindow) throw new Error('jsdom gave the iframe no window');
  widget = iframe.contentWindow;
});
afterEach(() => {
  iframe.remove();
});

const post = (data: unknown, source: MessageEventSource | null = widget.parent) => widget.dispatchEvent(new MessageEvent('message', { data, origin: 'https://crm.example.com', source }));
/** A message in the panel's protocol (its namespace); what the bridge makes of the rest is not the inbox's concern. */
const ours = (n: number | string) => ({ namespace: 'case-data-panel', n });

it('keeps what the embedding page posts before the bridge reads, in order, then hands on each new message', () => {
  const inbox = listenToHost(widget);
  post(ours('first'));
  post(ours('second'));
  const read: unknown[] = [];
  inbox.read((event) => read.push(event.data));
  expect(read).toEqual([ours('first'), ours('second')]);
  // Once read, everything goes to the bridge, which filters for itself.
  post('third');
  expect(read).toEqual([ours('first'), ours('second'), 'third']);
  inbox.close();
  post(ours('after close'));
  expect(read).toEqual([ours('first'), ours('second'), 'third']);
});

it('keeps no early message from another window, and at most 100, saying so once', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const inbox = listenToHost(widget);
  post(ours('from another frame'), window);
  post(ours('from nowhere'), null);
  for (let index = 0; index < 105; index += 1) post(ours(index));
  const read: unknown[] = [];
  inbox.read((event) => read.push(event.data));
  expect(read).toEqual(Array.from({ length: 100 }, (_unused, index) => ours(index)));
  expect(warn).toHaveBeenCalledTimes(1);
  inbox.close();
});

it('keeps no early message of other scripts on the page: they cannot take the host’s places', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const inbox = listenToHost(widget);
  // An analytics or chat script broadcasting to every frame, before the host's first command.
  for (let index = 0; index < 500; index += 1) post({ type: 'analytics', index });
  post({ namespace: 'another-widget', type: 'setTheme' });
  post('text');
  post(null);
  post(ours('setActiveChat'));
  const read: unknown[] = [];
  inbox.read((event) => read.push(event.data));
  expect(read).toEqual([ours('setActiveChat')]);
  expect(warn).not.toHaveBeenCalled();
  inbox.close();
});
