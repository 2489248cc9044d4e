import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { simulatorPerFile } from '../support/simulator';
import { renderPanel, SEED_CHAT_ID, waitForLive } from '../support/renderPanel';

const sim = simulatorPerFile();
const { control } = sim;

const announcer = () => {
  const region = document.querySelector('.participants [aria-live="polite"]');
  if (!(region instanceof HTMLElement)) throw new Error('no live region');
  return region;
};

describe('participants', () => {
  it('are rebuilt from each snapshot, and joins and leaves are announced politely', async () => {
    const { store } = renderPanel(sim.url);
    const list = await screen.findByRole('list', { name: 'Participants' });
    await waitForLive();
    expect(announcer()).toBeEmptyDOMElement();
    await control.joinParticipant(SEED_CHAT_ID, { nickname: 'Supervisor Sam', type: 'Agent', participantId: 'sam' });
    expect(await within(list).findByText('Supervisor Sam')).toBeInTheDocument();
    expect(announcer()).toHaveTextContent('Supervisor Sam joined the chat.');
    await control.leaveParticipant(SEED_CHAT_ID, 'sam');
    await waitFor(() => expect(within(list).queryByText('Supervisor Sam')).not.toBeInTheDocument());
    expect(announcer()).toHaveTextContent('Supervisor Sam left the chat.');

    // Opening another chat is not a join or a leave.
    const other = [...store.getState().chats.values()].find((entry) => entry.chat.id !== SEED_CHAT_ID && entry.chat.participants.length > 0);
    if (!other) throw new Error('no other chat with participants');
    act(() => store.getState().actions.chatOpened(other.chat.id));
    await waitFor(() => expect(screen.queryByText('test_consult_clientL')).not.toBeInTheDocument());
    expect(announcer()).toBeEmptyDOMElement();
  });
});
