// Add field's form, the ended-chat list, copy and paste, and undo, redo and delete are chunks of their own, loaded on demand
// (src/caseData/onDemand.ts). A load that fails must leave the grid working, say why, and
// load on the next try.
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, valueCell, waitForLive } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

// While `reachable` is false, importing the form's module fails as an unreachable chunk would.
const chunk = vi.hoisted(() => ({ reachable: false, attempts: 0 }));
vi.mock('../../src/caseData/AddFieldForm', async (importOriginal) => {
  chunk.attempts += 1;
  if (!chunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});
const endedChunk = vi.hoisted(() => ({ reachable: false }));
vi.mock('../../src/caseData/UnsavedWhenEnded', async (importOriginal) => {
  if (!endedChunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const clipboardChunk = vi.hoisted(() => ({ reachable: false }));
vi.mock('../../src/caseData/clipboard', async (importOriginal) => {
  if (!clipboardChunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

// Unreachable, then reachable only once `arrive` is called: a chunk still on its way.
const historyChunk = vi.hoisted(() => ({ reachable: false, arrive: null as null | (() => void) }));
vi.mock('../../src/caseData/editHistory', async (importOriginal) => {
  if (!historyChunk.reachable) throw new TypeError('Failed to fetch dynamically imported module');
  await new Promise<void>((resolve) => (historyChunk.arrive = resolve));
  return importOriginal();
});

describe('undo, redo and delete, a chunk of their own', () => {
  it('say they could not be loaded while the chunk cannot load, and work once it can', async () => {
    const { user } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitForLive();
    valueCell('Subject').focus();
    await user.keyboard('{Delete}');
    expect(await screen.findByText('This command could not be loaded. Check the connection, then try again.')).toBeInTheDocument();
    // Nothing was sent, and the grid still edits.
    await user.keyboard('{F2} - edited{Enter}');
    await waitFor(async () => expect(await control.operations()).toEqual([{ operationName: 'UpdateUserData', userData: { Subject: 'Customer support - edited' } }]));
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));

    historyChunk.reachable = true;
    valueCell('Subject').focus();
    // Pressed while the chunk is on its way, the chat changed meanwhile (an edit): not done, said.
    await user.keyboard('{Control>}z{/Control}{Control>}z{/Control}');
    await user.keyboard('{F2}!{Enter}');
    await waitFor(async () => expect((await control.operations()).length).toBe(2));
    await waitFor(() => expect(historyChunk.arrive).not.toBeNull());
    act(() => historyChunk.arrive?.());
    // Before (exploratory test): both presses undid, after the edit made meanwhile, each sending the value before it.
    expect(await screen.findByText('Not done: the case data changed while the command was loading. Press the key again.')).toBeInTheDocument();
    expect((await control.operations()).length).toBe(2);
    await waitFor(() => expect(valueCell('Subject')).not.toHaveAttribute('aria-busy'));
    valueCell('Subject').focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Undid the change to Subject.')).toBeInTheDocument();
    await waitFor(async () => expect((await control.operations()).at(-1)).toEqual({ operationName: 'UpdateUserData', userData: { Subject: 'Customer support - edited' } }));
  });
});

describe('copy and paste, a chunk of their own', () => {
  it('say they could not be loaded while the chunk cannot load, and work once it can', async () => {
    const { user } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitForLive();
    valueCell('Subject').focus();
    await user.keyboard('{Control>}c{/Control}');
    expect(await screen.findByText('This command could not be loaded. Check the connection, then try again.')).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Case data' })).toBeInTheDocument();

    clipboardChunk.reachable = true;
    await user.keyboard('{Control>}c{/Control}');
    expect(await screen.findByText('Copied the value of Subject.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe('Customer support');
  });
});

describe('loading Add field on demand', () => {
  it('shows why the form is missing, keeps the grid, and loads it on Try again', async () => {
    const { user } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitForLive();

    await user.click(screen.getByRole('button', { name: 'Add field' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“Add field” could not be loaded. Check the connection, then try again.');
    expect(screen.queryByRole('form', { name: 'Add field' })).not.toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Case data' })).toBeInTheDocument();

    // Pointing at the button, focusing it and opening it each tried (in a browser, the
    // idle preload would have fetched it long before).
    const before = chunk.attempts;
    expect(before).toBeGreaterThanOrEqual(2);
    chunk.reachable = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const form = await screen.findByRole('form', { name: 'Add field' });
    expect(within(form).getByLabelText('Key')).toBeInTheDocument();
    expect(screen.queryByText(/could not be loaded/)).not.toBeInTheDocument();
    expect(chunk.attempts).toBe(before + 1);
  });

  it('keeps an ended chat’s drafts on screen while its list cannot load, and shows the list on Try again', async () => {
    const { user } = renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitForLive();
    valueCell('Subject').focus();
    await user.keyboard('unsent words');
    await control.setState(SEED_CHAT_ID, 'Completed');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“Unsaved changes” could not be loaded.');
    expect(valueCell('Subject')).toHaveTextContent('Draft');

    endedChunk.reachable = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const list = await screen.findByRole('region', { name: /unsaved/i });
    expect(list).toHaveTextContent('Subject: unsent words');
  });

  it('shows neither the unsaved-changes list nor an alert for an ended chat with nothing unsaved', async () => {
    renderPanel(sim.url);
    await screen.findByRole('grid', { name: 'Case data' });
    await waitForLive();
    await control.setState(SEED_CHAT_ID, 'Completed');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add field' })).toBeDisabled());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Whether or not the part loaded in an earlier test (the file keeps it: review), it shows nothing.
    expect(screen.queryByRole('region', { name: /unsaved/i })).not.toBeInTheDocument();
  });
});
