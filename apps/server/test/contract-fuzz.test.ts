// Fuzzing from the contracts: for every route with a JSON body, the OpenAPI document (made from the
// zod schemas) gives a valid body; each request then has exactly one thing wrong with it. Every
// one must be refused with a 4xx whose message names the field, nothing may be written, and the
// server stays ready. (fuzz.test.ts sends shapeless garbage; this sends near-misses.) The callers
// are users of centres the file makes for itself (support/route-matrix.ts), none of the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { buildTestApp, databaseUrl, stopTimedJobs } from './support/test-app.js';
import { MATRIX, createCallers, type Allowed, type Caller } from './support/route-matrix.js';
import { example, mutations, unstorableValues, type JsonSchema } from './support/schema-mutations.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
/** Request headers of every kind of caller, all of this file's own centres (support/route-matrix.ts). */
let auth: Partial<Record<Caller, Record<string, string>>>;

async function counts() {
  const tables = [
    prisma.call,
    prisma.event,
    prisma.mission,
    prisma.notification,
    prisma.transfer,
    prisma.recording,
    prisma.triageCriterion,
    prisma.akutthjelperAlert,
    prisma.akutthjelperAgreement,
    prisma.akutthjelperMember,
    prisma.doctorShift,
    prisma.bistandRequest,
    prisma.callJournalEntry,
  ];
  return Promise.all(tables.map((t) => (t as unknown as { count(): Promise<number> }).count()));
}

beforeAll(async () => {
  app = await buildTestApp(prisma);
  await app.ready();
  await stopTimedJobs(app);
  ({ headers: auth } = await createCallers(app, prisma));
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
};

const callerFor = (allowed: Allowed): Caller =>
  allowed === 'public' ? 'anonymous' : allowed === 'integration' ? 'integration' : (allowed as Role[])[0]!;

let address = 0;
/** A different client address for each request, so no rate limit answers for the contract. */
const nextAddress = () => `10.${(++address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;

describe('fuzzing from the contracts', () => {
  it('every body with one thing wrong is refused, naming the field; nothing is written', { timeout: 180_000 }, async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const before = await counts();
    const failures: string[] = [];
    let sent = 0;
    let routes = 0;
    for (const [openApiPath, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        const route = `${method.toUpperCase()} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`;
        const allowed = MATRIX[route];
        if (!allowed) continue;
        const caller = callerFor(allowed);
        // path parameters as their own contract wants them, so only the body is wrong
        const url = openApiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(
            String(example(op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string', format: 'uuid' })),
          ),
        );
        routes++;
        for (const m of mutations(schema)) {
          // login is limited per address and username: each attempt from its own address
          const res = await app.inject({
            method: method.toUpperCase() as 'POST',
            url,
            headers: { ...auth[caller], 'content-type': 'application/json' },
            payload: JSON.stringify(m.body),
            remoteAddress: nextAddress(),
          });
          sent++;
          const field = m.path.split('.')[0]!;
          const message = res.statusCode >= 400 ? String(res.json().message ?? '') : '';
          if (res.statusCode < 400 || res.statusCode >= 500)
            failures.push(`${route} ${m.path || '(body)'} ${m.what} → ${res.statusCode} ${res.body.slice(0, 160)}`);
          else if (res.statusCode === 400 && field && !message.includes(field))
            failures.push(`${route} ${m.path} ${m.what} → 400 without naming ${field}: ${message.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(routes).toBeGreaterThan(25);
    expect(sent).toBeGreaterThan(400);
    expect(await counts()).toEqual(before);
    expect((await app.inject({ method: 'GET', url: '/health/ready' })).json()).toMatchObject({ status: 'ok' });
  });

  it('every query and path parameter with a NUL, broken text or an edge date is refused, naming it; nothing is written', {
    timeout: 180_000,
  }, async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const before = await counts();
    const failures: string[] = [];
    let sent = 0;
    for (const [openApiPath, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${openApiPath.replace(/\{(\w+)\}/g, ':$1')}`;
        const allowed = MATRIX[route];
        const params = (op.parameters ?? []).filter(
          (p) => (p.in === 'query' || p.in === 'path') && [p.schema.type, p.schema.anyOf?.[0]?.type].flat().includes('string'),
        );
        if (!allowed || !params.length) continue;
        const body = op.requestBody?.content?.['application/json']?.schema;
        for (const target of params) {
          for (const bad of unstorableValues(target.schema, { inUrl: true })) {
            const value = (p: NonNullable<Operation['parameters']>[number]) => (p === target ? bad.value : String(example(p.schema)));
            const path = openApiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(value(op.parameters!.find((p) => p.in === 'path' && p.name === name)!)),
            );
            // the other query parameters valid (all times, so a period is complete), this one wrong
            const query = (op.parameters ?? [])
              .filter((p) => p.in === 'query' && (p === target || p.required || p.schema.format === 'date-time'))
              .map((p) => `${p.name}=${encodeURIComponent(value(p))}`)
              .join('&');
            const res = await app.inject({
              method: method.toUpperCase() as 'GET',
              url: `${path}?${query}`,
              headers: { ...auth[callerFor(allowed)], ...(body && { 'content-type': 'application/json' }) },
              ...(body && { payload: JSON.stringify(example(body)) }),
              remoteAddress: nextAddress(),
            });
            sent++;
            const message = res.statusCode >= 400 ? String(res.json().message ?? '') : '';
            if (res.statusCode < 400 || res.statusCode >= 500)
              failures.push(`${route} ${target.in} ${target.name} ${bad.what} → ${res.statusCode} ${res.body.slice(0, 160)}`);
            else if (res.statusCode === 400 && !message.includes(target.name))
              failures.push(`${route} ${target.name} ${bad.what} → 400 without naming it: ${message.slice(0, 160)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(30);
    expect(await counts()).toEqual(before);
  });

  it('the unauthenticated login refuses a NUL in the username with a 400 naming it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a\u0000b', password: 'x' },
      remoteAddress: nextAddress(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('username');
  });
});
