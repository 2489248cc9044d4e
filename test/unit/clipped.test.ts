// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipped } from '../../src/shared/clipped';
import { quotedText } from '../../src/caseData/userDataValues';
import { clip } from '../../src/embed/hostMessages';
import { translateEnglish } from '../../src/i18n';
import { clipText } from '../../src/gws/errors';
import { summarize } from '../../src/gws/http/errorBody';

const LONE_HALF = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('a text cut short', () => {
  it('keeps a text within the limit whole, and marks one cut', () => {
    expect(clipped('abc', 3)).toBe('abc');
    expect(clipped('abcd', 3)).toBe('ab…');
  });

  it('never cuts between the two halves of a character outside the BMP (a lone half shows as "�")', () => {
    // Before (review): "aaa…" with the emoji's first half, in every quote of a value and echo to the host.
    expect(clipped(`${'a'.repeat(79)}😀 and more`, 81)).toBe(`${'a'.repeat(79)}…`);
    expect(quotedText(`${'a'.repeat(79)}😀 and more`, translateEnglish)).toBe(`${'a'.repeat(79)}…`);
    expect(clip(`${'a'.repeat(99)}𝄞 and more`)).toBe(`${'a'.repeat(99)}…`);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 2, max: 40 }), (text, limit) => {
        const cut = clipped(text, limit);
        // Well-formed (no lone surrogate), a prefix of the text, at most the limit and its mark.
        expect(cut).not.toMatch(LONE_HALF);
        expect(text.startsWith(cut.replace(/…$/, ''))).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(limit);
      }),
    );
  });

  it('keeps a text of exactly the limit whole: a server text of 500, a body summed up in 120 (review: they lost their last character)', () => {
    expect(clipText('x'.repeat(500))).toBe('x'.repeat(500));
    expect(clipText('x'.repeat(501))).toHaveLength(500);
    expect(summarize('y'.repeat(120), 'fallback')).toBe('y'.repeat(120));
    expect(summarize('y'.repeat(121), 'fallback')).toBe(`${'y'.repeat(119)}…`);
  });
});
