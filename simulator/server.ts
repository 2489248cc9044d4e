// One HTTP server for everything: the GWS REST API and its Bayeux endpoint under /api/v2,
// the control API under /sim/, and the built widget at /. Same origin for all of them, as
// when the widget is hosted next to GWS.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleControlApi } from './controlApi';
import { applyCors, namesServedAs, refusedCaller } from './cors';
import { handleGwsApi } from './gwsApi';
import { BodyTooLargeError, listen, sendJson, sendText } from './httpUtil';
import { createNotificationHub } from './notifications';
import { SimulatorState } from './simulatorState';
import { serveWidget } from './staticFiles';
import type { JsonObject } from './json';
import { openingLink, refusedFramer, sendFramingRefusal, widgetHosting } from './widgetHosting';

export const API_PREFIX = '/api/v2';
export const NOTIFICATIONS_PATH = '/api/v2/notifications';
export const CONTROL_PREFIX = '/sim';

/** Return true when the request has been (or will be) answered, e.g. by Vite's middleware. */
export type ExtraHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export type SimulatorOptions = {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback by default: the simulator has no authentication. */
  readonly host?: string;
  /** A built widget folder (e.g. "dist") served at /. */
  readonly widgetDir?: string;
  /**
   * The widget's config.json, served at /config.json instead of the folder's file. Its
   * allowedHostOrigins (or the file's) also build the pages' frame-ancestors header.
   */
  readonly widgetConfig?: JsonObject;
  /** false turns /sim/ off (it then answers 404). Default true. */
  readonly controlApi?: boolean;
  /** Origins allowed by CORS besides any loopback origin, e.g. "https://crm.example.com". */
  readonly allowedOrigins?: readonly string[];
  /** Consulted after the API routes and before the widget files. */
  readonly extraHandler?: ExtraHandler;
  /** Bayeux long-poll hold time in ms; CometD's default 30 s unless given. */
  readonly bayeuxTimeoutMs?: number;
};

export type RunningSimulator = {
  /** e.g. "http://127.0.0.1:8080", no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** The underlying server, e.g. for Vite's HMR WebSocket in middleware mode. */
  readonly httpServer: Server;
  close(): Promise<void>;
};

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const allowedOrigins = options.allowedOrigins ?? [];
  const servedAs = namesServedAs(host);
  const controlApi = options.controlApi ?? true;
  const hub = createNotificationHub({ timeout: options.bayeuxTimeoutMs });
  let sim: SimulatorState | null = null;
  const hosting = options.widgetDir === undefined ? null : widgetHosting(options.widgetDir, options.widgetConfig);
  let ownOrigin = '';

  async function route(req: IncomingMessage, res: ServerResponse, state: SimulatorState): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    const isApi = isUnder(path, API_PREFIX);
    const isControl = controlApi && isUnder(path, CONTROL_PREFIX);
    const refused = refusedCaller(req, allowedOrigins, servedAs);
    if (refused !== null) return sendJson(res, 403, { statusCode: 3, statusMessage: `Refused: ${refused}` });
    if ((isApi || isControl) && applyCors(req, res, allowedOrigins)) return;
    if (isUnder(path, NOTIFICATIONS_PATH)) {
      if (req.method === 'POST' && state.faults.settings.csrfNotifications && req.headers['x-csrf-token'] !== state.csrfToken) {
        req.resume();
        return sendText(res, 403, 'Missing or invalid Csrf token');
      }
      return hub.handle(req, res);
    }
    if (isApi) return handleGwsApi(state, req, res, url);
    if (isControl) return handleControlApi(state, req, res, url);
    if (isUnder(path, CONTROL_PREFIX)) return sendJson(res, 404, { ok: false, error: 'the control API is turned off' });
    if (options.extraHandler?.(req, res)) return;
    if (options.widgetDir !== undefined && hosting !== null) {
      if (path === '/config.json' && hosting.config !== null && (req.method === 'GET' || req.method === 'HEAD')) return sendJson(res, 200, hosting.config);
      const framer = refusedFramer(req, hosting, ownOrigin);
      if (framer !== null) return sendFramingRefusal(res, framer, openingLink(ownOrigin, url), hosting.problems);
      if (await serveWidget(options.widgetDir, req, res, url, { widget: hosting.htmlHeaders, other: hosting.otherPageHeaders })) return;
    }
    const hint = options.widgetDir === undefined ? ' (no widget is served; the GWS API is at /api/v2)' : '';
    sendText(res, 404, `Not found: ${path}${hint}`);
  }

  const server = createServer((req, res) => {
    // On every answer (API JSON, Bayeux, pages, errors): a browser must never guess a
    // JSON body or an error text into HTML or script.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (sim === null) return sendText(res, 503, 'simulator starting');
    route(req, res, sim).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { statusCode: 10, statusMessage: error.message });
      console.error('[simulator] request failed:', error);
      sendJson(res, 500, { statusCode: 4, statusMessage: 'Internal error in the simulator' });
    });
  });

  const { port, url } = await listen(server, options.port ?? 0, host, 'simulator');
  ownOrigin = url;
  sim = new SimulatorState(url, hub);
  const state = sim;

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    httpServer: server,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        hub.close();
        state.cancelTimers();
        server.close(() => resolve());
        // Keep-alive sockets and held long polls would otherwise keep close() waiting.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
