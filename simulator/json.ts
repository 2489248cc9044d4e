// JSON values as the simulator stores and emits them. Everything that crosses the wire is
// turned into a JsonValue first, so the rest of the simulator never handles `unknown`.
//
// Objects are always rebuilt with Object.fromEntries (CreateDataProperty semantics): a key
// named `__proto__` stays an ordinary own property and can never swap a prototype.

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export type JsonObject = { readonly [key: string]: JsonValue };

export type JsonParseResult = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly error: string };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only, so `constructor` or `toString` in a payload never resolves to Object.prototype. */
export function ownField(record: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Deep copy of anything JSON.parse can produce; undefined for values JSON cannot carry. */
export function toJsonValue(input: unknown): JsonValue | undefined {
  if (input === null || typeof input === 'string' || typeof input === 'boolean') return input;
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (Array.isArray(input)) {
    const items: JsonValue[] = [];
    for (const item of input) {
      const value = toJsonValue(item);
      if (value === undefined) return undefined;
      items.push(value);
    }
    return items;
  }
  if (typeof input === 'object') {
    const entries: [string, JsonValue][] = [];
    for (const [key, item] of Object.entries(input)) {
      const value = toJsonValue(item);
      if (value === undefined) return undefined;
      entries.push([key, value]);
    }
    return Object.fromEntries(entries);
  }
  return undefined;
}

export function parseJson(text: string): JsonParseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof SyntaxError ? error.message : 'invalid JSON' };
  }
  const value = toJsonValue(parsed);
  return value === undefined ? { ok: false, error: 'not representable as JSON' } : { ok: true, value };
}

export function describeJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
