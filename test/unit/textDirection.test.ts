// The editor's direction for a long value: Chromium's dir="auto" over a textarea of a
// million characters froze the tab for seconds at opening and at every keystroke, so past
// AUTO_UP_TO the first letter decides (src/caseData/textDirection.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUTO_UP_TO, textDirection } from '../../src/caseData/textDirection';

const long = (start: string) => start + ' x'.repeat(AUTO_UP_TO);

describe('textDirection', () => {
  it('leaves a value up to the limit to the browser', () => {
    expect(textDirection('')).toBe('auto');
    expect(textDirection('שלום'.padEnd(AUTO_UP_TO, '.'))).toBe('auto');
  });

  it('takes the first letter past it: Hebrew, Arabic and Thaana right to left, Latin, Greek and Chinese left to right', () => {
    expect(textDirection(long('שלום'))).toBe('rtl');
    expect(textDirection(long('مرحبا'))).toBe('rtl');
    expect(textDirection(long('ދިވެހި'))).toBe('rtl');
    expect(textDirection(long('hello שלום'))).toBe('ltr');
    expect(textDirection(long('Καλημέρα'))).toBe('ltr');
    expect(textDirection(long('你好'))).toBe('ltr');
  });

  it('skips what has no direction of its own (digits, punctuation, spaces) to find that letter', () => {
    expect(textDirection(long('123, (45) — مرحبا'))).toBe('rtl');
    expect(textDirection(long('٤٢ — hello'))).toBe('ltr');
    // No letter at all: left to right, as HTML's rule has it.
    expect(textDirection('1234567890 '.repeat(AUTO_UP_TO))).toBe('ltr');
  });

  it('agrees with the first letter for any long text', () => {
    const letter = fc.constantFrom('a', 'Z', 'é', 'ж', 'ש', 'ع', '中');
    const neutral = fc.constantFrom(' ', '1', '٣', '-', '(', '\n', '“');
    fc.assert(
      fc.property(fc.array(neutral, { maxLength: 5 }), letter, fc.array(fc.oneof(letter, neutral), { maxLength: 5 }), (before, first, after) => {
        const text = [...before, first, ...after].join('').padEnd(AUTO_UP_TO + 1, ' ');
        expect(textDirection(text)).toBe(first === 'ש' || first === 'ع' ? 'rtl' : 'ltr');
      }),
    );
  });
});
