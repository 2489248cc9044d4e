// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { configuredKeys, OPEN_CONFIG, parseCaseDataConfig, resolveRule } from '../../src/caseData/caseDataConfig';
import { checkWrite, keyReadOnlyReason, keyShown } from '../../src/caseData/validation';
import { translateEnglish } from '../../src/i18n';
import type { Chat, UserDataValue } from '../../src/gws';

const chat = (state: string, capabilities: string[], userData: Record<string, UserDataValue> = {}): Chat => ({
  id: 'c',
  state,
  capabilities,
  participants: [],
  userData: new Map(Object.entries(userData)),
});
const ALL = ['UpdateUserData', 'AttachUserData', 'DeleteUserData'];

describe('parseCaseDataConfig', () => {
  it('treats a missing configuration as everything shown and editable', () => {
    expect(parseCaseDataConfig(undefined)).toEqual({ config: OPEN_CONFIG, problems: [] });
    expect(resolveRule(OPEN_CONFIG, 'RTenant')).toEqual({ readOnly: false, hidden: false });
  });

  it('lists every problem with its path, readably', () => {
    const { problems } = parseCaseDataConfig({
      fields: { A: { type: 'money', readOnly: 'yes', options: [], pattern: '(', colour: 'red' }, B: 3 },
      unknownKeys: { hidden: 1 },
      allowFreeKeys: 'no',
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'caseData.unknownKeys.hidden',
      'caseData.allowFreeKeys',
      'caseData.fields["A"].colour',
      'caseData.fields["A"].type',
      'caseData.fields["A"].readOnly',
      'caseData.fields["A"].options',
      'caseData.fields["A"].pattern',
      'caseData.fields["B"]',
    ]);
    expect(problems[3]?.message).toBe('must be one of string, integer, decimal, boolean, date');
  });

  it('names the setting a key differing only in case meant: "readonly" left the keys editable, unsaid (integrator’s test)', () => {
    const { config, problems } = parseCaseDataConfig({ fields: { 'RTarget*': { readonly: true }, Other: { colour: 'red' } } });
    expect(problems).toEqual([
      { field: 'caseData.fields["RTarget*"].readonly', message: 'is not a known setting (did you mean readOnly?)' },
      { field: 'caseData.fields["Other"].colour', message: 'is not a known setting' },
    ]);
    expect(resolveRule(config, 'RTargetX').readOnly).toBe(false);
  });

  it('matches exact keys first, then the longest prefix, then the defaults for unknown keys', () => {
    const { config } = parseCaseDataConfig({
      fields: { 'R*': { label: 'routing' }, 'RTarget*': { readOnly: true }, RTargetRequested: { label: 'Requested' } },
      unknownKeys: { readOnly: true },
    });
    expect(resolveRule(config, 'RTargetRequested').label).toBe('Requested');
    expect(resolveRule(config, 'RTargetAgentSelected').readOnly).toBe(true);
    expect(resolveRule(config, 'RTenant').label).toBe('routing');
    expect(resolveRule(config, 'Other')).toEqual({ readOnly: true, hidden: false });
  });

  it('names options that read alike (as text and as a number) a problem, and keeps the first', () => {
    const { config, problems } = parseCaseDataConfig({ fields: { Level: { options: ['1', 1, 2, '2', 3] } } });
    // Before (review): both shown, one list entry of one key; the number could never be picked.
    expect(problems).toEqual([{ field: 'caseData.fields["Level"].options', message: 'lists "1" more than once (as text and as a number, say); the first is kept' }]);
    expect(resolveRule(config, 'Level').options).toEqual(['1', 2, 3]);
  });

  it('offers configured exact keys in display order for Add Field, never hidden ones', () => {
    const { config } = parseCaseDataConfig({ fields: { B: { order: 2 }, A: { order: 1 }, 'P*': {}, H: { hidden: true } } });
    expect(configuredKeys(config).map((item) => item.key)).toEqual(['A', 'B']);
  });

  it('keeps a key named __proto__ as an ordinary key', () => {
    const { config } = parseCaseDataConfig(JSON.parse('{"fields":{"__proto__":{"label":"odd"}}}'));
    expect(resolveRule(config, '__proto__').label).toBe('odd');
    expect(resolveRule(config, 'toString')).toEqual({ readOnly: false, hidden: false });
  });
});

