// Reads during a hand-over are audited for the reader's centre and for the centre that owns the
// call (issue 15, hole 6): the transfer list (caller names and numbers) and the call record.
// The centres and users are this file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let lv: string;
let amk: string;
let callId: string;
/** The legevaktsentral that hands the call over, the AMK it is offered to, and their operators. */
let LVS: string;
let AMK: string;
let amkCode: string;
let lvUser: string;
let amkUser: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  const [lvsCentre, amkCentre] = await Promise.all([createCentre(prisma, { kind: 'LVS' }), createCentre(prisma)]);
  [LVS, AMK, amkCode] = [lvsCentre.id, amkCentre.id, amkCentre.code];
  [lvUser, amkUser] = (await Promise.all([createUser(prisma, LVS, { role: 'lv_operator' }), createUser(prisma, AMK)])).map(
    (u) => u.username,
  ) as [string, string];
  [lv, amk] = [await cookieFor(app, lvUser), await cookieFor(app, amkUser)];
  callId = crypto.randomUUID();
  const call = await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie: lv },
    payload: { id: callId, line: '116117', callerName: 'Kari Audit' },
  });
  expect(call.statusCode).toBe(201);
  const transfer = await app.inject({
    method: 'POST',
    url: `/api/v1/calls/${callId}/transfers`,
    headers: { cookie: lv },
    payload: { toCentre: amkCode, reason: 'Rød respons' },
  });
  expect(transfer.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const since = () => new Date(Date.now() - 1_000);

describe('audit during a hand-over', () => {
  it('GET /transfers writes a row for the reader, and one under the owning centre naming the reader', async () => {
    const from = since();
    const res = await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: { cookie: amk } });
    expect(res.statusCode).toBe(200);
    expect(res.json().transfers.map((t: { call: { callerName: string } }) => t.call.callerName)).toContain('Kari Audit');

    const rows = await prisma.auditLog.findMany({ where: { action: 'transfer.list', actorName: amkUser, at: { gte: from } } });
    const reader = rows.find((r) => r.centreId === AMK && r.entityType === 'Transfer');
    expect(reader?.detail).toMatchObject({ callIds: expect.arrayContaining([callId]) });
    const owner = rows.find((r) => r.centreId === LVS && r.entityId === callId);
    expect(owner).toMatchObject({ entityType: 'Call', detail: { readerCentre: amkCode } });
  });

  it('the sending centre reading its own call in the list is audited under its own centre only', async () => {
    const from = since();
    await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: { cookie: lv } });
    const rows = await prisma.auditLog.findMany({ where: { action: 'transfer.list', actorName: lvUser, at: { gte: from } } });
    expect(rows.find((r) => r.entityType === 'Transfer')?.centreId).toBe(LVS);
    expect(rows.filter((r) => r.entityId === callId)).toEqual([]);
  });

  it("the receiving centre reading the offered call's record is audited for both centres", async () => {
    const from = since();
    expect((await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}`, headers: { cookie: amk } })).statusCode).toBe(200);
    const rows = await prisma.auditLog.findMany({
      where: { action: 'call.read', entityId: callId, actorName: amkUser, at: { gte: from } },
    });
    expect(new Set(rows.map((r) => r.centreId))).toEqual(new Set([AMK, LVS]));
  });

  it('the snapshot, which carries the hand-overs too, audits them the same way', async () => {
    const from = since();
    expect((await app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: { cookie: amk } })).statusCode).toBe(200);
    const owner = await prisma.auditLog.findFirst({
      where: { action: 'transfer.list', centreId: LVS, entityId: callId, actorName: amkUser, at: { gte: from } },
    });
    expect(owner).not.toBeNull();
  });
});
