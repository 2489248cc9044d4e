// How a userData value is shown and edited. The type of an existing value is kept:
// GWS routing strategies compare numbers as numbers, so `123` must go back as 123.

import type { UserDataValue } from '../gws';

export type ValueKind = 'string' | 'integer' | 'decimal' | 'boolean' | 'null' | 'json';

export function valueKind(value: UserDataValue): ValueKind {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'decimal';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** Text for display and for the editor's starting value; always plain text, never markup. */
export function formatValue(value: UserDataValue): string {
  switch (valueKind(value)) {
    case 'null':
      return '';
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

export type DraftCheck = { readonly ok: true; readonly value: UserDataValue } | { readonly ok: false; readonly reason: string };

const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const INTEGER_TYPING = /^[+-]?\d*$/;
const DECIMAL_TYPING = /^[+-]?\d*\.?\d*$/;

export const isNumberKind = (kind: ValueKind) => kind === 'integer' || kind === 'decimal';

/**
 * Whether a keystroke may change the editor's text to `next`. Letters in a number field
 * are refused as they are typed, rather than surprising the agent at Enter.
 */
export function acceptsTyping(kind: ValueKind, next: string): DraftCheck {
  if (kind === 'integer' && !INTEGER_TYPING.test(next)) return { ok: false, reason: 'This value is a whole number: only digits are allowed.' };
  if (kind === 'decimal' && !DECIMAL_TYPING.test(next)) return { ok: false, reason: 'This value is a number: only digits and one decimal point are allowed.' };
  return { ok: true, value: next };
}

/** The value an editor's text stands for, in the type of the value it edits. */
export function draftToValue(kind: ValueKind, text: string): DraftCheck {
  switch (kind) {
    case 'integer': {
      if (!INTEGER_TEXT.test(text)) return { ok: false, reason: 'Enter a whole number.' };
      const value = Number(text);
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, reason: 'This number is too large.' };
    }
    case 'decimal':
      return DECIMAL_TEXT.test(text) ? { ok: true, value: Number(text) } : { ok: false, reason: 'Enter a number.' };
    case 'boolean':
      return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false, reason: 'Choose true or false.' };
    case 'null':
      // An empty, never-set value stays null until the agent types something.
      return { ok: true, value: text === '' ? null : text };
    case 'json':
      return { ok: false, reason: 'Structured values are read-only here.' };
    case 'string':
      return { ok: true, value: text };
  }
}
