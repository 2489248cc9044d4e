// What the agent typed in Add field and has not added, per chat, for this page: a chat
// switch (the CRM opening another case) unmounts the form, and switching back finds it open
// again with their text (exploratory test: it was gone, unsaid). Not kept over a reload.

export type AddFieldTyped = { readonly picked: string; readonly freeKey: string; readonly text: string };

export const addFieldTyped = new Map<string, AddFieldTyped>();
