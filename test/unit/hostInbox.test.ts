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

const post = (data: unknown, source: MessageEventSource | null = widget.parent, origin = 'https://crm.example.com') =>
  widget.dispatchEvent(new MessageEvent('message', { data, origin, source }));
/** A message in the panel's protocol (its namespace); what the bridge makes of the rest is not the inbox's concern. */
const ours = (n: number | string) => ({ namespace: 'case-data-panel', n });
const none = () => undefined;

it('keeps what the embedding page posts before the bridge reads, in order, then hands on each new message', () => {
  const inbox = listenToHost(widget);
  post(ours('first'));
  post(ours('second'));
  const read: unknown[] = [];
  const dropped = vi.fn();
  inbox.read((event) => read.push(event.data), dropped);
  expect(read).toEqual([ours('first'), ours('second')]);
  expect(dropped).not.toHaveBeenCalled();
  // Once read, everything goes to the bridge, which filters for itself.
  post('third');
  expect(read).toEqual([ours('first'), ours('second'), 'third']);
  inbox.close();
  post(ours('after close'));
  expect(read).toEqual([ours('first'), ours('second'), 'third']);
});

it('keeps no early message from another window, and the newest 100, saying so once', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const inbox = listenToHost(widget);
  post(ours('from another frame'), window);
  post(ours('from nowhere'), null);
  for (let index = 0; index < 105; index += 1) post(ours(index));
  const read: unknown[] = [];
  inbox.read((event) => read.push(event.data), none);
  // Before (integrator's test): the first 100, so a burst of setActiveChat left the panel on an old chat.
  expect(read).toEqual(Array.from({ length: 100 }, (_unused, index) => ours(index + 5)));
  expect(warn).toHaveBeenCalledTimes(1);
  inbox.close();
});

it('hands on the ids of the requests it dropped, each with its own origin, before the messages it kept', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const inbox = listenToHost(widget);
  post({ ...ours('oldest'), requestId: 'r-0' }, widget.parent, 'https://other.example');
  post(ours('no request id'));
  post({ ...ours('an id the bridge would refuse'), requestId: 'x'.repeat(201) });
  post({ ...ours('an id that is no text'), requestId: 7 });
  post({ ...ours(4), requestId: 'r-4' });
  for (let index = 5; index < 105; index += 1) post({ ...ours(index), requestId: `r-${index}` });
  const heard: unknown[] = [];
  inbox.read(
    (event) => heard.push(event.data),
    (request) => heard.push(request),
  );
  expect(heard.slice(0, 3)).toEqual([
    { origin: 'https://other.example', requestId: 'r-0' },
    { origin: 'https://crm.example.com', requestId: 'r-4' },
    { ...ours(5), requestId: 'r-5' },
  ]);
  expect(heard).toHaveLength(102);
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
  inbox.read((event) => read.push(event.data), none);
  expect(read).toEqual([ours('setActiveChat')]);
  expect(warn).not.toHaveBeenCalled();
  inbox.close();
});
