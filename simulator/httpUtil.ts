// Small HTTP helpers shared by the GWS routes, the control API and static serving.

import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
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
