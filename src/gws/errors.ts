import type { Issue } from '../shared/schema';
import { clipped } from '../shared/clipped';

/** Every way a GWS request can fail, as a value the UI can switch on. */
export type GwsError =
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'timeout'; readonly afterMs: number }
  | { readonly kind: 'http'; readonly status: number; readonly message: string }
  | { readonly kind: 'status-code'; readonly statusCode: number; readonly statusMessage: string }
  | { readonly kind: 'invalid-payload'; readonly message: string; readonly issues: readonly Issue[] }
  | { readonly kind: 'session-expired'; readonly message: string }
  | { readonly kind: 'csrf'; readonly message: string }
  /**
   * Accepted, then refused by the contact center: a notification of type Error for its
   * referenceId; `unlinked`, one naming no request, for one of its chat's writes.
   */
  | { readonly kind: 'refused-later'; readonly message: string; readonly unlinked?: true }
  /** Accepted, and a read of the chats after it holds the key as the write found it: it did not land, nothing said why (its refusal lost, say). */
  | { readonly kind: 'not-shown' }
  /** A fault of the panel's own, not of the network or GWS (react-query also routes one thrown while handling an answer here): not to be read as unreachable. */
  | { readonly kind: 'unexpected'; readonly message: string };

/**
 * react-query wants a thrown value; this carries the typed error so callers narrow on
 * `error.detail.kind` instead of parsing messages. Its message is for a stack trace (the
 * status is in `detail`); the error is worded for people by i18n's translateGwsError (in
 * English for the host contract).
 */
export class GwsRequestError extends Error {
  readonly detail: GwsError;
  constructor(detail: GwsError) {
    super(`GWS request failed: ${detail.kind}`);
    this.name = 'GwsRequestError';
    this.detail = detail;
  }
}

/** The writes' code (or the writer's) could not be loaded: nothing was sent. One value, for the client and the grid's writer alike. */
export const codeNotLoaded: GwsError = { kind: 'network', message: 'the code that sends it could not be loaded' };

// How a failure is sorted, in one place: whether trying again may get past it, whether the
// session is the problem, whether the server was reached at all, whether it may have acted.

/** A failure that trying again may get past (a read is retried while writes wait on it). */
export const mayPass = (error: GwsError): boolean => isUnreachable(error) || (error.kind === 'http' && (error.status >= 500 || error.status === 429));

/**
 * The session, not the request: it waits, queued, for the session to come back. Not a CSRF
 * refusal, which comes only after a fresh token (read with the session alive) was refused too:
 * signing in again cannot cure it (a proxy dropping the header), and taken for an expired
 * session it posted and flapped Session expired / Live every 5 s (review).
 */
export const isSessionProblem = (error: GwsError): boolean => error.kind === 'session-expired';

/** No server answered at all (offline, no answer in time): a write waits for the replay when the outbox is held. */
export const isUnreachable = (error: GwsError): boolean => error.kind === 'network' || error.kind === 'timeout';

/**
 * Whether GWS may have applied a request that failed this way: no answer in time, a
 * gateway's or server's error (a proxy's 502/504 after forwarding it), an answer that cannot
 * be read (bad-input test: a write saved on the server stayed "Not saved" for good). GWS's own
 * refusals (statusCode, 4xx) say it did not; so, nearly always, does a network failure: the
 * browser offline, the server unreachable (a connection reset mid-request is the exception,
 * settled by its notification if it comes).
 */
export const mayHaveApplied = (error: GwsError): boolean =>
  error.kind === 'timeout' || error.kind === 'invalid-payload' || (error.kind === 'http' && error.status >= 500);

/** Longest server text the panel keeps (an error's words): enough for any real message. */
const TEXT_KEPT = 500;

/** A server's text cut to TEXT_KEPT characters with its mark. */
export const clipText = (text: string): string => clipped(text, TEXT_KEPT);

export function toGwsError(error: unknown): GwsError {
  if (error instanceof GwsRequestError) return error.detail;
  // Every request failure is a GwsRequestError (gwsClient.ts): anything else is the panel's
  // own bug, which read as "Cannot reach the server" and was queued to be sent again (review).
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
