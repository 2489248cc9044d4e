// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsTyping, textToValue, formatValue, valueKind } from '../../src/caseData/userDataValues';
import { nextPosition, startsTypedEdit } from '../../src/caseData/gridKeyboard';

describe('userData values keep their type', () => {
  it('classifies values', () => {
    expect([987654321, 1.5, 'x', true, null, { a: 1 }, [1]].map(valueKind)).toEqual(['integer', 'decimal', 'string', 'boolean', 'null', 'json', 'json']);
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

  it('refuses committing an unfinished number', () => {
    expect(textToValue('integer', '-').ok).toBe(false);
    expect(textToValue('integer', '').ok).toBe(false);
    expect(textToValue('integer', '99999999999999999999')).toEqual({ ok: false, reason: 'This number is too large.' });
  });

  it('keeps null until something is typed', () => {
    expect(textToValue('null', '')).toEqual({ ok: true, value: null });
    expect(textToValue('null', 'x')).toEqual({ ok: true, value: 'x' });
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
  });
});
