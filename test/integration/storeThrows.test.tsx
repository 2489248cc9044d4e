// A store that keeps throwing as it takes a notification in (a fault of the panel's own in one of
// its subscribers, say): the change it missed is read again, rather than lost under Live.
import { waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { createChatStore } from '../../src/store';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, waitUntilSettled } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;
const chatReads = async () => (await control.requests()).filter((request) => request.method === 'GET' && request.path === '/api/v2/me/chats?fields=*').length;

it('reads the chats again when the store throws at every notification', async () => {
  const store = createChatStore();
  let broken = false;
  const { actions } = store.getState();
  store.setState({
    actions: {
      ...actions,
      notificationReceived: (notification) => {
        if (broken) throw new Error('a subscriber broke');
        actions.notificationReceived(notification);
      },
    },
  });
  renderPanel(sim.url, { store });
  await waitUntilSettled(store);
  const before = await chatReads();
  broken = true;
  await control.updateUserData(SEED_CHAT_ID, { Subject: 'changed while the store was broken' });
  // Before (review): the read was scheduled after the store's call, which threw; and so did the
  // session's report of it, so nothing was read again.
  await waitFor(async () => expect(await chatReads()).toBeGreaterThan(before), { timeout: 4_000 });
  await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('changed while the store was broken'));
  broken = false;
});
