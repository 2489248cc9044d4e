// The chats the simulated agent has at start and after POST /sim/reset.
//
// 0000Wa9CAM6W00J is the chat of the GWS 8.6 UpdateUserData sample, copied key for key
// (the sample's Python `None` is JSON null). Its receivedDate makes it the most recent
// Chatting chat. The list is deliberately not sorted by date: GWS promises no order, so a
// client must pick the chat it shows from the data, not from the position.

import { formatGwsDate, type NewChat } from './chatModel';
import type { JsonObject } from './json';

export const SEED_CHAT_ID = '0000Wa9CAM6W00J';

export const SEED_USER_DATA: JsonObject = {
  IdentifyCreateContact: '3',
  RTargetTypeSelected: '2',
  RTargetObjectSelected: 'Chat distribution for processing',
  RVQID: '',
  ChatServerAppName: 'es_chat',
  'PegAGChat distribution for processing': 1,
  ChatServerHost: 'GWS-ubuntu.emea.int.genesyslab.com',
  RTargetObjSelDBID: '115',
  ChatServerPort: '7160',
  'CBR-Interaction_cost': '',
  'CBR-contract_DBIDs': '',
  RTargetAgentSelected: '12345',
  'CBR-IT-path_DBIDs': '',
  RTargetRuleSelected: '',
  UserData2: 'DATAUPDATE-@123',
  RTargetPlaceSelected: 'a1',
  'CBR-actual_volume': '',
  UserData1: 987654321,
  RTenant: 'Environment',
  ChatServerDBID: '115',
  RRequestedSkills: null,
  RRequestedSkillCombination: '',
  RVQDBID: '',
  RStrategyDBID: '776',
  CustomerSegment: 'default',
  ServiceType: 'default',
  ServiceObjective: 0,
  DISP_KEY: 'resolved',
  RTargetRequested: 'Chat distribution for processing',
  RTargetAgentGroup: 'Chat distribution for processing',
  RStrategyName: 'SimpleChatInStrategy',
  Subject: 'Customer support',
};

export const SEED_AGENT_PARTICIPANT_ID = '007352CE984F0321';

/** The one logged-in agent the simulator models (GET /api/v2/me). */
export const AGENT_USER = {
  id: '8f2c9d1e6b7a4c3d9e0f1a2b3c4d5e6f',
  userName: 'test.agent',
  firstName: 'Test',
  lastName: 'Name',
  nickname: 'TestName',
} as const;

const AGENT_NICKNAME = AGENT_USER.nickname;
const MINUTE = 60_000;

/** Dates are relative to `now`, so a fresh simulator always looks like a live shift. */
export function seedChats(now: Date = new Date()): NewChat[] {
  const ago = (minutes: number) => formatGwsDate(new Date(now.getTime() - minutes * MINUTE));
  return [
    {
      id: '0000Wa9CAM6W00A',
      state: 'Chatting',
      participants: [
        { nickname: 'maria.gonzalez', type: 'Customer', participantId: '007352CE97A1C010' },
        { nickname: AGENT_NICKNAME, type: 'Agent', participantId: '007352CE97A1C011' },
      ],
      userData: {
        Subject: 'Billing question',
        CustomerSegment: 'gold',
        ServiceType: 'billing',
        AccountNumber: 'ACC-20931',
        OpenInvoices: 2,
        RTargetAgentGroup: 'Billing',
      },
      chatType: 'Inbound',
      receivedDate: ago(27),
      agentParticipantId: '007352CE97A1C011',
      nextMessageIndex: 9,
    },
    {
      id: SEED_CHAT_ID,
      state: 'Chatting',
      participants: [
        { nickname: 'test_consult_clientL', type: 'Customer', participantId: '007352CE982D031B' },
        { nickname: AGENT_NICKNAME, type: 'Agent', participantId: SEED_AGENT_PARTICIPANT_ID },
      ],
      userData: SEED_USER_DATA,
      chatType: 'Inbound',
      receivedDate: ago(4),
      agentParticipantId: SEED_AGENT_PARTICIPANT_ID,
      nextMessageIndex: 5,
    },
    {
      // Newer than the seed chat on purpose: an offered chat is not the one being handled.
      id: '0000Wa9CAM6W00Q',
      state: 'Invited',
      participants: [{ nickname: 'j.doe', type: 'Customer', participantId: '007352CE98A4E001' }],
      userData: { Subject: 'Order status', OrderNumber: 'ORD-5531' },
      chatType: 'Inbound',
      receivedDate: ago(1),
    },
    {
      id: '0000Wa9CAM6W00L',
      state: 'LeftChat',
      participants: [
        { nickname: 'k.tanaka', type: 'Customer', participantId: '007352CE96F0B020' },
        { nickname: AGENT_NICKNAME, type: 'Agent', participantId: '007352CE96F0B021' },
      ],
      userData: { Subject: 'Password reset', CustomerSegment: 'default', ServiceType: 'account' },
      chatType: 'Inbound',
      receivedDate: ago(58),
      agentParticipantId: '007352CE96F0B021',
      nextMessageIndex: 14,
    },
  ];
}
