// Text PostgreSQL refuses to store: NUL (U+0000) in text and jsonb, and lone UTF-16 surrogates,
// which JSON.stringify writes as "\udXXX" escapes that jsonb rejects. Such input is a client's
// mistake (or an attack) and must be a 400 naming the field, never a database error. Every
// request's body, query and path parameters are checked with this before their contract.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point (PostgreSQL cannot store it)
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters (\\u0000) or broken Unicode';

/** Whether a string holds a character the database refuses. */
export const isUnsafeText = (text: string) => UNSAFE.test(text);

/** The path (e.g. ["members", 0, "name"]) of the first string or key with such a character, if any. */
export function findUnsafeText(value: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | undefined {
  if (typeof value === 'string') return isUnsafeText(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    if (isUnsafeText(key)) return [...path, key];
    const found = findUnsafeText(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}
