// The English texts of the panel around the grid (app/, participants/, embed/). They are
// added to the English catalogue by i18n/panelTexts.ts, which each of those modules imports
// for its effect, so a bundle of the grid alone does not carry them. Keys and placeholders
// work as in en.ts; other locales translate these too (their catalogues are whole).

export const enPanel = {
  'panel.title': 'Case data',
  // The page's (or pop-out window's) title, in the tab and the taskbar.
  'panel.documentTitle': 'Case Data Panel',
  'panel.loadFailed': 'Could not load chats.',
  // No answer from a GWS on another origin: most often its address, or its CORS settings.
  // A page's Content-Security-Policy that leaves GWS out of connect-src fails the same way (integrator's test: CORS blamed alone).
  'panel.unreachableGws': 'GWS is expected at {url}: check that it runs there, that its CORS settings allow {origin}, and that the panel\'s Content-Security-Policy (connect-src) allows {url}.',
  'panel.loading': 'Loading chats…',
  'panel.chatUnknown': "Chat {chatId} is not among this agent's chats.",
  'panel.chatUnreadable': 'Chat {chatId} could not be read from the server ({reason}): what is shown may be out of date.',
  'panel.noActiveChat': 'No active chat. Choose one above when a chat arrives.',
  'panel.chatLabel': 'Chat {chatId}',
  // Genesys's word for the key-value pairs attached to the interaction (GWS: userData).
  'panel.userDataHeading': 'Attached data',

  'chatPicker.label': 'Chat',
  'chatPicker.choose': 'Choose a chat',
  'chatPicker.option': '{customer} · {state} · {chatId}',
  'chatPicker.optionNoCustomer': '{state} · {chatId}',
  // A chat GWS lists in a shape the panel cannot read: still the agent's, still to be chosen.
  'chatPicker.optionUnreadable': 'could not be read · {chatId}',
  // After an option: the chat has a write refused or overtaken, or unsaved changes.
  'chatPicker.notSaved': 'not saved',
  'chatPicker.unsaved': 'unsaved changes',
  // A write refused or overtaken in a chat that is not on screen ({chat}: its customer, or its id).
  'panel.otherChatProblem': 'Not saved in the chat with {chat}: {keys}. Open that chat to keep or discard it.',
  // {state}: the chat's state as the picker names it (Completed, No longer listed).
  // Kept from before a reload, for chats GWS no longer lists: removed, whoever's it was (SECURITY.md).
  'panel.savedWorkForgotten': {
    one: 'Unsaved changes kept from before the reload for a chat that is no longer yours were removed.',
    other: 'Unsaved changes kept from before the reload for {count} chats that are no longer yours were removed.',
  },
  'panel.otherChatOver': 'The chat with {chat} is over ({state}) and holds unsaved changes. Open that chat to copy them.',
  // The agent's save went through over another party's change that arrived while it was on its way.
  // caseData/lateWrites.ts: a write not confirmed at the time (no answer), applied late over the agent's word since, which the panel sends again.
  'panel.lateWriteUndone': '{key}: your earlier change to “{value}”, not confirmed at the time, was applied late, over what you had left there; that is sent again. Ctrl+Z keeps “{value}”.',
  'panel.lateDeleteUndone': '{key}: your earlier delete, not confirmed at the time, was applied late, over what you had left there; that is sent again. Ctrl+Z deletes it again.',
  // The agent's own write, landed as made (WriteNotices).
  'panel.saved': 'Saved {key}.',
  'panel.deleted': 'Deleted {key}.',
  'panel.savedOverOther': 'Saved {key} over a change someone else made while yours was on its way (their value was “{value}”).',
  'panel.deletedOverOther': 'Deleted {key} over a change someone else made while yours was on its way (their value was “{value}”).',
  // Someone else deleted the key meanwhile; the agent's save added it again.
  // Another party changed (or deleted) a key the agent has an unsaved draft of.
  'panel.draftOvertaken': '{key} was changed by someone else to “{value}”; your unsaved draft is kept.',
  'panel.draftDeleted': '{key} was deleted by someone else; your unsaved draft is kept.',
  // One of the above, in a chat other than the one on screen.
  'panel.inOtherChat': 'In the chat with {chat}: {notice}',
  'panel.savedOverDelete': 'Saved {key}, which someone else deleted while yours was on its way.',
  // The mirror: the agent's write went, and another party's change came after it, before the panel saw it land.
  'panel.changedAfterYours': 'Someone else changed {key} to “{value}” right after your change.',
  'panel.deletedAfterYours': 'Someone else deleted {key} right after your change.',
  // The first read waits for an expired session to come back.
  'panel.loadingWhenSession': 'The chats load once the session is back.',

  'connection.connecting': 'Connecting…',
  'connection.live': 'Live',
  'connection.updating': 'Updating…',
  // Connected, but the chats could not be read again (an error with Try again beside it): the data is from before.
  'connection.notUpToDate': 'Not up to date',
  'connection.reconnectingIn': 'Reconnecting in {seconds} s…',
  'connection.reconnecting': 'Reconnecting…',
  'connection.sessionExpired': 'Session expired: log in again to continue. Your edits are kept.',
  'connection.offline': 'Offline',
  // A notification, or a chat in a chats read, that does not match the contract.
  'connection.rejected': { one: '{count} malformed message from GWS ignored', other: '{count} malformed messages from GWS ignored' },

  'participants.heading': 'Participants',
  'participants.none': 'Nobody has joined this chat.',
  'participants.noNickname': '(no nickname)',
  'participants.joined': '{name} joined the chat.',
  'participants.left': '{name} left the chat.',
  'participantType.Customer': 'Customer',
  'participantType.Agent': 'Agent',
  'participantType.External': 'External',

  'config.problemsHeading': {
    one: 'The panel configuration has {count} problem; the setting was ignored:',
    other: 'The panel configuration has {count} problems; those settings were ignored:',
  },
} as const;
