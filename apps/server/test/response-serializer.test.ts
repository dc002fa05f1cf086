// The answers' serializer: checked against the contract, parsed once where encoding would give the
// same, encoded where a schema works one way only.
import { CallSummary, Snapshot, UnitReportAnswer } from '@amk/contracts';
import Fastify from 'fastify';
import type { $ZodType } from 'zod/v4/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encodesDifferently, serializerCompiler } from '../src/lib/response-serializer.js';

/** A Fastify app with one GET / answering `data` under `schema`, and what it answered. */
async function answer(schema: $ZodType, data: unknown) {
  const app = Fastify();
  app.setSerializerCompiler(serializerCompiler);
  app.get('/', { schema: { response: { 200: schema } } }, async () => data);
  try {
    const res = await app.inject({ method: 'GET', url: '/' });
    return { status: res.statusCode, body: res.body };
  } finally {
    await app.close();
  }
}

describe('response serializer', () => {
  it('parses the hot answers once: the snapshot, a call, a position answer have no one-way part', () => {
    for (const schema of [Snapshot, CallSummary, UnitReportAnswer]) expect(encodesDifferently(schema)).toBe(false);
  });

  it('finds a one-way part however deep: a codec in an array in an object behind z.lazy', () => {
    const at = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });
    expect(encodesDifferently(z.lazy(() => z.object({ list: z.array(z.object({ at })) })))).toBe(true);
    expect(encodesDifferently(z.object({ n: z.number().default(1) }))).toBe(true);
    expect(encodesDifferently(z.object({ s: z.string().transform((s) => s.length) }))).toBe(true);
    // shapes made by extend, pick and partial
    const base = z.object({ id: z.string(), n: z.number().catch(0) });
    expect(encodesDifferently(z.object({ id: z.string() }).extend({ at }))).toBe(true);
    expect(encodesDifferently(base.pick({ n: true }))).toBe(true);
    expect(encodesDifferently(base.pick({ id: true }))).toBe(false);
    expect(encodesDifferently(base.partial())).toBe(true);
    expect(encodesDifferently(z.object({ s: z.string().nullable().optional(), u: z.union([z.literal('a'), z.number()]) }))).toBe(false);
  });

  it('leaves out what the contract does not name, and refuses an answer that breaks it', async () => {
    const schema = z.object({ id: z.string(), n: z.number() });
    const ok = await answer(schema, { id: 'a', n: 1, fodselsnummer: '01010112345' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ id: 'a', n: 1 });
    const broken = await answer(schema, { id: 'a', n: 'one' });
    expect(broken.status).toBe(500);
    expect(broken.body).not.toContain('one');
  });

  it('encodes a schema with a codec, as the wire needs it', async () => {
    const at = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });
    const res = await answer(z.object({ at }), { at: new Date('2026-12-04T12:00:00.000Z') });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ at: '2026-12-04T12:00:00.000Z' });
  });
});
