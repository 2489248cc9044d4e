// What the agent typed in Add field and has neither added nor cancelled, per chat, for this
// page: a chat switch (the CRM opening another case) or the Add field button closes the form,
// and opening it again finds their text (exploratory test: it was gone, unsaid). Cancel and
// Escape discard it. Not kept over a reload.

export type AddFieldTyped = { readonly picked: string; readonly freeKey: string; readonly text: string };

export const addFieldTyped = new Map<string, AddFieldTyped>();
