// Small HTTP helpers shared by the GWS routes, the control API, static serving and the demo CRM.

import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { parseJson, type JsonValue } from './json';

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body larger than ${MAX_BODY_BYTES} bytes`);
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** For the request log: parsed JSON when it parses, else the raw text, and null when empty. */
export function bodyForLog(text: string): JsonValue {
  if (text === '') return null;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

export function sendJson(res: ServerResponse, status: number, body: JsonValue, headers: OutgoingHttpHeaders = {}): void {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  send(res, status, text, contentType, {});
}

function send(res: ServerResponse, status: number, text: string, contentType: string, headers: OutgoingHttpHeaders): void {
  // A client that gave up (or close() tearing connections down) leaves nothing to answer.
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

export function pathSegments(pathname: string): string[] | null {
  try {
    return pathname.split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

function urlHost(host: string): string {
  // A wildcard bind is reachable on loopback; an IPv6 literal needs brackets in a URL.
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Listens on host:port (port 0: a free one) and answers where to reach the server. */
export async function listen(server: Server, port: number, host: string, name: string): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`the ${name} is not listening on TCP`);
  return { port: address.port, url: `http://${urlHost(host)}:${address.port}` };
}
