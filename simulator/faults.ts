// Fault injection for POST /sim/faults. A request is validated as a whole before anything
// changes, so a typo in one field never leaves half of the faults applied.

import { describeJson, isJsonObject, ownField, type JsonObject, type JsonValue } from './json';

export type FaultSettings = {
  /**
   * The next `remaining` /api/v2 REST requests answer `httpStatus` (as a proxy in front of GWS
   * would); `applied`: only after GWS has carried an operation out and published it (a
   * gateway timing out on a slow GWS), so the client cannot know it was saved.
   */
  readonly httpFailures: { readonly remaining: number; readonly httpStatus: number; readonly applied: boolean } | null;
  /** The next `remaining` chat operations answer `statusCode` and change nothing. */
  readonly operationFailures: { readonly remaining: number; readonly statusCode: number } | null;
  readonly latencyMs: number;
  readonly dropNotifications: boolean;
  /** The next `refuseLater` chat operations are accepted, then refused by the contact center: an `Error` notification with their referenceId, nothing changed. */
  readonly refuseLater: number;
  /** Chat operations answer a bare `{"statusCode":0}`, no referenceId, as the documentation's userData samples show (contract.md §1.3). */
  readonly bareReplies: boolean;
  /** The Bayeux POSTs need the CSRF token too, as a GWS whose CSRF filter covers every POST would (contract.md §3). */
  readonly csrfNotifications: boolean;
};

export type FaultRequest = {
  readonly failNext?: number;
  readonly httpStatus?: number;
  readonly applied?: boolean;
  readonly statusCode?: number;
  readonly latencyMs?: number;
  readonly dropNotifications?: boolean;
  readonly refuseLater?: number;
  readonly bareReplies?: boolean;
  readonly csrfNotifications?: boolean;
  readonly rotateCsrfToken?: boolean;
  readonly disconnectNotifications?: boolean;
  /** Cut the notification endpoint for this many ms (a laptop asleep, a network drop). */
  readonly notificationsDownMs?: number;
};

