// The one place that decides whether a new write may go out. Typing, paste, undo/redo, add
// and delete all pass through `checkWrite`, so a rule cannot be enforced on one path and
// forgotten on another. A write sent again (Retry and Keep mine: editHistory.ts retryWrite;
// the late-write resend: lateWrites.ts) passed it when made, and is checked against the
// chat's state once more (chatBlockReason), which may have changed since. The name of a
// key the agent makes up is Add field's to check (AddFieldForm.tsx): a key the chat already
// has (routing's 300 characters, one of spaces) is edited, and added back by Keep mine or
// undo when another party deleted it, as it is.
//
// Reasons are worded by the `t` passed in (the grid passes its locale's). English is the
// default so that callers without a locale (tests, scripts) read the texts they always did.

import { hasEnded, USER_DATA_OPERATION, type Chat, type GwsError, type UserDataValue } from '../gws';
import { labelFor, translateEnglish, type Translate } from '../i18n';
import { onDemand } from './onDemand';
import type { PendingEdit, UserDataWrite } from '../store';
import { resolveRule, type CaseDataConfig, type FieldOption, type FieldRule } from './caseDataConfig';
import { effectiveKind, formatValue, quotedText, textToValue, valueKind, type ValueKind } from './userDataValues';

/**
 * The write that makes `key` hold `value` (undefined: absent), given the keys the chat has
 * or is about to have: a key the agent has just added, not yet confirmed, is updated
 * (UpdateUserData sets a key, there or not; attaching it again would be refused as a duplicate).
 */
export function writeTo(keys: { has(key: string): boolean }, key: string, value: UserDataValue | undefined): UserDataWrite {
  if (value === undefined) return { op: 'delete', key };
  return keys.has(key) ? { op: 'update', key, value } : { op: 'attach', key, value };
}

export type WriteCheck = { readonly ok: true; readonly write: UserDataWrite } | { readonly ok: false; readonly reason: string };

/** Why the chat itself refuses this kind of write, or null. */
export function chatBlockReason(chat: Chat, op: UserDataWrite['op'], t: Translate = translateEnglish): string | null {
  if (hasEnded(chat.state)) return t(`caseData.over.${chat.state}`);
  // A capability list that names no userData operation does not forbid them, except to an
  // invitation: GWS documents LeftChat's as [Transfer, Complete, Leave, InFocus], "user data
  // can still be updated", and Chatting's right after Accept without them (contract review).
  // GWS refuses one it does not take, and the row says so.
  const named = (name: string) => chat.capabilities.includes(name);
  if (!named(USER_DATA_OPERATION[op]) && (chat.state === 'Invited' || Object.values(USER_DATA_OPERATION).some(named))) {
    // The state as the panel's header names it ("Eingeladen"); a state GWS adds later, in GWS's word.
    // One text per operation, not a "{verb}" slot: the verb's form depends on each language's grammar.
    return t(`caseData.reason.noCapability.${op}`, { state: labelFor(t, 'chatState', chat.state) });
  }
  return null;
}

const readOnlyByConfig = (t: Translate, rule: FieldRule, key: string) => t('caseData.reason.readOnlyByConfig', { name: rule.label ?? key });

/**
 * Why one key cannot be edited in place in a chat that takes writes, or null: shown when
 * the agent focuses it. A chat that takes none says so first (`chatBlockReason`).
 */
export function keyReadOnlyReason(rule: FieldRule, key: string, value: UserDataValue | undefined, t: Translate = translateEnglish): string | null {
  if (rule.readOnly) return readOnlyByConfig(t, rule, key);
  if (value !== undefined && valueKind(value) === 'json') return t('caseData.reason.structured');
  return null;
}

const chooseOne = (t: Translate, options: readonly FieldOption[]) =>
  t('caseData.reason.chooseOne', { options: options.map((option) => formatValue(option)).join(t('caseData.reason.optionSeparator')) });

/** What is wrong with a value for its key's rule (options, pattern, type), or null. */
export function checkValue(t: Translate, rule: FieldRule, kind: ValueKind, value: UserDataValue): string | null {
  if (rule.options && !rule.options.some((option) => option === value)) return chooseOne(t, rule.options);
  if (rule.pattern && typeof value === 'string' && value !== '' && !rule.pattern.test(value)) return t('caseData.reason.pattern');
  const asText = textToValue(kind, formatValue(value), t);
  if (!asText.ok && value !== null) return asText.reason;
  return null;
}

export type WriteRequest = {
  readonly chat: Chat;
  readonly config: CaseDataConfig;
  /** Keys the chat has or will have (the agent's unconfirmed ones included), filtered out or hidden or not. */
  readonly existingKeys: ReadonlySet<string>;
  readonly write: UserDataWrite;
  /**
   * Undo or redo putting back what the key held: the server's value, or one the agent wrote
   * through these checks. The rules for what an agent types (a key's name, a value's type,
   * options, pattern) do not apply: a value from routing outside the configured options, or
   * a structured one, deleted by mistake, must come back as it was.
   */
  readonly restoring?: boolean;
  /** Words the reason; English when left out. */
  readonly t?: Translate;
};

