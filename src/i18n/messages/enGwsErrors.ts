// How GWS's errors read (i18n/gwsErrors.ts, a chunk fetched after the first paint and with
// the writer: no write can have failed before). Keys and placeholders work as in en.ts.

import { STATUS_CODE_MEANINGS } from '../../gws/statusCodes';

export const enGwsErrors = {
  // GWS errors as the agent reads them (i18n/gwsErrors.ts); the English texts are also what
  // a host reads in saveFailed.
  // {message}, {issues} are the server's or the wire layer's own words, never translated.
  'gwsError.network': 'Cannot reach the server: {message}',
  'gwsError.timeout': 'The server did not answer within {seconds} s',
  'gwsError.http': 'Server error HTTP {status}: {message}',
  'gwsError.httpBare': 'Server error HTTP {status}',
  'gwsError.busy': 'The server is busy (HTTP {status}): too many requests',
  'gwsError.statusCode': '{meaning} (statusCode {code}): {message}',
  'gwsError.statusCodeBare': '{meaning} (statusCode {code})',
  'gwsError.invalidPayload': 'Unexpected answer from the server: {message}',
  'gwsError.invalidPayloadIssues': 'Unexpected answer from the server: {message} ({issues})',
  'gwsError.sessionExpired': 'Session expired: {message}',
  'gwsError.csrf': 'Request refused by CSRF protection: {message}',
  'gwsError.refusedLater': 'Accepted, then refused by the contact center: {message}',
  // An Error notification naming no request: about one of the chat's writes, which one unknown.
  'gwsError.refusedInChat': 'Accepted, then the contact center reported an operation in this chat failed, without saying which: {message}',
  'gwsError.notShown': 'Accepted, and the chat read again after it does not show it',
  'gwsError.unexpected': 'Error in the panel: {message}',
  // The statusCode meanings GWS documents, worded as gws/ holds them to read GWS's messages.
  'gwsError.status.1': STATUS_CODE_MEANINGS[1],
  'gwsError.status.2': STATUS_CODE_MEANINGS[2],
  'gwsError.status.3': STATUS_CODE_MEANINGS[3],
  'gwsError.status.4': STATUS_CODE_MEANINGS[4],
  'gwsError.status.5': STATUS_CODE_MEANINGS[5],
  'gwsError.status.6': STATUS_CODE_MEANINGS[6],
  'gwsError.status.7': STATUS_CODE_MEANINGS[7],
  'gwsError.status.20': STATUS_CODE_MEANINGS[20],
  'gwsError.status.unknown': 'Error',
} as const;
