// Every answer is checked against its zod schema before it goes out (nothing outside the contract
// leaves the server), then written as JSON. fastify-type-provider-zod's serializer encodes (zod's
// backward direction), and encoding parses every answer twice: a pass without checks, then one with
// them. That was a fifth of a snapshot's CPU (2,000 units) and about 4 % of the server's busy time
// under 500 position answers a second. Encoding and parsing give the same value unless the schema
// holds something that works one way only (a codec, a transform, a default, a catch), and our
// contracts hold none; so an answer whose schema has none is parsed once, and one that has any is
// still encoded, as the plugin does.
import type { FastifySerializerCompiler } from 'fastify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeEncode, safeParse } from 'zod/v4/core';

/** Schema kinds whose encoding differs from their parsing. */
const ONE_WAY = new Set(['transform', 'pipe', 'default', 'prefault', 'catch', 'success']);

const schemasIn = (value: unknown): $ZodType[] => {
  if (value instanceof $ZodType) return [value];
  if (Array.isArray(value)) return value.filter((v): v is $ZodType => v instanceof $ZodType);
  // an object's shape (a plain object, or one made without a prototype)
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (value && (proto === Object.prototype || proto === null))
    return Object.values(value).filter((v): v is $ZodType => v instanceof $ZodType);
  return [];
};

/** Whether encoding `schema` may give other than parsing it: a one-way part anywhere inside it. */
export function encodesDifferently(schema: $ZodType, seen = new Set<$ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = schema._zod.def as unknown as { type: string; getter?: () => $ZodType } & Record<string, unknown>;
  if (ONE_WAY.has(def.type)) return true;
  if (def.type === 'lazy' && def.getter) return encodesDifferently(def.getter(), seen);
  return Object.values(def).some((v) => schemasIn(v).some((s) => encodesDifferently(s, seen)));
}

function resolveSchema(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  if (schema && typeof schema === 'object' && 'properties' in schema && schema.properties instanceof $ZodType) return schema.properties;
  throw new InvalidSchemaError(JSON.stringify(schema));
}

export const serializerCompiler: FastifySerializerCompiler<$ZodType | { properties: $ZodType }> = ({ schema, method, url }) => {
  const resolved = resolveSchema(schema);
  const check = encodesDifferently(resolved) ? safeEncode : safeParse;
  return (data) => {
    const result = check(resolved, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
