// The bench's use of the simulator's control API: a fresh chat of N keys per measurement
// (after a reset, so earlier big chats do not weigh on the chats query), and other parties'
// userData updates, which the simulator publishes as PropertiesUpdated over CometD.

import { seededRandom } from './stats';

export const keyName = (index: number) => `case.field_${String(index).padStart(5, '0')}`;

/** Even rows hold strings (editable as text in every grid), odd rows integers. */
export function makeUserData(keys: number): Record<string, string | number> {
  const random = seededRandom(keys);
  const userData: Record<string, string | number> = {};
  for (let index = 0; index < keys; index += 1) {
    userData[keyName(index)] = index % 2 === 0 ? `Value ${index} ${Math.floor(random() * 1e6).toString(36)}` : Math.floor(random() * 1e6);
  }
  return userData;
}

async function post(base: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${base}/sim${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /sim${path}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

let chatCounter = 0;

export async function freshChat(base: string, keys: number): Promise<string> {
  await post(base, '/reset', {});
  chatCounter += 1;
  const id = `bench${String(chatCounter).padStart(6, '0')}`;
  await post(base, '/chats', {
    id,
    state: 'Chatting',
    participants: [
      { nickname: 'Customer Carol', type: 'Customer' },
      { nickname: 'Agent Alex', type: 'Agent' },
    ],
    userData: makeUserData(keys),
  });
  return id;
}

export function updateUserData(base: string, chatId: string, userData: Record<string, string | number>): Promise<void> {
  return post(base, `/chats/${encodeURIComponent(chatId)}/userData`, { userData });
}
