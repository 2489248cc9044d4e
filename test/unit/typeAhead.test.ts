import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeAheadMatch } from '../../src/shared/typeAhead';

// The Arabic panel's options, as the chat picker words them: a right-to-left mark, then each value isolated.
const arabic = (name: string, chatId: string) => `\u200f\u2068${name}\u2069 · \u2068يتحدث\u2069 · \u2068${chatId}\u2069`;

describe('the chat picker’s type-ahead', () => {
  it('finds a name past the marks and isolates the option begins with (before: nothing, exploratory test)', () => {
    const labels = [arabic('maria.gonzalez', 'A'), arabic('rosa', 'B'), arabic('مريم', 'C')];
    expect(typeAheadMatch(labels, 0, 'ros')).toBe(1);
    expect(typeAheadMatch(labels, 0, 'م')).toBe(2);
    expect(typeAheadMatch(labels, 1, 'MARIA')).toBe(0);
  });

  it('goes round the options that begin with one letter pressed again and again', () => {
    const labels = ['k.tanaka · Chatting', 'j.doe · Chatting', 'kim · Chatting', 'ken · Chatting'];
    expect(typeAheadMatch(labels, 0, 'k')).toBe(2);
    expect(typeAheadMatch(labels, 2, 'kk')).toBe(3);
    expect(typeAheadMatch(labels, 3, 'kkk')).toBe(0);
    // More than one letter: from the option selected on, which may itself be the one.
    expect(typeAheadMatch(labels, 2, 'ki')).toBe(2);
    expect(typeAheadMatch(labels, 3, 'ki')).toBe(2);
  });

  it('finds nothing for words no option begins with, nor in an empty list', () => {
    expect(typeAheadMatch(['rosa', 'maria'], 0, 'x')).toBe(-1);
    expect(typeAheadMatch(['rosa'], 0, 'osa')).toBe(-1);
    expect(typeAheadMatch([], -1, 'r')).toBe(-1);
  });

  it('finds an option exactly when the words it shows begin with what was typed, whatever marks they are drawn with', () => {
    // Each label is built from the words it shows and marks around them: the expected option is worked out from the words alone.
    const mark = fc.constantFrom('', '\u061c', '\u200e', '\u200f', '\u2066', '\u2067', '\u2068', '\u202e', '\u2069');
    const option = fc.record({ before: mark, words: fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'b', 'م', 'ر') }), after: mark });
    fc.assert(
      fc.property(fc.array(option, { minLength: 1, maxLength: 8 }), fc.nat(), fc.string({ minLength: 2, maxLength: 3, unit: fc.constantFrom('a', 'b', 'م') }), (options, at, typed) => {
        const current = at % options.length;
        const found = typeAheadMatch(options.map(({ before, words, after }) => before + words + after), current, typed);
        // One letter again and again: the next option after the selected one that begins with it; else the first from the selected one on.
        const repeated = [...typed].every((character) => character === typed[0]);
        const prefix = repeated ? typed.slice(0, 1) : typed;
        const order = options.map((_, step) => (current + (repeated ? 1 : 0) + step) % options.length);
        expect(found).toBe(order.find((index) => options[index]?.words.startsWith(prefix)) ?? -1);
      }),
    );
  });

  it('finds an option past the Arabic letter mark too', () => {
    expect(typeAheadMatch(['\u061cمريم', 'rosa'], 1, 'مر')).toBe(0);
  });
});
