// Requests generated from the API's own contracts (the OpenAPI JSON the zod schemas produce): a
// valid body for each route, then copies of it with exactly one thing wrong — a required field
// missing, a wrong type, a value outside its enum, range, length or format. Each such request is
// nearly right, so it gets past the generic checks and tests that validation names the field.
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

export interface Mutation {
  /** Where the one wrong thing is, e.g. "members.0.authorisation". */
  path: string;
  what: string;
  body: unknown;
}

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
const nullable = (s: JsonSchema): boolean =>
  (Array.isArray(s.type) && s.type.includes('null')) || !!s.anyOf?.some((x) => x.type === 'null');
const inner = (s: JsonSchema): JsonSchema => s.anyOf?.find((x) => x.type !== 'null') ?? s.oneOf?.[0] ?? s;

let timesMade = 0;

/** Strings that satisfy the patterns the contracts use. */
function stringFor(s: JsonSchema): string {
  if (s.format === 'uuid') return crypto.randomUUID();
  // each time a minute after the one before, so a valid body's "from" comes before its "to"
  if (s.format === 'date-time') return new Date(Date.now() + ++timesMade * 60_000).toISOString();
  if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}$')) return new Date().toISOString().slice(0, 10);
  if (s.pattern) {
    for (const candidate of ['+4791234567', 'A.06.01', '4601', 'BGN-A11', 'abc'])
      if (new RegExp(s.pattern).test(candidate)) return candidate;
  }
  const base = 'Testverdi';
  return base.slice(0, Math.max(s.minLength ?? 1, Math.min(base.length, s.maxLength ?? base.length)));
}

/** A value the schema accepts. */
export function example(schema: JsonSchema): unknown {
  const s = inner(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {})
          .filter(([k]) => s.required?.includes(k))
          .map(([k, v]) => [k, example(v)]),
      );
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => example(s.items ?? {}));
    case 'integer':
      return Math.max(s.minimum ?? 0, Math.min(1, s.maximum ?? 1));
    case 'number':
      return s.minimum !== undefined && s.maximum !== undefined
        ? (s.minimum + s.maximum) / 2
        : Math.max(s.minimum ?? 0, Math.min(1, s.maximum ?? 1));
    case 'boolean':
      return false;
    case 'string':
      return stringFor(s);
    default:
      return null;
  }
}

/** Wrong values for one field, each with what makes it wrong. */
function wrongValues(schema: JsonSchema): { what: string; value: unknown }[] {
  const s = inner(schema);
  const out: { what: string; value: unknown }[] = [];
  const type = typeOf(s);
  if (!nullable(schema)) out.push({ what: 'null', value: null });
  if (s.enum?.length) out.push({ what: 'not one of the options', value: 'NOT_AN_OPTION' });
  if (type === 'string') {
    out.push({ what: 'a number instead of text', value: 12345 });
    out.push(...unstorableValues(s));
    if (s.maxLength !== undefined) out.push({ what: `longer than ${s.maxLength}`, value: 'x'.repeat(s.maxLength + 1) });
    if ((s.minLength ?? 0) > 0) out.push({ what: 'empty', value: '' });
    if (s.format === 'uuid') out.push({ what: 'not a uuid', value: 'not-a-uuid' });
    if (s.format === 'date-time') out.push({ what: 'not a time', value: '2026-02-30T25:61:00Z' });
    if (s.pattern && !s.enum) out.push({ what: 'not matching its pattern', value: '§§§' });
  }
  if (type === 'number' || type === 'integer') {
    out.push({ what: 'text instead of a number', value: '12' });
    if (s.minimum !== undefined) out.push({ what: `below ${s.minimum}`, value: s.minimum - 1 });
    if (s.maximum !== undefined) out.push({ what: `above ${s.maximum}`, value: s.maximum + 1 });
    if (type === 'integer') out.push({ what: 'not a whole number', value: 1.5 });
  }
  if (type === 'boolean') out.push({ what: 'text instead of true/false', value: 'yes' });
  if (type === 'array') {
    out.push({ what: 'an object instead of a list', value: {} });
    if (s.maxItems !== undefined && s.maxItems < 1000)
      out.push({ what: `more than ${s.maxItems} items`, value: Array.from({ length: s.maxItems + 1 }, () => example(s.items ?? {})) });
  }
  if (type === 'object') out.push({ what: 'a list instead of an object', value: [] });
  return out;
}

/**
 * Text that looks right to a schema but that PostgreSQL cannot store: a NUL character, a lone
 * surrogate, and for times and dates the edges (year 0, year 10000 in UTC). Also used for query
 * and path parameters.
 */
export function unstorableValues(schema: JsonSchema, { inUrl = false } = {}): { what: string; value: string }[] {
  const s = inner(schema);
  const valid = String(example(s));
  const out = [{ what: 'with a NUL character', value: `${valid.slice(0, 1)}\u0000${valid.slice(1)}` }];
  // A URL carries bytes, not UTF-16: a lone surrogate can only arrive as invalid UTF-8, which the
  // router refuses or decodes to U+FFFD (storable). It is only a JSON body's problem.
  if (!inUrl) out.push({ what: 'with a lone surrogate', value: `${valid}\ud800` });
  if (s.format === 'date-time') {
    out.push(
      { what: 'in year 0', value: '0000-01-01T00:00:00Z' },
      { what: 'in year 10000 in UTC', value: '9999-12-31T23:59:59-14:00' },
      { what: 'in year 1', value: '0001-01-01T00:00:00Z' },
    );
  }
  if (s.format === 'date' || s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}$'))
    out.push({ what: 'in year 0', value: '0000-01-01' }, { what: 'in year 9999', value: '9999-12-31' });
  return out;
}

/** Every body with exactly one thing wrong, down to `depth` levels of nesting. */
export function mutations(schema: JsonSchema, depth = 2): Mutation[] {
  const valid = example(schema);
  const out: Mutation[] = [{ path: '', what: 'a list instead of an object', body: [] }];
  const walk = (s: JsonSchema, at: (string | number)[], level: number) => {
    const obj = inner(s);
    if (typeOf(obj) === 'object' && level < depth) {
      for (const [key, prop] of Object.entries(obj.properties ?? {})) {
        const path = [...at, key];
        if (obj.required?.includes(key)) out.push({ path: path.join('.'), what: 'missing', body: setAt(valid, path, undefined) });
        for (const w of wrongValues(prop)) out.push({ path: path.join('.'), what: w.what, body: setAt(valid, path, w.value) });
        walk(prop, path, level + 1);
      }
    }
    if (typeOf(obj) === 'array' && obj.items && level < depth && (obj.minItems ?? 0) > 0) walk(obj.items, [...at, 0], level + 1);
  };
  walk(schema, [], 0);
  return out;
}

/** A deep copy of `value` with the value at `path` replaced (undefined: removed); missing parents are made. */
function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}