describe('checkWrite: the one gate for every write', () => {
  const { config } = parseCaseDataConfig({ fields: { Locked: { readOnly: true }, Code: { pattern: '[A-Z]+' }, Level: { options: [1, 2, 3] } } });
  const visible = new Set(['Code', 'Level', 'Locked']);
  const check = (c: Chat, write: Parameters<typeof checkWrite>[0]['write']) => checkWrite({ chat: c, config, existingKeys: visible, write });

  it('follows the chat state and capabilities', () => {
    expect(check(chat('Completed', []), { op: 'update', key: 'Code', value: 'A' })).toEqual({ ok: false, reason: 'This chat is Completed: its case data is read-only.' });
    expect(check(chat('Invited', ['Accept', 'Reject']), { op: 'attach', key: 'New', value: 'x' })).toEqual({
      ok: false,
      reason: 'The chat in state Invited does not allow adding case data (no AttachUserData capability).',
    });
    expect(check(chat('LeftChat', ALL), { op: 'delete', key: 'Code' }).ok).toBe(true);
    // GWS's documented lists that name no userData operation, though the operations are allowed:
    // LeftChat's ("user data can still be updated"), and Chatting's right after Accept (contract review).
    expect(check(chat('LeftChat', ['Transfer', 'Complete', 'Leave', 'InFocus']), { op: 'update', key: 'Code', value: 'A' }).ok).toBe(true);
    const accepted = ['Transfer', 'Complete', 'Leave', 'InFocus', 'SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification'];
    expect(check(chat('Chatting', accepted), { op: 'update', key: 'Code', value: 'A' }).ok).toBe(true);
    // A list that names some userData operations and not this one is followed.
    expect(check(chat('Chatting', ['UpdateUserData']), { op: 'delete', key: 'Code' }).ok).toBe(false);
  });

  it('applies read-only, pattern, options and key rules', () => {
    const c = chat('Chatting', ALL, { Code: 'AB', Level: 1 });
    expect(check(c, { op: 'update', key: 'Locked', value: 'x' })).toEqual({ ok: false, reason: 'Locked is read-only by configuration.' });
    expect(check(c, { op: 'delete', key: 'Locked' }).ok).toBe(false);
    expect(check(c, { op: 'update', key: 'Code', value: 'ab' }).ok).toBe(false);
    expect(check(c, { op: 'update', key: 'Code', value: 'XY' }).ok).toBe(true);
    expect(check(c, { op: 'update', key: 'Level', value: 4 })).toEqual({ ok: false, reason: 'Choose one of: 1, 2, 3.' });
    expect(check(c, { op: 'attach', key: 'Code', value: 'x' }).ok).toBe(false);
    // A key's name is Add field's to check: one the chat had (routing's, of spaces, 300
    // characters) that another party deleted is added back as it was by Keep mine (review).
    expect(check(c, { op: 'attach', key: ' ', value: 'x' }).ok).toBe(true);
    expect(check(c, { op: 'attach', key: 'k'.repeat(300), value: 'x' }).ok).toBe(true);
  });

  it('never writes over structured values', () => {
    const c = chat('Chatting', ALL, { Nested: { a: 1 } });
    expect(check(c, { op: 'update', key: 'Nested', value: 'flat' }).ok).toBe(false);
    expect(keyReadOnlyReason(resolveRule(config, 'Nested'), 'Nested', { a: 1 })).toBe('Structured values (objects and lists) are read-only here.');
  });

  it('lets undo and redo put back what a key held, whatever the rules for typed values say', () => {
    // Deleted, then restored: a structured value, a value outside the options, text the pattern refuses.
    const c = chat('Chatting', ALL, { Code: 'ab' });
    const restore = (write: Parameters<typeof checkWrite>[0]['write']) => checkWrite({ chat: c, config, existingKeys: new Set(['Code']), write, restoring: true });
    expect(restore({ op: 'attach', key: 'Nested', value: { a: 1 } })).toEqual({ ok: true, write: { op: 'attach', key: 'Nested', value: { a: 1 } } });
    expect(restore({ op: 'attach', key: 'Level', value: 5 }).ok).toBe(true);
    expect(restore({ op: 'update', key: 'Code', value: 'lower' }).ok).toBe(true);
    // What no write may do, a restoring one may not either.
    expect(restore({ op: 'attach', key: 'Locked', value: 'x' })).toEqual({ ok: false, reason: 'Locked is read-only by configuration.' });
    expect(checkWrite({ chat: chat('Completed', []), config, existingKeys: new Set(), write: { op: 'attach', key: 'Level', value: 5 }, restoring: true }).ok).toBe(false);
  });
});

describe('keyShown: a key as the grid and its messages name it', () => {
  it('names a key no one can see by its code points, with its label when it has one', () => {
    expect(keyShown('Subject', translateEnglish)).toBe('Subject');
    expect(keyShown('Subject', translateEnglish, 'Topic')).toBe('Topic (Subject)');
    expect(keyShown('', translateEnglish)).toBe('(empty key)');
    expect(keyShown('\u3164', translateEnglish)).toBe('(empty key) U+3164');
    expect(keyShown(' ', translateEnglish, 'Blank')).toBe('Blank ((empty key) U+0020)');
    expect(keyShown(' '.repeat(9), translateEnglish)).toBe(`(empty key)${' U+0020'.repeat(8)} …`);
    expect(keyShown(' a ', translateEnglish)).toBe(' a ');
  });
});
