// A paste of more than one line into the one-line editor: the browser's text field joins the
// lines with spaces, and the agent's value was saved so, unsaid, where the same paste on the
// closed cell kept them (exploratory test: a copied table's rows saved as one line). The field
// becomes the box of lines, with the text pasted where the caret was, and Ctrl+Enter saves it.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, valueCell, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

/** Subject's one-line editor, open (F2) on its value. */
async function openSubjectEditor() {
  const view = renderPanel(sim.url);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  valueCell('Subject').focus();
  await view.user.keyboard('{F2}');
  return view;
}

describe('a paste of lines into the one-line editor', () => {
  it('opens the box of lines with them, the caret after them, and saves them as pasted', async () => {
    const { user } = await openSubjectEditor();
    const field = screen.getByRole('textbox', { name: 'Value of Subject' });
    expect(field.tagName).toBe('INPUT');
    await user.keyboard('{Control>}a{/Control}');
    await user.paste('colA\tcolB\nrow2a\trow2b');
    const box = screen.getByRole('textbox', { name: 'Value of Subject' });
    expect(box.tagName).toBe('TEXTAREA');
    expect(box).toHaveFocus();
    // How to save, where Enter is a new line: described (before (accessibility audit), only shown).
    expect(box).toHaveAccessibleDescription('Ctrl+Enter saves, Escape cancels.');
    expect(box).toHaveValue('colA\tcolB\nrow2a\trow2b');
    expect((box as HTMLTextAreaElement).selectionStart).toBe('colA\tcolB\nrow2a\trow2b'.length);
    // Not saved by the swap of fields: the box is open, nothing sent.
    expect(await control.operations()).toEqual([]);
    await user.keyboard('!');
    // Enter is a new line in the box; Ctrl+Enter saves.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'colA\tcolB\nrow2a\trow2b!' } }]));
  });

  it('keeps a one-line paste in the one-line field', async () => {
    const { user } = await openSubjectEditor();
    await user.paste(' pasted');
    const field = screen.getByRole('textbox', { name: 'Value of Subject' });
    expect(field.tagName).toBe('INPUT');
    expect(field).toHaveValue('Customer support pasted');
  });
});
