// Operator competence (§ 8, § 13 f, § 15 l) through the real routes: an operator who falls short may
// log in but not register or take calls, and nothing is written; an admin keeps the record for
// their own centre only, audited, and bad input is a 400 that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCall, createCentre, createIntegrationKey, createUser } from './support/factories.js';
import { asIntegration, cookieFor } from './support/integration.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let amk: { id: string; code: string };
let lvs: { id: string; code: string };
let other: { id: string; code: string };
let lacking: { id: string; username: string };
let lackingLvs: { id: string; username: string };
let lackingCookie: string;
let lackingLvsCookie: string;
let okCookie: string;
let adminCookie: string;
let otherAdminCookie: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  [amk, lvs, other] = await Promise.all([createCentre(prisma), createCentre(prisma, { kind: 'LVS' }), createCentre(prisma)]);
  const [l, ll, ok, admin, otherAdmin] = await Promise.all([
    createUser(prisma, amk.id, { competent: false }),
    createUser(prisma, lvs.id, { role: 'lv_operator', competent: false }),
    createUser(prisma, amk.id),
    createUser(prisma, amk.id, { role: 'admin' }),
    createUser(prisma, other.id, { role: 'admin' }),
  ]);
  lacking = l;
  lackingLvs = ll;
  const cookies = await Promise.all([l, ll, ok, admin, otherAdmin].map((u) => cookieFor(app, u.username)));
  [lackingCookie, lackingLvsCookie, okCookie, adminCookie, otherAdminCookie] = cookies as [string, string, string, string, string];
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const manual = (line = '113') => ({ id: crypto.randomUUID(), line, callerName: 'Kari Nordmann' });
const valid = {
  education: 'NURSE',
  operatorTrainingOn: '2022-03-01',
  clinicalPracticeConfirmed: true,
  emergencyCourseOn: '2022-04-01',
  violenceCourseOn: '2022-05-01',
  hprNumber: '1234567',
};

