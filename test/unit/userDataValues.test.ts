// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsTyping, editorKind, effectiveKind, textToValue, formatValue, valueKind } from '../../src/caseData/userDataValues';
import { nextPosition, startsTypedEdit } from '../../src/caseData/gridKeyboard';
import type { FieldRule } from '../../src/caseData/caseDataConfig';

const unconfigured: FieldRule = { readOnly: false, hidden: false };
const configuredInteger: FieldRule = { readOnly: false, hidden: false, type: 'integer' };

describe('userData values keep their type', () => {
  it('classifies values', () => {
    // JSON has one kind of number: 987654321 could as well be 987654321.0.
    expect([987654321, 1.5, 'x', true, null, { a: 1 }, [1]].map(valueKind)).toEqual(['decimal', 'decimal', 'string', 'boolean', 'null', 'json', 'json']);
  });

  it('round-trips any safe integer and any string through the editor text', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(textToValue('integer', formatValue(n))).toEqual({ ok: true, value: n });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(textToValue('string', formatValue(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('refuses non-digits typed into a whole number, with a reason', () => {
    expect(acceptsTyping('integer', '12a')).toEqual({ ok: false, reason: 'This value is a whole number: only digits are allowed.' });
    expect(acceptsTyping('integer', '-12').ok).toBe(true);
    expect(acceptsTyping('decimal', '1.2.3').ok).toBe(false);
    expect(acceptsTyping('string', 'anything <b>').ok).toBe(true);
  });

  it('reads Arabic-Indic digits and the Arabic decimal separator in a number as the digits they are', () => {
    // Typed, they stay as typed (rewritten, the caret would jump), and are read as a number.
    expect(acceptsTyping('integer', '١٢٣')).toEqual({ ok: true, value: '١٢٣' });
    expect(acceptsTyping('decimal', '١٫٢٫٣').ok).toBe(false);
    expect(textToValue('integer', '١٢٣')).toEqual({ ok: true, value: 123 });
    expect(textToValue('integer', ' ۴۵۶ ')).toEqual({ ok: true, value: 456 });
    expect(textToValue('decimal', '٠٫٥')).toEqual({ ok: true, value: 0.5 });
    expect(textToValue('string', '١٢٣')).toEqual({ ok: true, value: '١٢٣' });
  });

  it('refuses committing an unfinished number', () => {
    expect(textToValue('integer', '-').ok).toBe(false);
    expect(textToValue('integer', '').ok).toBe(false);
    expect(textToValue('integer', '99999999999999999999')).toEqual({ ok: false, reason: 'This number is too large.' });
  });

  it('refuses a decimal that would not be saved as typed: rounded off, or made null by JSON', () => {
    expect(textToValue('decimal', '99999999999999999999')).toEqual({ ok: false, reason: 'This number is too large.' });
    expect(textToValue('decimal', `1${'0'.repeat(400)}`)).toEqual({ ok: false, reason: 'This number is too large.' });
    expect(textToValue('decimal', '-9007199254740991')).toEqual({ ok: true, value: -9007199254740991 });
  });

  it('keeps null until something is typed', () => {
    expect(textToValue('null', '')).toEqual({ ok: true, value: null });
    expect(textToValue('null', 'x')).toEqual({ ok: true, value: 'x' });
  });
});

describe('a number is saved as the number the agent typed', () => {
  it('takes a fraction typed after an unconfigured whole number, keystroke by keystroke (100 then ".50" is 100.5)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.stringMatching(/^\d{1,6}$/), (whole, fraction) => {
        const kind = effectiveKind(whole, unconfigured);
        const start = formatValue(whole);
        const text = `${start}.${fraction}`;
        for (let end = start.length + 1; end <= text.length; end += 1) expect(acceptsTyping(kind, text.slice(0, end)).ok).toBe(true);
        expect(textToValue(kind, text)).toEqual({ ok: true, value: Number(text) });
      }),
    );
  });

  it('edits a whole number as one only where configured, and a fraction the server holds as it is', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(effectiveKind(n, configuredInteger)).toBe('integer');
        expect(effectiveKind(n, unconfigured)).toBe('decimal');
        // Unchanged, it goes back as the same number either way.
        expect(textToValue(effectiveKind(n, unconfigured), formatValue(n))).toEqual({ ok: true, value: n });
      }),
    );
    expect(effectiveKind(2.5, configuredInteger)).toBe('decimal');
    expect(effectiveKind(undefined, configuredInteger)).toBe('integer');
    expect(effectiveKind('12', configuredInteger)).toBe('string');
  });
});

describe('the editor a text opens in', () => {
  it('is the multi-line one for a line break of any kind: a one-line field drops a lone CR, gluing the lines', () => {
    const plain: FieldRule = { readOnly: false, hidden: false };
    expect(editorKind('string', plain, 'one line')).toBe('text');
    expect(editorKind('string', plain, 'a\nb')).toBe('multiline');
    expect(editorKind('string', plain, 'a\r\nb')).toBe('multiline');
    // Before (review): "a\rb" opened in a one-line field, which showed and saved "ab".
    expect(editorKind('string', plain, 'a\rb')).toBe('multiline');
    expect(editorKind('string', plain, 'x'.repeat(121))).toBe('multiline');
  });
});

describe('grid keys', () => {
  it('moves within bounds', () => {
    expect(nextPosition('ArrowUp', false, { row: 0, col: 1 }, 5)).toEqual({ row: 0, col: 1 });
    expect(nextPosition('ArrowDown', false, { row: 4, col: 1 }, 5)).toEqual({ row: 4, col: 1 });
    expect(nextPosition('PageDown', false, { row: 0, col: 0 }, 25)).toEqual({ row: 10, col: 0 });
    expect(nextPosition('End', true, { row: 0, col: 0 }, 25)).toEqual({ row: 24, col: 1 });
    expect(nextPosition('Home', false, { row: 3, col: 1 }, 25)).toEqual({ row: 3, col: 0 });
    expect(nextPosition('x', false, { row: 3, col: 1 }, 25)).toBeNull();
  });

  it('starts a typed edit only for printable keys without modifiers', () => {
    expect(startsTypedEdit('a', false, false, false)).toBe(true);
    expect(startsTypedEdit('c', true, false, false)).toBe(false);
    expect(startsTypedEdit('Enter', false, false, false)).toBe(false);
    // AltGr (Ctrl+Alt on Windows) types a character; Alt alone is a menu key (review).
    expect(startsTypedEdit('Ł', true, false, true)).toBe(true);
    expect(startsTypedEdit('x', false, false, true)).toBe(false);
  });
});
