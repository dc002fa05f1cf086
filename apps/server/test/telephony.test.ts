// Telephony after the ring: answered, ended, abandoned; the queue and who takes a call. The
// centres, operators and telephony key are this file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createIntegrationKey, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { asIntegration, cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let cti: ReturnType<typeof asIntegration>;
/** Two operators of the own AMK centre, and one of another AMK centre. */
let ingrid: { id: string; username: string; displayName: string };
let lars: { id: string; username: string; displayName: string };
let otherOperator: { username: string };

beforeAll(async () => {
  app = await buildTestApp(prisma);
  const [centre, other] = await Promise.all([createCentre(prisma), createCentre(prisma)]);
  cti = asIntegration(app, await createIntegrationKey(prisma, centre.code, 'cti'), centre.code);
  [ingrid, lars, otherOperator] = await Promise.all([
    createUser(prisma, centre.id, { displayName: 'Ingrid Test' }),
    createUser(prisma, centre.id, { displayName: 'Lars Test' }),
    createUser(prisma, other.id),
  ]);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const uid = () => `tel-${Math.random().toString(36).slice(2)}`;

describe('answered and ended', () => {
  it('records the answer time once; a repeated message changes nothing', async () => {
    const id = uid();
    await cti.ring(id, '+4790000101', { ringingAt: '2026-11-22T10:00:00Z' });
    const first = await cti.answered(id, { answeredAt: '2026-11-22T10:00:07Z', operator: ingrid.username });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ state: 'ANSWERED', answeredAt: '2026-11-22T10:00:07.000Z', operatorId: ingrid.id });
    const eventsOfCall = () => prisma.event.count({ where: { data: { path: ['id'], equals: first.json().id } } });
    const events = await eventsOfCall();
    const again = await cti.answered(id, { answeredAt: '2026-11-22T10:00:09Z' });
    expect(again.json().answeredAt).toBe('2026-11-22T10:00:07.000Z');
    expect(await eventsOfCall()).toBe(events);
  });

  it('an answered call that ends stays open for the operator to finish the record', async () => {
    const id = uid();
    await cti.ring(id);
    await cti.answered(id, { answeredAt: new Date().toISOString() });
    const ended = await cti.ended(id, { endedAt: new Date().toISOString() });
    expect(ended.json()).toMatchObject({ state: 'ENDED', closedAt: null });
  });

  it('a call that rings out unanswered is recorded as abandoned and leaves the queue', async () => {
    const id = uid();
    const rang = (await cti.ring(id)).json();
    const ended = await cti.ended(id, { endedAt: new Date().toISOString() });
    expect(ended.json()).toMatchObject({ state: 'ABANDONED', answeredAt: null });
    expect(ended.json().closedAt).not.toBeNull();
    const again = await cti.ended(id, { endedAt: new Date(Date.now() + 5000).toISOString() });
    expect(again.json().endedAt).toBe(ended.json().endedAt);
    const cookie = await cookieFor(app, ingrid.username);
    const open = await app.inject({ method: 'GET', url: '/api/v1/calls', headers: { cookie } });
    expect(open.json().calls.map((c: { id: string }) => c.id)).not.toContain(rang.id);
  });

  it('names an unknown externalId and refuses bad times', async () => {
    const unknown = await cti.answered('no-such-call', { answeredAt: new Date().toISOString() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toMatch(/no-such-call/);
    const id = uid();
    await cti.ring(id);
    const bad = await cti.ended(id, { endedAt: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/endedAt/);

    const early = uid();
    await cti.ring(early, '+4790000102', { ringingAt: '2026-11-22T10:00:00Z' });
    const beforeRing = await cti.answered(early, { answeredAt: '2026-11-22T09:59:50Z' });
    expect(beforeRing.statusCode).toBe(400);
    expect(beforeRing.json().message).toMatch(/answeredAt 2026-11-22T09:59:50.000Z is before the call rang/);
    expect((await cti.ended(early, { endedAt: '2026-11-22T09:00:00Z' })).statusCode).toBe(400);
    expect(await prisma.call.findFirst({ where: { externalId: early } })).toMatchObject({
      state: 'RINGING',
      answeredAt: null,
      endedAt: null,
    });
  });

  it('"answered" and "ended" arriving together never leave an answered call abandoned', async () => {
    const ids = Array.from({ length: 12 }, () => uid());
    for (const id of ids) await cti.ring(id, '+4790000104', { ringingAt: '2026-11-22T12:00:00Z' });
    await Promise.all(
      ids.map((id) =>
        Promise.all([cti.answered(id, { answeredAt: '2026-11-22T12:00:04Z' }), cti.ended(id, { endedAt: '2026-11-22T12:02:00Z' })]),
      ),
    );
    const calls = await prisma.call.findMany({ where: { externalId: { in: ids } } });
    expect(calls).toHaveLength(12);
    for (const c of calls)
      expect({ state: c.state, answered: c.answeredAt !== null, closed: c.closedAt !== null }).toEqual({
        state: 'ENDED',
        answered: true,
        closed: false,
      });
  });

  it('an "answered" overtaken by its "ended" brings the call back as answered, not abandoned', async () => {
    const id = uid();
    const rang = (await cti.ring(id, '+4790000103', { ringingAt: '2026-11-22T11:00:00Z' })).json();
    expect((await cti.ended(id, { endedAt: '2026-11-22T11:03:00Z' })).json()).toMatchObject({ state: 'ABANDONED' });
    const late = await cti.answered(id, { answeredAt: '2026-11-22T11:00:06Z' });
    expect(late.json()).toMatchObject({ state: 'ENDED', answeredAt: '2026-11-22T11:00:06.000Z', closedAt: null });
    const open = await app.inject({ method: 'GET', url: '/api/v1/calls', headers: { cookie: await cookieFor(app, ingrid.username) } });
    expect(open.json().calls.map((c: { id: string }) => c.id)).toContain(rang.id);
  });
});

describe('the queue', () => {
  it('the first operator to take a ringing call owns it; the second is told who has it', async () => {
    const id = uid();
    const call = (await cti.ring(id)).json();
    const a = await cookieFor(app, ingrid.username);
    const b = await cookieFor(app, lars.username);
    const [ra, rb] = await Promise.all([
      app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: { cookie: a } }),
      app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: { cookie: b } }),
    ]);
    const statuses = [ra.statusCode, rb.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const [loser, winner] = ra.statusCode === 409 ? [ra, lars] : [rb, ingrid];
    expect(loser.json().message).toContain(`${winner.displayName} has already taken this call`);
    const row = await prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(row).toMatchObject({ state: 'ANSWERED', operatorId: winner.id });
  });

  it('another centre cannot take it', async () => {
    const call = (await cti.ring(uid())).json();
    const forde = await cookieFor(app, otherOperator.username);
    const res = await app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: { cookie: forde } });
    expect(res.statusCode).toBe(404);
  });
});
