// The case-data configuration: per key label, type, read-only, hidden, allowed values,
// pattern and display order, plus defaults for keys nobody configured. It plays the role
// of Workspace's Business Attribute annex (`interaction-workspace` section), in JSON.
//
// A key in `fields` is exact, or a prefix ending in `*` ("RTarget*"); the exact rule wins,
// then the longest prefix.

import { isRecord, ownField } from '../shared/schema';

export const FIELD_TYPES = ['string', 'integer', 'decimal', 'boolean', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export type FieldOption = string | number;

export type FieldRule = {
  readonly label?: string;
  readonly type?: FieldType;
  readonly readOnly: boolean;
  readonly hidden: boolean;
  readonly options?: readonly FieldOption[];
  readonly pattern?: RegExp;
  /** Sorts before unordered keys, ascending; unordered keys keep the server's order. */
  readonly order?: number;
};

type FieldEntry = { readonly match: string; readonly prefix: boolean; readonly rule: FieldRule };

export type CaseDataConfig = {
  readonly fields: readonly FieldEntry[];
  /** How keys that no entry matches are treated. */
  readonly unknownKeys: { readonly hidden: boolean; readonly readOnly: boolean };
  /** Whether Add Field offers a free key besides the configured ones. */
  readonly allowFreeKeys: boolean;
};

/** No configuration: every key shown and editable, system keys included. */
export const OPEN_CONFIG: CaseDataConfig = { fields: [], unknownKeys: { hidden: false, readOnly: false }, allowFreeKeys: true };

export type ConfigProblem = { readonly field: string; readonly message: string };

export function resolveRule(config: CaseDataConfig, key: string): FieldRule {
  let best: FieldEntry | undefined;
  for (const entry of config.fields) {
    if (!entry.prefix) {
      if (entry.match === key) return entry.rule;
    } else if (key.startsWith(entry.match) && (!best || entry.match.length > best.match.length)) {
      best = entry;
    }
  }
  return best?.rule ?? unknownKeyRule(config);
}

// One rule object per configuration for every key it does not name (most keys, usually).
const unknownKeyRules = new WeakMap<CaseDataConfig, FieldRule>();
function unknownKeyRule(config: CaseDataConfig): FieldRule {
  let rule = unknownKeyRules.get(config);
  if (!rule) unknownKeyRules.set(config, (rule = { readOnly: config.unknownKeys.readOnly, hidden: config.unknownKeys.hidden }));
  return rule;
}

/** Configured exact keys, in display order: what Add Field offers. */
export function configuredKeys(config: CaseDataConfig): readonly { key: string; rule: FieldRule }[] {
  return config.fields
    .filter((entry) => !entry.prefix && !entry.rule.hidden)
    .map((entry) => ({ key: entry.match, rule: entry.rule }))
    .sort((a, b) => (a.rule.order ?? Infinity) - (b.rule.order ?? Infinity));
}

const isFieldType = (value: unknown): value is FieldType => FIELD_TYPES.some((type) => type === value);

function parseRule(name: string, input: unknown, defaults: CaseDataConfig['unknownKeys'], problems: ConfigProblem[]): FieldRule | null {
  const at = (field: string) => `caseData.fields[${JSON.stringify(name)}].${field}`;
  if (!isRecord(input)) {
    problems.push({ field: `caseData.fields[${JSON.stringify(name)}]`, message: 'must be an object' });
    return null;
  }
  const known = new Set(['label', 'type', 'readOnly', 'hidden', 'options', 'pattern', 'order']);
  for (const key of Object.keys(input)) {
    if (known.has(key)) continue;
    // "readonly" for readOnly left routing keys editable, with no word of what was meant (integrator's test).
    const meant = [...known].find((setting) => setting.toLowerCase() === key.toLowerCase());
    problems.push({ field: at(key), message: meant ? `is not a known setting (did you mean ${meant}?)` : 'is not a known setting' });
  }
  const label = ownField(input, 'label');
  const type = ownField(input, 'type');
  const readOnly = ownField(input, 'readOnly');
  const hidden = ownField(input, 'hidden');
  const options = ownField(input, 'options');
  const pattern = ownField(input, 'pattern');
  const order = ownField(input, 'order');
  const rule: { -readonly [K in keyof FieldRule]: FieldRule[K] } = {
    readOnly: defaults.readOnly,
    hidden: false,
  };
  if (label !== undefined) {
    if (typeof label === 'string') rule.label = label;
    else problems.push({ field: at('label'), message: 'must be text' });
  }
  if (type !== undefined) {
    if (isFieldType(type)) rule.type = type;
    else problems.push({ field: at('type'), message: `must be one of ${FIELD_TYPES.join(', ')}` });
  }
  if (readOnly !== undefined) {
    if (typeof readOnly === 'boolean') rule.readOnly = readOnly;
    else problems.push({ field: at('readOnly'), message: 'must be true or false' });
  }
  if (hidden !== undefined) {
    if (typeof hidden === 'boolean') rule.hidden = hidden;
    else problems.push({ field: at('hidden'), message: 'must be true or false' });
  }
  if (options !== undefined) {
    if (Array.isArray(options) && options.length > 0 && options.every((option) => typeof option === 'string' || typeof option === 'number')) {
      // Shown and picked by their text: "1" and 1 were two entries of one key, the second never chosen (review).
      const texts = options.map(String);
      const repeated = texts.find((text, index) => texts.indexOf(text) !== index);
      if (repeated !== undefined) problems.push({ field: at('options'), message: `lists ${JSON.stringify(repeated)} more than once (as text and as a number, say); the first is kept` });
      rule.options = options.filter((option, index): option is FieldOption => texts.indexOf(texts[index] ?? '') === index);
    } else problems.push({ field: at('options'), message: 'must be a non-empty list of texts or numbers' });
  }
  if (pattern !== undefined) {
    try {
      if (typeof pattern !== 'string') throw new Error('must be text');
      // Anchored: a pattern describes the whole value, as in Workspace's input masks.
      rule.pattern = new RegExp(`^(?:${pattern})$`, 'u');
    } catch (error) {
      problems.push({ field: at('pattern'), message: `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  if (order !== undefined) {
    if (typeof order === 'number' && Number.isFinite(order)) rule.order = order;
    else problems.push({ field: at('order'), message: 'must be a number' });
  }
  return rule;
}

/** Reads the `caseData` part of the widget configuration; problems are listed, never thrown. */
export function parseCaseDataConfig(input: unknown): { config: CaseDataConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (input === undefined || input === null) return { config: OPEN_CONFIG, problems };
  if (!isRecord(input)) return { config: OPEN_CONFIG, problems: [{ field: 'caseData', message: 'must be an object' }] };
  const unknownKeys = { ...OPEN_CONFIG.unknownKeys };
  const unknownInput = ownField(input, 'unknownKeys');
  if (unknownInput !== undefined) {
    if (!isRecord(unknownInput)) problems.push({ field: 'caseData.unknownKeys', message: 'must be an object' });
    else {
      const hidden = ownField(unknownInput, 'hidden');
      const readOnly = ownField(unknownInput, 'readOnly');
      if (typeof hidden === 'boolean') unknownKeys.hidden = hidden;
      else if (hidden !== undefined) problems.push({ field: 'caseData.unknownKeys.hidden', message: 'must be true or false' });
      if (typeof readOnly === 'boolean') unknownKeys.readOnly = readOnly;
      else if (readOnly !== undefined) problems.push({ field: 'caseData.unknownKeys.readOnly', message: 'must be true or false' });
    }
  }
  const allowFreeKeysInput = ownField(input, 'allowFreeKeys');
  let allowFreeKeys = true;
  if (typeof allowFreeKeysInput === 'boolean') allowFreeKeys = allowFreeKeysInput;
  else if (allowFreeKeysInput !== undefined) problems.push({ field: 'caseData.allowFreeKeys', message: 'must be true or false' });

  const fields: FieldEntry[] = [];
  const fieldsInput = ownField(input, 'fields');
  if (fieldsInput !== undefined) {
    if (!isRecord(fieldsInput)) problems.push({ field: 'caseData.fields', message: 'must be an object keyed by userData key' });
    else {
      for (const name of Object.keys(fieldsInput)) {
        const rule = parseRule(name, fieldsInput[name], unknownKeys, problems);
        if (!rule) continue;
        const prefix = name.endsWith('*');
        fields.push({ match: prefix ? name.slice(0, -1) : name, prefix, rule });
      }
    }
  }
  return { config: { fields, unknownKeys, allowFreeKeys }, problems };
}
