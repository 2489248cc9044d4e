// How a userData value is shown and edited. The type of an existing value is kept:
// GWS routing strategies compare numbers as numbers, so `123` must go back as 123.

import type { UserDataValue } from '../gws';
import { translateEnglish, type Translate } from '../i18n';
import { clipped } from '../shared/clipped';
import { valueText } from '../store';
import type { FieldRule } from './caseDataConfig';

export type ValueKind = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'null' | 'json';

export function valueKind(value: UserDataValue): ValueKind {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      // JSON cannot tell 100 from 100.0: a number's own kind takes every number, so typing
      // ".50" after 100 means 100.5. Whole numbers only is the configuration's to say.
      return 'decimal';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/**
 * The kind a cell is edited as: the value's own type, except that an empty value takes
 * the configured type, a text configured as a date gets a date picker and a whole number
 * configured as an integer is edited as one.
 */
export function effectiveKind(value: UserDataValue | undefined, rule: FieldRule): ValueKind {
  const own = value === undefined ? 'null' : valueKind(value);
  if (own === 'null') return rule.type ?? 'null';
  if (own === 'string' && rule.type === 'date') return 'date';
  // A fraction the server holds in a configured integer stays editable as it is, not refused.
  if (rule.type === 'integer' && Number.isInteger(value)) return 'integer';
  return own;
}

export type EditorKind = 'text' | 'multiline' | 'number' | 'checkbox' | 'select' | 'date';

/** Values longer than this, or with line breaks, get the multi-line editor. */
export const LONG_TEXT = 120;

export function editorKind(kind: ValueKind, rule: FieldRule, text: string): EditorKind {
  if (rule.options) return 'select';
  switch (kind) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'boolean':
      return 'checkbox';
    case 'date':
      return 'date';
    default:
      // A lone CR too (old Mac line ends): a one-line field drops it, gluing the lines (review).
      return text.length > LONG_TEXT || /[\n\r]/.test(text) ? 'multiline' : 'text';
  }
}

/** Text for display and for the editor's starting value (the store's, which compares drafts by it). */
export const formatValue = valueText;

/** A value a sentence quotes is cut to this many characters. */
const QUOTED_CHARS = 80;
/**
 * A value's text as a sentence quotes it (another party's change, a conflict): cut, and
 * "(empty)" for none. A reason quoting a 10 kB value whole was shown, described at every
 * focus and said (review).
 */
export const quotedText = (text: string, t: Translate) => clipped(text, QUOTED_CHARS + 1) || t('caseData.emptyValue');

type DraftCheck = { readonly ok: true; readonly value: UserDataValue } | { readonly ok: false; readonly reason: string };

const INTEGER_TEXT = /^[+-]?\d+$/;
// Each digit matched one way only: `\d*\.?\d*` split a run of digits every way there is before
// refusing the letter after it, 40,000 pasted digits freezing the panel for seconds (review).
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER_TYPING = /^[+-]?\d*$/;
const DECIMAL_TYPING = /^[+-]?\d*(\.\d*)?$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Arabic-Indic digits (both sets) and the Arabic decimal separator, as an Arabic keyboard types them: the digits they are. */
export const latinDigits = (text: string) => text.replace(/[٠-٩۰-۹]/g, (digit) => String(digit.charCodeAt(0) & 15)).replace('٫', '.');

// Reasons are worded by the `t` passed in: the grid passes its locale's, and the English
// default serves callers without one (tests, scripts), whose texts stay as they always were.

/**
 * Whether a keystroke may change the editor's text to `next`. Letters in a number field
 * are refused as they are typed, rather than surprising the agent at Enter. Arabic digits
 * stay as typed in the editor (rewritten, the caret would jump); they are read as a number.
 */
export function acceptsTyping(kind: ValueKind, next: string, t: Translate = translateEnglish): DraftCheck {
  if (kind === 'integer' && !INTEGER_TYPING.test(latinDigits(next))) return { ok: false, reason: t('caseData.reason.typingInteger') };
  if (kind === 'decimal' && !DECIMAL_TYPING.test(latinDigits(next))) return { ok: false, reason: t('caseData.reason.typingDecimal') };
  return { ok: true, value: next };
}

function isRealDate(text: string): boolean {
  const match = DATE_TEXT.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The value a text stands for, in the type of the value it edits (typing, paste and add use this). */
export function textToValue(kind: ValueKind, text: string, t: Translate = translateEnglish): DraftCheck {
  switch (kind) {
    case 'integer': {
      const trimmed = latinDigits(text.trim());
      if (!INTEGER_TEXT.test(trimmed)) return { ok: false, reason: t('caseData.reason.integer') };
      const value = Number(trimmed);
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, reason: t('caseData.reason.tooLarge') };
    }
    case 'decimal': {
      const trimmed = latinDigits(text.trim());
      if (!DECIMAL_TEXT.test(trimmed)) return { ok: false, reason: t('caseData.reason.decimal') };
      // Past this, digits are rounded off (and 400 of them save as null): not the number typed.
      const value = Number(trimmed);
      return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? { ok: true, value } : { ok: false, reason: t('caseData.reason.tooLarge') };
    }
    case 'boolean': {
      const lowered = text.trim().toLowerCase();
      if (lowered === 'true' || lowered === 'false') return { ok: true, value: lowered === 'true' };
      return { ok: false, reason: t('caseData.reason.boolean') };
    }
    case 'date':
      return text === '' || isRealDate(text.trim()) ? { ok: true, value: text.trim() } : { ok: false, reason: t('caseData.reason.date') };
    case 'null':
      // An empty, never-set value stays null until the agent types something.
      return { ok: true, value: text === '' ? null : text };
    case 'json':
      return { ok: false, reason: t('caseData.reason.structured') };
    case 'string':
      return { ok: true, value: text };
  }
}
