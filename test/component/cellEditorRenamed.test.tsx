// An editor reopened on another party's value takes over the place of the one it replaces,
// found by its label: also when the label changed while it was open (a locale switch, or the
// catalogue arriving after the editor opened). Before (lint review): the closing editor gave
// its label as of its mount, the reopened one found nothing, and the caret went to the end.
import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { CellEditor } from '../../src/caseData/CellEditor';

const props = { editor: 'text', kind: 'string', onDraft: () => {}, onCommit: () => null, onCancel: () => {} } as const;

it('an editor renamed while open hands its selection to the one reopened in its place', () => {
  const { rerender } = render(<CellEditor key="Customer support" label="Value of Subject" initialText="Customer support" {...props} />);
  const field = screen.getByRole<HTMLInputElement>('textbox');
  field.setSelectionRange(0, field.value.length);
  rerender(<CellEditor key="Customer support" label="Wert von Subject" initialText="Customer support" {...props} />);
  rerender(<CellEditor key="Changed by a supervisor" label="Wert von Subject" initialText="Changed by a supervisor" {...props} />);
  const reopened = screen.getByRole<HTMLInputElement>('textbox');
  // Selected whole, as the agent left it: what they type next replaces it, not appends to it.
  expect([reopened.selectionStart, reopened.selectionEnd]).toEqual([0, 'Changed by a supervisor'.length]);
});
