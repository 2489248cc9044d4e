// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { gridCommand, nextPosition } from '../../src/caseData/gridKeyboard';

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

describe('gridCommand', () => {
  const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    altKey: mods.alt ?? false,
    shiftKey: mods.shift ?? false,
  });

  it('maps undo and redo with Ctrl or Cmd, whatever the letter case', () => {
    expect(gridCommand(press('z', { ctrl: true }), 1, false)).toBe('undo');
    expect(gridCommand(press('Z', { meta: true, shift: true }), 1, false)).toBe('redo');
    expect(gridCommand(press('y', { ctrl: true }), 0, false)).toBe('redo');
    expect(gridCommand(press('c', { meta: true }), 0, false)).toBe('copy');
    expect(gridCommand(press('v', { ctrl: true }), 1, false)).toBe('paste');
  });

  it('edits from the value column only; Enter or F2 on a key goes to its value, as the README says', () => {
    expect(gridCommand(press('Enter'), 1, false)).toBe('edit');
    expect(gridCommand(press('F2'), 1, false)).toBe('edit');
    expect(gridCommand(press('Enter'), 0, false)).toBe('to-value');
    expect(gridCommand(press('F2'), 0, false)).toBe('to-value');
    expect(gridCommand(press('a'), 1, false)).toBe('type');
    expect(gridCommand(press('a'), 0, false)).toBeNull();
    expect(gridCommand(press('a', { alt: true }), 1, false)).toBeNull();
  });

  it('discards with Escape only a refused or overtaken value', () => {
    expect(gridCommand(press('Escape'), 1, true)).toBe('discard');
    expect(gridCommand(press('Escape'), 1, false)).toBeNull();
    expect(gridCommand(press('Delete'), 0, true)).toBe('delete');
  });
});
