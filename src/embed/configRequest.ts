// The request for config.json, sent the moment the bundle starts evaluating: main.tsx
// imports this module before anything else, so the file travels while the browser
// evaluates React and the rest of the widget instead of after (about 100 ms on a slow
// laptop, a round trip saved on a real network).
const request = fetch('./config.json', { cache: 'no-store' });
// loadWidgetConfig reports a failure; until it awaits, it must not count as unhandled.
request.catch(() => undefined);

// A clone per call: the one response's body can be read once, and a second start (a hot
// reload in development) must not find it spent. Asked again (a failure that may pass:
// widgetConfig.ts), a new request.
export const configRequest = (attempt = 0): Promise<Response> =>
  attempt === 0 ? request.then((response) => response.clone()) : fetch('./config.json', { cache: 'no-store' });
