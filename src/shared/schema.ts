// A small schema toolkit for data from outside: GWS's wire, the host page's messages,
// config.json, storage. The widget ships inside a CRM page, so every kilobyte counts: these
// dozen combinators cover what those need at a fraction of a general-purpose validation
// library's size. (Not in gws/: knowing how to parse is not knowing the wire format.)
//
// A schema turns `unknown` into a typed value or an issue list naming the path that
// failed, so a malformed notification becomes a readable, countable rejection.

export type Issue = { readonly path: string; readonly message: string };
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };
export type Schema<T> = (input: unknown, path: string) => ParseResult<T>;
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** The result of a schema of one's own (gws/wire.ts's JSON values). */
export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
export const fail = (path: string, message: string): ParseResult<never> => ({
  ok: false,
  issues: [{ path: path || '(root)', message }],
});

export function describe(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

export const string: Schema<string> = (input, path) =>
  typeof input === 'string' ? ok(input) : fail(path, `expected a string, got ${describe(input)}`);

export const number: Schema<number> = (input, path) =>
  typeof input === 'number' && Number.isFinite(input)
    ? ok(input)
    : fail(path, `expected a number, got ${describe(input)}`);

export const integer: Schema<number> = (input, path) =>
  typeof input === 'number' && Number.isSafeInteger(input)
    ? ok(input)
    : fail(path, `expected an integer${typeof input === 'number' && Number.isInteger(input) ? ' within ±2^53' : ''}, got ${describe(input)}`);

export const boolean: Schema<boolean> = (input, path) =>
  typeof input === 'boolean' ? ok(input) : fail(path, `expected a boolean, got ${describe(input)}`);

export const optional =
  <T>(schema: Schema<T>): Schema<T | undefined> =>
  (input, path) =>
    input === undefined || input === null ? ok(undefined) : schema(input, path);

/** Lenient fallback: a field the widget can live without never rejects the whole message. */
export const withDefault =
  <T>(schema: Schema<T>, fallback: T): Schema<T> =>
  (input, path) => {
    const result = schema(input, path);
    return result.ok ? result : ok(fallback);
  };

/** A list read element by element: what parses, and each element that does not, with its issues (at its path). */
export type Readable<T> = { readonly values: readonly T[]; readonly unreadable: readonly { readonly input: unknown; readonly issues: readonly Issue[] }[] };

/**
 * A list whose elements stand on their own (the chats of a list, a chat's participants):
 * one that does not parse is left out and reported, and the list still stands. Only a
 * value that is not a list at all fails.
 */
export const each =
  <T>(item: Schema<T>): Schema<Readable<T>> =>
  (input, path) => {
    if (!Array.isArray(input)) return fail(path, `expected an array, got ${describe(input)}`);
    const values: T[] = [];
    const unreadable: { input: unknown; issues: readonly Issue[] }[] = [];
    input.forEach((element, index) => {
      const result = atPath(item, element, () => `${path}[${index}]`);
      if (result.ok) values.push(result.value);
      else unreadable.push({ input: element, issues: result.issues });
    });
    return ok({ values, unreadable });
  };

/** A list that fails as a whole if one element does (a value's own parts: a nested JSON array). */
export const array =
  <T>(item: Schema<T>): Schema<readonly T[]> =>
  (input, path) => {
    const result = each(item)(input, path);
    if (!result.ok) return result;
    const { values, unreadable } = result.value;
    return unreadable.length ? { ok: false, issues: unreadable.flatMap((element) => element.issues) } : ok(values);
  };

/**
 * Runs a schema on one element of a collection. The element's path is only spelled out
 * when the element fails, by putting it in front of the issues' own paths: a snapshot of
 * thousands of userData keys does not build thousands of path strings. (Parsing a failed
 * element again with its path would cost 2^depth parses for a deeply nested value.)
 */
function atPath<T>(schema: Schema<T>, input: unknown, path: () => string): ParseResult<T> {
  const result = schema(input, '');
  if (result.ok) return result;
  const at = path();
  return { ok: false, issues: result.issues.map((issue) => ({ path: under(at, issue.path), message: issue.message })) };
}

/** An issue path found inside an element (relative, as parsed with path ''), made absolute. */
function under(at: string, inner: string): string {
  if (inner === '' || inner === '(root)') return at;
  return inner.startsWith('[') ? `${at}${inner}` : `${at}.${inner}`;
}

export function isRecord(input: unknown): input is Readonly<Record<string, unknown>> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** Reads an own property only: a key named `__proto__` or `constructor` in the payload stays data. */
export function ownField(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

type Shape = Readonly<Record<string, Schema<unknown>>>;
type ObjectOf<S extends Shape> = { readonly [K in keyof S]: Infer<S[K]> };

/** Unknown fields are ignored (GWS adds fields across versions); known ones are checked. */
export const object =
  <S extends Shape>(shape: S): Schema<ObjectOf<S>> =>
  (input, path) => {
    if (!isRecord(input)) return fail(path, `expected an object, got ${describe(input)}`);
    const out: Record<string, unknown> = {};
    const issues: Issue[] = [];
    for (const key of Object.keys(shape)) {
      const schema = shape[key];
      if (!schema) continue;
      const result = schema(ownField(input, key), path ? `${path}.${key}` : key);
      if (result.ok) out[key] = result.value;
      else issues.push(...result.issues);
    }
    return issues.length ? { ok: false, issues } : ok(out as ObjectOf<S>);
  };

/** A JSON object read as a Map, so arbitrary keys never meet an object prototype. */
export const map =
  <T>(value: Schema<T>): Schema<ReadonlyMap<string, T>> =>
  (input, path) => {
    if (!isRecord(input)) return fail(path, `expected an object, got ${describe(input)}`);
    const entries = new Map<string, T>();
    const issues: Issue[] = [];
    for (const key of Object.keys(input)) {
      const result = atPath(value, input[key], () => `${path}[${JSON.stringify(key)}]`);
      if (result.ok) entries.set(key, result.value);
      else issues.push(...result.issues);
    }
    return issues.length ? { ok: false, issues } : ok(entries);
  };

export const oneOf =
  <const Options extends readonly string[]>(options: Options): Schema<Options[number]> =>
  (input, path) =>
    typeof input === 'string' && options.includes(input)
      ? ok(input as Options[number])
      : fail(path, `expected one of ${options.join(', ')}, got ${typeof input === 'string' ? JSON.stringify(input) : describe(input)}`);

export function formatIssues(issues: readonly Issue[], limit = 5): string {
  const shown = issues.slice(0, limit).map((issue) => `${issue.path}: ${issue.message}`);
  if (issues.length > limit) shown.push(`and ${issues.length - limit} more`);
  return shown.join('; ');
}
