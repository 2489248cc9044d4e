import type { Chat, UserDataValue } from '../../src/gws';

/** A chat as the store takes it from GWS, with only what a test sets: Chatting, with no participants, unless told. */
export const chatOf = ({ id = 'c', state = 'Chatting', userData = {} }: { id?: string; state?: string; userData?: Record<string, UserDataValue> }): Chat => ({
  id,
  state,
  capabilities: [],
  participants: [],
  userData: new Map(Object.entries(userData)),
  receivedDate: '',
});
