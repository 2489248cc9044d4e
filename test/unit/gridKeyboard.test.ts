// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nextPosition } from '../../src/caseData/gridKeyboard';

describe('nextPosition right to left', () => {
  const from = { row: 3, col: 1 } as const;

  it('swaps Left and Right: the key column is laid out on the right', () => {
    expect(nextPosition('ArrowRight', false, from, 10, 'rtl')).toEqual({ row: 3, col: 0 });
    expect(nextPosition('ArrowLeft', false, { row: 3, col: 0 }, 10, 'rtl')).toEqual({ row: 3, col: 1 });
    // At the edge an arrow stays put, as left to right.
    expect(nextPosition('ArrowLeft', false, from, 10, 'rtl')).toEqual(from);
    expect(nextPosition('ArrowRight', false, { row: 3, col: 0 }, 10, 'rtl')).toEqual({ row: 3, col: 0 });
  });

  it('keeps Home/End logical and Up/Down/PageUp/PageDown unchanged', () => {
    expect(nextPosition('Home', false, from, 10, 'rtl')).toEqual({ row: 3, col: 0 });
    expect(nextPosition('End', false, { row: 3, col: 0 }, 10, 'rtl')).toEqual({ row: 3, col: 1 });
    expect(nextPosition('Home', true, from, 10, 'rtl')).toEqual({ row: 0, col: 0 });
    expect(nextPosition('End', true, { row: 0, col: 0 }, 10, 'rtl')).toEqual({ row: 9, col: 1 });
    expect(nextPosition('ArrowDown', false, from, 10, 'rtl')).toEqual({ row: 4, col: 1 });
    expect(nextPosition('PageUp', false, from, 10, 'rtl')).toEqual({ row: 0, col: 1 });
  });

  it('is left to right unless told otherwise', () => {
    expect(nextPosition('ArrowLeft', false, from, 10)).toEqual({ row: 3, col: 0 });
    expect(nextPosition('ArrowRight', false, { row: 3, col: 0 }, 10, 'ltr')).toEqual({ row: 3, col: 1 });
  });
});
