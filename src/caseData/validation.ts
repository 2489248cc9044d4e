// The one place that decides whether a write may go out. Typing, paste, undo/redo, add
// and delete all pass through `checkWrite`, so a rule cannot be enforced on one path and
// forgotten on another.

import type { Chat, UserDataValue } from '../gws';
import type { UserDataWrite } from '../store';
import { resolveRule, type CaseDataConfig, type FieldRule } from './caseDataConfig';
import { effectiveKind, formatValue, textToValue, valueKind, type ValueKind } from './userDataValues';

export type WriteCheck = { readonly ok: true; readonly write: UserDataWrite } | { readonly ok: false; readonly reason: string };

const OPERATION_OF = { update: 'UpdateUserData', attach: 'AttachUserData', delete: 'DeleteUserData' } as const;
const VERB_OF = { update: 'changing', attach: 'adding', delete: 'deleting' } as const;

/** Longest key the panel writes; GWS documents no limit, Genesys KV lists hold short keys. */
export const MAX_KEY_LENGTH = 256;

/** Why the chat itself refuses this kind of write, or null. */
export function chatBlockReason(chat: Chat, op: UserDataWrite['op']): string | null {
  if (chat.state === 'Completed' || chat.state === 'Revoked') return `This chat is ${chat.state}: its case data is read-only.`;
  if (!chat.capabilities.includes(OPERATION_OF[op])) {
    return `The chat in state ${chat.state} does not allow ${VERB_OF[op]} case data (no ${OPERATION_OF[op]} capability).`;
  }
  return null;
}

/** Why one key cannot be edited in place, or null: shown when the agent focuses it. */
export function readOnlyReason(chat: Chat, rule: FieldRule, key: string, value: UserDataValue | undefined): string | null {
  const chatReason = chatBlockReason(chat, 'update');
  if (chatReason) return chatReason;
  if (rule.readOnly) return `${rule.label ?? key} is read-only by configuration.`;
  if (value !== undefined && valueKind(value) === 'json') return 'Structured values (objects and lists) are read-only here.';
  return null;
}

function checkValue(rule: FieldRule, kind: ValueKind, value: UserDataValue): string | null {
  if (rule.options && !rule.options.some((option) => option === value)) {
    return `Choose one of: ${rule.options.map((option) => formatValue(option)).join(', ')}.`;
  }
  if (rule.pattern && typeof value === 'string' && value !== '' && !rule.pattern.test(value)) {
    return `This value does not have the expected format.`;
  }
  const asText = textToValue(kind, formatValue(value));
  if (!asText.ok && value !== null) return asText.reason;
  return null;
}

export type WriteRequest = {
  readonly chat: Chat;
  readonly config: CaseDataConfig;
  /** Keys the agent currently sees, including their own unconfirmed ones. */
  readonly visibleKeys: ReadonlySet<string>;
  readonly write: UserDataWrite;
};

export function checkWrite({ chat, config, visibleKeys, write }: WriteRequest): WriteCheck {
  const blocked = chatBlockReason(chat, write.op);
  if (blocked) return { ok: false, reason: blocked };
  const rule = resolveRule(config, write.key);
  if (write.op === 'attach') {
    if (write.key.trim() === '') return { ok: false, reason: 'Enter a key name.' };
    if (write.key.length > MAX_KEY_LENGTH) return { ok: false, reason: `A key has at most ${MAX_KEY_LENGTH} characters.` };
    if (visibleKeys.has(write.key)) return { ok: false, reason: `${write.key} already exists; edit its value instead.` };
  }
  if (rule.readOnly) return { ok: false, reason: `${rule.label ?? write.key} is read-only by configuration.` };
  if (write.op === 'delete') return { ok: true, write };
  const existing = chat.userData.get(write.key);
  if (existing !== undefined && valueKind(existing) === 'json') return { ok: false, reason: 'Structured values (objects and lists) are read-only here.' };
  const problem = checkValue(rule, effectiveKind(write.value, rule), write.value);
  return problem ? { ok: false, reason: problem } : { ok: true, write };
}

/** A text from the clipboard or an editor, read in the type of the cell it lands in. */
export function textForCell(text: string, current: UserDataValue | undefined, rule: FieldRule) {
  if (rule.options) {
    const option = rule.options.find((candidate) => formatValue(candidate) === text.trim());
    return option === undefined
      ? ({ ok: false, reason: `Choose one of: ${rule.options.map((o) => formatValue(o)).join(', ')}.` } as const)
      : ({ ok: true, value: option } as const);
  }
  return textToValue(effectiveKind(current, rule), text);
}
