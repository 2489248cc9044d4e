// Set-ups shared by the tests of a write's problem while its words are on their way
// (src/caseData/writeProblems.ts): each file mocks that chunk its own way, so each is a file.
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { createChatStore, sessionDraftStorage } from '../../src/store';
import { grid, renderPanel, SEED_CHAT_ID, valueCell, waitUntilSettled } from './renderPanel';
import type { simControl } from './simulator';

/** A panel after a reload that kept a write of Subject made over a value the server no longer holds: a conflict at once. */
export async function panelWithRestoredConflict(simulatorUrl: string) {
  sessionStorage.clear();
  const storage = sessionDraftStorage();
  if (!storage) throw new Error('no sessionStorage');
  storage.save(SEED_CHAT_ID, { drafts: [], writes: [{ op: 'update', key: 'Subject', value: 'mine', base: 'what the agent saw' }] });
  const view = renderPanel(simulatorUrl, { store: createChatStore({ storage }) });
  await screen.findByRole('grid', { name: 'Case data' });
  const row = (await within(grid()).findByRole('rowheader', { name: 'Subject' })).closest('[role="row"]') as HTMLElement;
  await waitFor(() => expect(within(row).getByRole('button', { name: 'Keep mine' })).toBeInTheDocument());
  return { ...view, row };
}

/** A panel whose write of Subject GWS refused (statusCode 4); `save`, the keys that save its editor. */
export async function panelWithRefusedWrite(simulatorUrl: string, control: ReturnType<typeof simControl>, save = '{Enter}') {
  const view = renderPanel(simulatorUrl);
  await screen.findByRole('grid', { name: 'Case data' });
  await waitUntilSettled(view.store);
  await control.faults({ failNext: 1, statusCode: 4 });
  valueCell('Subject').focus();
  await view.user.keyboard(`{F2} - mine${save}`);
  await waitFor(() => expect(valueCell('Subject')).toHaveAttribute('aria-invalid', 'true'));
  return view;
}
