// The audit log names what each row is about in words a supervisor recognises — a call by its line
// and the time it rang, a unit by its call sign, a user by name — never by a bare UUID, and never
// with the caller's or patient's data (reading the log is not a read of the record).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCall, createCentre, createUnit, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let operator: string;
let supervisor: string;
let centreId: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  centreId = (await createCentre(prisma)).id;
  const [op, sup] = await Promise.all([createUser(prisma, centreId), createUser(prisma, centreId, { role: 'supervisor' })]);
  [operator, supervisor] = [await cookieFor(app, op!.username), await cookieFor(app, sup!.username)];
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  subject: { name: string | null; line: string | null; at: string | null } | null;
};
async function entriesFor(entityId: string): Promise<Entry[]> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/audit?entityId=${encodeURIComponent(entityId)}`,
    headers: { cookie: supervisor },
  });
  expect(res.statusCode).toBe(200);
  return res.json().entries;
}

describe('the audit log in words', () => {
  it('a read call record is named by its line and the time it rang, without the caller', async () => {
    const ringingAt = new Date('2026-11-30T22:14:05.000Z');
    const call = await createCall(prisma, centreId, { line: '113', ringingAt, callerName: 'Kari Hemmelig', callerNumber: '+4791234567' });
    const read = await app.inject({ method: 'GET', url: `/api/v1/calls/${call.id}`, headers: { cookie: operator } });
    expect(read.statusCode).toBe(200);
    const [entry] = (await entriesFor(call.id)).filter((e) => e.action === 'call.read');
    expect(entry?.subject).toEqual({ name: null, line: '113', at: ringingAt.toISOString() });
    expect(JSON.stringify(entry)).not.toMatch(/Kari|91234567/);
  });

  it('a unit by its call sign, a record that no longer exists and a malformed id as nothing to name', async () => {
    const unit = await createUnit(prisma, centreId);
    const gone = crypto.randomUUID();
    await prisma.auditLog.createMany({
      data: [
        { actorKind: 'SYSTEM', actorName: 'system', centreId, action: 'unit.status', entityType: 'Unit', entityId: unit.id },
        { actorKind: 'SYSTEM', actorName: 'system', centreId, action: 'call.read', entityType: 'Call', entityId: gone },
        { actorKind: 'SYSTEM', actorName: 'system', centreId, action: 'call.read', entityType: 'Call', entityId: 'not-a-uuid' },
      ],
    });
    expect((await entriesFor(unit.id))[0]?.subject).toEqual({ name: unit.callSign, line: null, at: null });
    expect((await entriesFor(gone))[0]?.subject).toBeNull();
    expect((await entriesFor('not-a-uuid'))[0]?.subject ?? null).toBeNull();
  });
});
