// The host's listeners for the panel's events: `on` and the options' callbacks add them,
// `emit` calls them with the event (not the protocol's envelope around it).

import type { PanelEvent, PanelEventType } from './types';

type Listeners = { [T in PanelEventType]: Set<(event: PanelEvent<T>) => void> };

export function panelEvents(win: Window) {
  const listeners: Listeners = {
    ready: new Set(),
    activeChatChanged: new Set(),
    userDataChanged: new Set(),
    saveFailed: new Set(),
    dirtyStateChanged: new Set(),
    chatStateChanged: new Set(),
    connectionChanged: new Set(),
    resize: new Set(),
    error: new Set(),
  };
  const emit = <T extends PanelEventType>(type: T, event: PanelEvent<T>) => {
    // Listeners get the event, not the protocol's envelope around it, nor the SDK's own request id it answers.
    const payload: Record<string, unknown> = { ...event };
    delete payload.namespace;
    delete payload.version;
    delete payload.inReplyTo;
    // oxlint-disable-next-line unicorn/no-useless-spread -- a snapshot: a listener may add or remove listeners; one added now gets the next event, not this one
    for (const listener of [...listeners[type]]) {
      try {
        listener(payload as PanelEvent<T>);
      } catch (error) {
        // One host listener failing must not starve the others; the error still surfaces.
        win.setTimeout(() => {
          throw error;
        });
      }
    }
  };
  const on = <T extends PanelEventType>(type: T, listener: (event: PanelEvent<T>) => void) => {
    // Plain JavaScript can pass anything: say what is wrong, not "cannot read 'add' of undefined".
    if (!Object.prototype.hasOwnProperty.call(listeners, type)) throw new TypeError(`panel.on: unknown event type ${JSON.stringify(type)}; known: ${Object.keys(listeners).join(', ')}`);
    if (typeof listener !== 'function') throw new TypeError('panel.on: the listener must be a function');
    listeners[type].add(listener);
    return () => {
      listeners[type].delete(listener);
    };
  };
  const clear = () => {
    for (const set of Object.values(listeners)) set.clear();
  };
  return { emit, on, clear };
}