const NO_FAULTS: FaultSettings = { httpFailures: null, operationFailures: null, latencyMs: 0, dropNotifications: false, refuseLater: 0, bareReplies: false, csrfNotifications: false };
const KNOWN_FIELDS = [
  'failNext', 'httpStatus', 'applied', 'statusCode', 'latencyMs', 'dropNotifications', 'refuseLater', 'bareReplies',
  'csrfNotifications', 'rotateCsrfToken', 'disconnectNotifications', 'notificationsDownMs',
];

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function parseFaultRequest(body: JsonValue): Parsed<FaultRequest> {
  if (!isJsonObject(body)) return { ok: false, error: `expected a JSON object, got ${describeJson(body)}` };
  const unknown = Object.keys(body).filter((key) => !KNOWN_FIELDS.includes(key));
  if (unknown.length > 0) return { ok: false, error: `unknown fault field(s): ${unknown.join(', ')}; known: ${KNOWN_FIELDS.join(', ')}` };

  // Every field is checked, and all problems are reported at once.
  const errors: string[] = [];
  const integerIn = (name: string, min: number, max: number): number | undefined => {
    const value = ownField(body, name);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    errors.push(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return undefined;
  };
  const flag = (name: string): boolean | undefined => {
    const value = ownField(body, name);
    if (value === undefined || typeof value === 'boolean') return value;
    errors.push(`${name} must be true or false, got ${describeJson(value)}`);
    return undefined;
  };
  const request: FaultRequest = {
    failNext: integerIn('failNext', 0, 1_000_000),
    httpStatus: integerIn('httpStatus', 400, 599),
    applied: flag('applied'),
    statusCode: integerIn('statusCode', 1, 20),
    latencyMs: integerIn('latencyMs', 0, 120_000),
    dropNotifications: flag('dropNotifications'),
    refuseLater: integerIn('refuseLater', 0, 1_000_000),
    bareReplies: flag('bareReplies'),
    csrfNotifications: flag('csrfNotifications'),
    rotateCsrfToken: flag('rotateCsrfToken'),
    disconnectNotifications: flag('disconnectNotifications'),
    notificationsDownMs: integerIn('notificationsDownMs', 0, 600_000),
  };
  const failKind = ownField(body, 'httpStatus') !== undefined || ownField(body, 'statusCode') !== undefined;
  if (request.failNext !== undefined && request.failNext > 0 && !failKind) {
    errors.push('failNext needs httpStatus (e.g. 500) or statusCode (e.g. 4)');
  }
  if (request.applied !== undefined && ownField(body, 'httpStatus') === undefined) errors.push('applied needs failNext and httpStatus');
  if (failKind && ownField(body, 'failNext') === undefined) {
    errors.push('httpStatus and statusCode need failNext (how many requests fail)');
  }
  return errors.length > 0 ? { ok: false, error: errors.join('; ') } : { ok: true, value: request };
}

export class Faults {
  #settings: FaultSettings = NO_FAULTS;

  get settings(): FaultSettings {
    return this.#settings;
  }

  reset(): void {
    this.#settings = NO_FAULTS;
  }

  /** Applies the persistent part of a request; one-shot actions (CSRF, Bayeux) are the caller's. */
  apply(request: FaultRequest): void {
    let next = this.#settings;
    const count = request.failNext;
    if (count !== undefined) {
      // failNext alone (0) clears both kinds; with a kind it sets that kind only.
      if (request.httpStatus === undefined && request.statusCode === undefined) {
        next = { ...next, httpFailures: null, operationFailures: null };
      }
      if (request.httpStatus !== undefined) {
        next = { ...next, httpFailures: count > 0 ? { remaining: count, httpStatus: request.httpStatus, applied: request.applied ?? false } : null };
      }
      if (request.statusCode !== undefined) {
        next = { ...next, operationFailures: count > 0 ? { remaining: count, statusCode: request.statusCode } : null };
      }
    }
    if (request.latencyMs !== undefined) next = { ...next, latencyMs: request.latencyMs };
    if (request.dropNotifications !== undefined) next = { ...next, dropNotifications: request.dropNotifications };
    if (request.refuseLater !== undefined) next = { ...next, refuseLater: request.refuseLater };
    if (request.bareReplies !== undefined) next = { ...next, bareReplies: request.bareReplies };
    if (request.csrfNotifications !== undefined) next = { ...next, csrfNotifications: request.csrfNotifications };
    this.#settings = next;
  }

  /** Consumes one HTTP failure, if any is pending, and returns its status and whether GWS carries the request out first. */
  takeHttpFailure(): { readonly httpStatus: number; readonly applied: boolean } | null {
    const pending = this.#settings.httpFailures;
    if (!pending) return null;
    const remaining = pending.remaining - 1;
    this.#settings = { ...this.#settings, httpFailures: remaining > 0 ? { ...pending, remaining } : null };
    return { httpStatus: pending.httpStatus, applied: pending.applied };
  }

  /** Consumes one operation failure, if any is pending, and returns its statusCode. */
  takeOperationFailure(): number | null {
    const pending = this.#settings.operationFailures;
    if (!pending) return null;
    const remaining = pending.remaining - 1;
    this.#settings = { ...this.#settings, operationFailures: remaining > 0 ? { ...pending, remaining } : null };
    return pending.statusCode;
  }

  /** Consumes one refusal after acceptance, if any is pending. */
  takeRefusal(): boolean {
    if (this.#settings.refuseLater === 0) return false;
    this.#settings = { ...this.#settings, refuseLater: this.#settings.refuseLater - 1 };
    return true;
  }
}

export function faultSettingsJson(settings: FaultSettings): JsonObject {
  return {
    httpFailures: settings.httpFailures,
    operationFailures: settings.operationFailures,
    latencyMs: settings.latencyMs,
    dropNotifications: settings.dropNotifications,
    refuseLater: settings.refuseLater,
    bareReplies: settings.bareReplies,
    csrfNotifications: settings.csrfNotifications,
  };
}