describe('an operator who does not meet the paragraph', () => {
  it('can log in and read their status', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/me/competence', headers: { cookie: lackingCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ checked: true, ok: false });
    expect(res.json().problems.join(' ')).toContain('§ 15 l');
  });

  it('cannot register a call (AMK, § 15 l), and nothing is written', async () => {
    const body = manual();
    const res = await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: lackingCookie }, payload: body });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('§ 15 l');
    expect(res.json().message).toContain('sykepleier eller ambulansearbeider');
    expect(await prisma.call.findUnique({ where: { id: body.id } })).toBeNull();
  });

  it('cannot register a call (LVS, § 13 f and § 8)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie: lackingLvsCookie },
      payload: manual('116117'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('§ 13 f');
    expect(res.json().message).toContain('§ 8');
  });

  it('cannot take a ringing call, which stays in the queue', async () => {
    const call = await createCall(prisma, amk.id);
    const res = await app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: { cookie: lackingCookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('tilleggsopplæring');
    const after = await prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(after).toMatchObject({ state: 'RINGING', operatorId: null, answeredAt: null });
  });

  it('telephony reporting that they answered is kept (the phone was picked up), and audited as a breach', async () => {
    const cti = asIntegration(app, await createIntegrationKey(prisma, amk.code, 'cti'), amk.code);
    const externalId = `ext-${crypto.randomUUID()}`;
    const rung = (await cti.ring(externalId)).json();
    const res = await cti.answered(externalId, { answeredAt: new Date().toISOString(), operator: lacking.username });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: rung.id, state: 'ANSWERED' });
    const audit = await prisma.auditLog.findFirst({ where: { action: 'call.answered-without-competence', entityId: rung.id } });
    expect(audit?.detail).toMatchObject({ operator: lacking.username });
  });

  it('cannot accept a transfer (that would make them the call’s owner); the transfer waits', async () => {
    const lvCookie = await cookieFor(app, (await createUser(prisma, lvs.id, { role: 'lv_operator' })).username);
    const id = crypto.randomUUID();
    const made = await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie: lvCookie },
      payload: { id, line: '116117', callerName: 'Per Hansen' },
    });
    expect(made.statusCode).toBe(201);
    const requested = await app.inject({
      method: 'POST',
      url: `/api/v1/calls/${id}/transfers`,
      headers: { cookie: lvCookie },
      payload: { toCentre: amk.code, reason: 'Rød respons: mulig hjerteinfarkt' },
    });
    expect(requested.statusCode).toBe(201);
    const transferId = requested.json().id as string;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${transferId}/answer`,
      headers: { cookie: lackingCookie },
      payload: { decision: 'ACCEPT' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('§ 15 l');
    expect((await prisma.transfer.findUniqueOrThrow({ where: { id: transferId } })).state).toBe('REQUESTED');
    expect((await prisma.call.findUniqueOrThrow({ where: { id } })).centreId).toBe(lvs.id);
  });

  it('a competent operator takes and registers as before', async () => {
    const call = await createCall(prisma, amk.id);
    expect((await app.inject({ method: 'POST', url: `/api/v1/calls/${call.id}/take`, headers: { cookie: okCookie } })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: okCookie }, payload: manual() })).statusCode).toBe(
      201,
    );
  });
});

describe('the admin keeps the record', () => {
  it('lists the centre’s users with who lacks what', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    const users = res.json().users as Array<{ id: string; competence: { ok: boolean; checked: boolean; problems: string[] } }>;
    expect(users.every((u) => u.id !== lackingLvs.id)).toBe(true); // another centre's user is not listed
    const row = users.find((u) => u.id === lacking.id)!;
    expect(row.competence).toMatchObject({ checked: true, ok: false });
    expect(users.find((u) => u.competence.checked === false)).toBeDefined(); // the admin themself
  });

  it('records competence, audited; the operator may then take calls', async () => {
    const user = await createUser(prisma, amk.id, { competent: false });
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${user.id}/competence`,
      headers: { cookie: adminCookie },
      payload: valid,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...valid, competence: { ok: true, problems: [] } });
    const audit = await prisma.auditLog.findFirst({ where: { action: 'user.competence', entityId: user.id } });
    expect(audit).not.toBeNull();
    const cookie = await cookieFor(app, user.username);
    expect((await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie }, payload: manual() })).statusCode).toBe(201);
  });

  it.each([
    ['an unknown education', { education: 'DOCTOR' }, 'education'],
    ['a letter in the HPR number', { hprNumber: '12a4' }, 'HPR'],
    ['a NUL in the HPR number', { hprNumber: '12\u00004' }, 'HPR'],
    ['year 0', { operatorTrainingOn: '0000-01-01' }, 'operatorTrainingOn'],
    ['year 9999', { emergencyCourseOn: '9999-12-31' }, 'emergencyCourseOn'],
    ['a date in the future', { violenceCourseOn: '2999-01-01' }, 'in the future'],
    ['a field it does not know', { role: 'admin' }, 'role'],
  ])('refuses %s with a 400 and changes nothing', async (_name, patch, mention) => {
    const user = await createUser(prisma, amk.id, { competent: false });
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${user.id}/competence`,
      headers: { cookie: adminCookie },
      payload: { ...valid, ...patch },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(mention);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ education: 'NONE', hprNumber: null, role: 'amk_operator' });
  });

  it('an admin of another centre cannot see or edit this centre’s users', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: otherAdminCookie } });
    expect((list.json().users as Array<{ id: string }>).some((u) => u.id === lacking.id)).toBe(false);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${lacking.id}/competence`,
      headers: { cookie: otherAdminCookie },
      payload: valid,
    });
    expect(res.statusCode).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: lacking.id } })).education).toBe('NONE');
  });

  it('an operator may not edit competence, not even their own', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/admin/users/${lacking.id}/competence`,
      headers: { cookie: lackingCookie },
      payload: valid,
    });
    expect(res.statusCode).toBe(403);
  });
});