export function checkWrite({ chat, config, existingKeys, write, restoring = false, t = translateEnglish }: WriteRequest): WriteCheck {
  const blocked = chatBlockReason(chat, write.op, t);
  if (blocked) return { ok: false, reason: blocked };
  const rule = resolveRule(config, write.key);
  if (write.op === 'attach') {
    if (existingKeys.has(write.key)) return { ok: false, reason: t('caseData.reason.keyExists', { key: write.key }) };
  }
  if (rule.readOnly) return { ok: false, reason: readOnlyByConfig(t, rule, write.key) };
  if (write.op === 'delete' || restoring) return { ok: true, write };
  const existing = chat.userData.get(write.key);
  if (existing !== undefined && valueKind(existing) === 'json') return { ok: false, reason: t('caseData.reason.structured') };
  const problem = checkValue(t, rule, effectiveKind(write.value, rule), write.value);
  return problem ? { ok: false, reason: problem } : { ok: true, write };
}

/** A text from the clipboard or an editor, read in the type of the cell it lands in. */
export function textForCell(text: string, current: UserDataValue | undefined, rule: FieldRule, t: Translate = translateEnglish, kind: ValueKind = effectiveKind(current, rule)) {
  if (rule.options) {
    const option = rule.options.find((candidate) => formatValue(candidate) === text.trim());
    return option === undefined ? ({ ok: false, reason: chooseOne(t, rule.options) } as const) : ({ ok: true, value: option } as const);
  }
  return textToValue(kind, text, t);
}

/**
 * Invisible characters inside a key: a zero-width space, a soft hyphen, a bidi override. Not
 * those emoji and Persian or Indic words are written with: a joiner between two letters that
 * are not ASCII, a presentation selector after a pictograph (review: "Sub" ZWJ "ject" read
 * as Subject).
 */
const HIDDEN_IN_KEY = /(?!(?<=\P{ASCII})[\u200c\u200d](?=\P{ASCII})|(?<=\p{Extended_Pictographic})[\ufe0e-\ufe0f])\p{Default_Ignorable_Code_Point}/gu;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A key as the agent reads it in a sentence, as its row header names it: a configured label
 * with the key ("Segment (CustomerSegment)"); the empty key has a name of its own.
 */
export function keyShown(key: string, t: Translate, label?: string): string {
  // A key no one can see (spaces, zero-width and other invisible characters) is named by its
  // code points: its row header read blank (bad-input test). The first eight, and "…" for more.
  // Those inside a key are shown by theirs: "Subject" with a zero-width space read as Subject,
  // a row posing as the configured one beside it (integrator's test).
  const shown = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u.test(key)
    ? blankKeyShown(key, t)
    : key.replace(HIDDEN_IN_KEY, (char) => `⟨${codePoint(char)}⟩`);
  return label ? `${label} (${shown})` : shown;
}

function blankKeyShown(key: string, t: Translate): string {
  const chars = [...key];
  const codes = chars.slice(0, 8).map((char) => ` ${codePoint(char)}`);
  return `${t('caseData.emptyKey')}${codes.join('')}${chars.length > 8 ? ' …' : ''}`;
}

/**
 * How a GWS error reads (i18n/gwsErrors.ts), and why a write of the agent's is not on the
 * server (writeProblems.ts): a chunk fetched once the grid has painted, and with the writer (a
 * write fails only once that has loaded). Until it is there, an error in its own words.
 */
export const problemWording = /* @__PURE__ */ onDemand(() => import('./writeProblems'));

/** A GWS error in words: the wording if loaded (else it is asked for), the error's own until then. */
export function gwsErrorWords(t: Translate, error: GwsError): string {
  let words = 'message' in error ? error.message : error.kind;
  problemWording.use((wording) => (words = wording.translateGwsError(t, error)), () => undefined);
  return words;
}

/**
 * Why the agent's write is not on the server, in words (writeProblems.ts), or null: none to say.
 * Until the words are loaded (asked for here; `problemWording.useLoaded()` renders it again then),
 * a refusal in the server's own words if it gave any (never its kind, "status-code": review), a
 * change of theirs as the live region says one: their value is shown nowhere else, and Keep mine
 * would replace it (exploratory test: the words' chunk could not load, and it read nothing).
 */
export function writeProblem(edit: PendingEdit | undefined, serverValue: UserDataValue | undefined, t: Translate, readOnlyReason: string | null = null): string | null {
  if (edit?.status !== 'conflict' && !(edit?.status === 'failed' && edit.error)) return null;
  let words: string | null = null;
  problemWording.use((wording) => (words = wording.writeProblem(edit, serverValue, t, readOnlyReason)), () => undefined);
  const { error } = edit;
  // The words once loaded; what follows only until then.
  return (
    words ??
    (edit.status === 'failed' && error
      ? 'message' in error
        ? error.message
        : error.kind === 'status-code'
          ? error.statusMessage
          : ''
      : t(serverValue === undefined ? 'caseData.announce.deletedByOther' : 'caseData.announce.changedByOther', { key: edit.key, value: quotedText(formatValue(serverValue ?? null), t) }))
  );
}
