// How GWS's statusCodes and an error's own words read (i18n/gwsErrors.ts, the English
// catalogue's statusCode texts). Apart from errors.ts: only the error wording, which loads
// after the first paint, needs them, and a module the first paint imports is shipped whole
// with it (these were 0.2 kB of it).

import type { GwsError } from './errors';

/**
 * Documented GWS statusCode meanings (Return Values page), in English: the words GWS's own
 * messages start with, and the English catalogue's texts for them (one copy of each).
 */
export const STATUS_CODE_MEANINGS = {
  1: 'Required parameter missing',
  2: 'Not valid in the current state',
  3: 'Operation forbidden',
  4: 'Internal error',
  5: 'No permission',
  6: 'Not found',
  7: 'Partial success',
  20: 'Not authenticated',
} as const satisfies Readonly<Record<number, string>>;

/** The meaning GWS documents for a statusCode, in English, or undefined for an undocumented one. */
function statusCodeMeaning(statusCode: number): string | undefined {
  return Object.hasOwn(STATUS_CODE_MEANINGS, statusCode) ? STATUS_CODE_MEANINGS[statusCode as keyof typeof STATUS_CODE_MEANINGS] : undefined;
}

/**
 * What the server said beyond the status itself. Shared with the translated description
 * (i18n/gwsErrors.ts), so both trim the server's repetition of the status the same way.
 */
export function serverDetail(error: Extract<GwsError, { kind: 'http' | 'status-code' }>): string {
  if (error.kind === 'http') {
    // "HTTP 502: 502 Bad Gateway" says the status twice; the page's text alone is enough then.
    return error.message.replace(new RegExp(`^${error.status}\\b\\s*`), '');
  }
  // GWS sends English status messages that often start with the documented meaning.
  const meaning = statusCodeMeaning(error.statusCode) ?? 'Error';
  return error.statusMessage.toLowerCase().startsWith(meaning.toLowerCase())
    ? error.statusMessage.slice(meaning.length).replace(/^[\s:.-]+/, '')
    : error.statusMessage;
}
