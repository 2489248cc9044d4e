// A GWS error as the agent reads it, in the panel's language (a chunk of its own for the grid:
// caseData/validation.ts; with its English texts); in English (translateEnglish)
// as the host contract's saveFailed carries it. gws/ stays free of i18n: it holds the
// error as a value, and the facts that wording needs (statusCode meanings, the server's detail).

import type { GwsError } from '../gws/errors';
import { serverDetail } from '../gws/statusCodes';
import { formatIssues } from '../shared/schema';
import type { MessageKey } from './messages/en';
import { enGwsErrors } from './messages/enGwsErrors';
import { addEnglish, isMessageKey, type Translate } from './translate';

addEnglish(enGwsErrors);

type StatusKey = Extract<MessageKey, `gwsError.status.${string}`>;

/** A documented statusCode's meaning (the catalogue has a text for each), or "Error". */
function meaningOf(t: Translate, statusCode: number): string {
  const key = `gwsError.status.${statusCode}`;
  return t(isMessageKey(key) ? (key as StatusKey) : 'gwsError.status.unknown');
}

/**
 * Numbers go in as text: a status or a code is an identifier, and "HTTP 1,000" or a
 * grouped timeout would no longer match the English description the tests pin down.
 */
export function translateGwsError(t: Translate, error: GwsError): string {
  switch (error.kind) {
    case 'network':
      return t('gwsError.network', { message: error.message });
    case 'timeout':
      return t('gwsError.timeout', { seconds: String(Math.round(error.afterMs / 1000)) });
    case 'http': {
      const status = String(error.status);
      // Not a server error: the server (or a proxy) asks for fewer requests (bad-input test).
      if (error.status === 429) return t('gwsError.busy', { status });
      const message = serverDetail(error);
      return message ? t('gwsError.http', { status, message }) : t('gwsError.httpBare', { status });
    }
    case 'status-code': {
      const meaning = meaningOf(t, error.statusCode);
      const message = serverDetail(error);
      const code = String(error.statusCode);
      return message ? t('gwsError.statusCode', { meaning, code, message }) : t('gwsError.statusCodeBare', { meaning, code });
    }
    case 'invalid-payload':
      return error.issues.length
        ? t('gwsError.invalidPayloadIssues', { message: error.message, issues: formatIssues(error.issues, 3) })
        : t('gwsError.invalidPayload', { message: error.message });
    case 'session-expired':
      return t('gwsError.sessionExpired', { message: error.message });
    case 'csrf':
      return t('gwsError.csrf', { message: error.message });
    case 'refused-later':
      return t(error.unlinked ? 'gwsError.refusedInChat' : 'gwsError.refusedLater', { message: error.message });
    case 'not-shown':
      return t('gwsError.notShown');
    case 'unexpected':
      return t('gwsError.unexpected', { message: error.message });
  }
}
