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

  it('announce a join that reads like the one before (two web visitors both called “Guest”)', async () => {
    renderPanel(sim.url);
    const list = await screen.findByRole('list', { name: 'Participants' });
    await waitForLive();
    let changes = 0;
    new MutationObserver(() => (changes += 1)).observe(announcer(), { childList: true, characterData: true, subtree: true });
    await control.joinParticipant(SEED_CHAT_ID, { nickname: 'Guest', type: 'External', participantId: 'guest-1' });
    await waitFor(() => expect(within(list).getAllByText('Guest')).toHaveLength(1));
    expect(announcer()).toHaveTextContent('Guest joined the chat.');
    const afterFirst = changes;
    await control.joinParticipant(SEED_CHAT_ID, { nickname: 'Guest', type: 'External', participantId: 'guest-2' });
    await waitFor(() => expect(within(list).getAllByText('Guest')).toHaveLength(2));
    // Before (review): the region's text did not change, so nothing was said of the second guest.
    await waitFor(() => expect(changes).toBeGreaterThan(afterFirst));
    expect(announcer()).toHaveTextContent('Guest joined the chat.');
  });

  it('stay as they are when a state change comes with none (Accept’s StatusChange), or with one that cannot be read', async () => {
    const { store } = renderPanel(sim.url);
    const list = await screen.findByRole('list', { name: 'Participants' });
    await waitForLive();
    const seed = store.getState().chats.get(SEED_CHAT_ID)?.chat;
    if (!seed) throw new Error('seed chat missing');
    const wire = { id: SEED_CHAT_ID, state: 'Chatting', capabilities: seed.capabilities, userData: Object.fromEntries(seed.userData) };
    const people = seed.participants.map(({ participantId, nickname, type }) => ({ participantId, nickname, type }));
    // As GWS answers Accept (contract.md §1.1): StatusChange with `participants: []`, then ParticipantsUpdated.
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', referenceId: 900_000, chat: { ...wire, participants: [] } });
    // One participant without an id, beside those who are there.
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'ParticipantsUpdated', chat: { ...wire, participants: [{ nickname: 'No Id', type: 'Agent' }, ...people] } });
    await control.updateUserData(SEED_CHAT_ID, { Subject: 'after both' });
    await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('after both'));
    // Before (exploratory test): "test_consult_clientL left the chat. TestName left the chat.", and the list emptied.
    expect(announcer()).toBeEmptyDOMElement();
    expect(within(list).getByText('test_consult_clientL')).toBeInTheDocument();
    expect(within(list).queryByText('No Id')).not.toBeInTheDocument();
  });

  it('are what the latest snapshot lists, when one lists an id twice, and stay when a ParticipantsUpdated comes without its list', async () => {
    const { store } = renderPanel(sim.url);
    const list = await screen.findByRole('list', { name: 'Participants' });
    await waitForLive();
    const seed = store.getState().chats.get(SEED_CHAT_ID)?.chat;
    if (!seed) throw new Error('seed chat missing');
    const wire = { id: SEED_CHAT_ID, state: 'Chatting', capabilities: seed.capabilities, userData: Object.fromEntries(seed.userData) };
    const names = () => within(list).getAllByRole('listitem').map((item) => item.querySelector('.participant__nickname')?.textContent);
    const participantsUpdated = (participants: unknown) => control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'ParticipantsUpdated', chat: { ...wire, participants } });
    await participantsUpdated([
      { participantId: 'p1', nickname: 'Alice', type: 'Customer' },
      { participantId: 'p1', nickname: 'Alice again', type: 'Customer' },
      { participantId: 'p2', nickname: 'Agent Ann', type: 'Agent' },
    ]);
    await waitFor(() => expect(names()).toEqual(['Alice', 'Alice again', 'Agent Ann']));
    await participantsUpdated([
      { participantId: 'p2', nickname: 'Agent Ann', type: 'Agent' },
      { participantId: 'p3', nickname: 'Supervisor Sam', type: 'Agent' },
    ]);
    // Before (review): Alice stayed on screen, React's key for her row given twice.
    await waitFor(() => expect(names()).toEqual(['Agent Ann', 'Supervisor Sam']));

    // Without its list (absent or null): refused, not read as nobody (everyone was announced as gone: review).
    const said: string[] = [];
    new MutationObserver(() => said.push(announcer().textContent ?? '')).observe(announcer(), { childList: true, characterData: true, subtree: true });
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'ParticipantsUpdated', chat: wire });
    await participantsUpdated(null);
    const after = [
      { participantId: 'p2', nickname: 'Agent Ann', type: 'Agent' },
      { participantId: 'p3', nickname: 'Supervisor Sam', type: 'Agent' },
    ];
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'PropertiesUpdated', chat: { ...wire, participants: after, userData: { ...wire.userData, Subject: 'after both' } } });
    await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.userData.get('Subject')).toBe('after both'));
    expect(names()).toEqual(['Agent Ann', 'Supervisor Sam']);
    expect(said.filter((text) => text !== '')).toEqual([]);
  });

  it('go when a chat ends with everyone gone (Reject’s StatusChange, participants: []); one none of whose participants can be read is refused', async () => {
    const { store } = renderPanel(sim.url);
    const list = await screen.findByRole('list', { name: 'Participants' });
    await waitForLive();
    const seed = store.getState().chats.get(SEED_CHAT_ID)?.chat;
    if (!seed) throw new Error('seed chat missing');
    const wire = { id: SEED_CHAT_ID, capabilities: [], userData: Object.fromEntries(seed.userData) };
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'ParticipantsUpdated', chat: { ...wire, state: 'Chatting', participants: [{ nickname: 'No Id' }] } });
    expect(await screen.findByText('1 malformed message from GWS ignored')).toBeInTheDocument();
    expect(within(list).getByText('test_consult_clientL')).toBeInTheDocument();
    await control.publish({ messageType: 'ChatStateChangeMessage', notificationType: 'StatusChange', chat: { ...wire, state: 'Completed', participants: [] } });
    await waitFor(() => expect(store.getState().chats.get(SEED_CHAT_ID)?.chat.state).toBe('Completed'));
    // Before (review): still listed, in a chat that had ended with nobody in it.
    expect(within(list).queryByText('test_consult_clientL')).not.toBeInTheDocument();
  });
});
