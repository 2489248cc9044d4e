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

it('keeps what the embedding page posts before the bridge reads, in order, then hands on each new message', () => {
  const inbox = listenToHost(widget);
  post('first');
  post('second');
  const read: unknown[] = [];
  inbox.read((event) => read.push(event.data));
  expect(read).toEqual(['first', 'second']);
  post('third');
  expect(read).toEqual(['first', 'second', 'third']);
  inbox.close();
  post('after close');
  expect(read).toEqual(['first', 'second', 'third']);
});

it('keeps no early message from another window, and at most 100, saying so once', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const inbox = listenToHost(widget);
  post('from another frame', window);
  post('from nowhere', null);
  for (let index = 0; index < 105; index += 1) post(index);
  const read: unknown[] = [];
  inbox.read((event) => read.push(event.data));
  expect(read).toEqual(Array.from({ length: 100 }, (_unused, index) => index));
  expect(warn).toHaveBeenCalledTimes(1);
  inbox.close();
});
