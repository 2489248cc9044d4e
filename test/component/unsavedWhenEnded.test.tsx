// The list of an ended chat's unsaved changes, rendered.
import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { UnsavedWhenEnded } from '../../src/caseData/UnsavedWhenEnded';
import { ChatStoreProvider, createChatStore } from '../../src/store';
import { newEntry } from '../../src/store/chatEntry';
import { setDraft } from '../../src/store/drafts';

it('lists two changes that read alike as two items, without React’s duplicate-key error', () => {
  let entry = newEntry({ id: 'c', state: 'Completed', capabilities: [], participants: [], userData: new Map() }, 1);
  entry = setDraft(entry, 'a', 'b: c');
  entry = setDraft(entry, 'a: b', 'c');
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <ChatStoreProvider store={createChatStore({ activeChatId: 'c' })}>
      <UnsavedWhenEnded chatId="c" entry={entry} />
    </ChatStoreProvider>,
  );
  // Before (review): keyed by their text, the two were one key to React.
  expect(screen.getAllByText('a: b: c')).toHaveLength(2);
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});
