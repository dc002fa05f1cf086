// Issue 11: the § 11 crew rule is enforced. A unit whose crew fails cannot become available (by
// hand or from its terminal), is not recommended and is not put on a mission, unless an operator
// of its own centre overrides with a reason, which is kept on the unit and the mission and audited.
// Recommendations list what they left out, with the reason.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl, standDownFleet } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let amk: string;
let key: string;
const A14_PROBLEM = 'Ambulansebil skal være bemannet med minst to personer (har 1).';
const started = new Date();

beforeAll(async () => {
  app = await buildTestApp(prisma);
  amk = await cookieFor(app, 'amk.bergen');
  key = (await createIntegrationKeyService(prisma).create('crew-rule terminals', 'AMK-BERGEN')).key;
});
/** The console asks for bokmål; the refusals below are read as an operator reads them. */
const inNorwegian = { 'accept-language': 'nb' };

/** As the demo seed has it: BGN-A14 free at its station with a crew of one, no override. */
async function seededA14() {
  await standDownFleet(prisma);
  await prisma.unit.update({
    where: { callSign: 'BGN-A14' },
    data: { crewOk: false, crewProblem: A14_PROBLEM, crewOverrideReason: null, crewOverrideAt: null, crewOverrideBy: null },
  });
}
beforeEach(seededA14);
afterAll(async () => {
  await seededA14();
  await app.close();
  await prisma.$disconnect();
});

const unitId = async (callSign: string) => (await prisma.unit.findUniqueOrThrow({ where: { callSign } })).id;
const unit = (callSign: string) => prisma.unit.findUniqueOrThrow({ where: { callSign } });
const call = async (lat = 60.3911, lon = 5.3222) => {
  const id = crypto.randomUUID();
  await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie: amk },
    payload: { id, line: '113', lat, lon, urgency: 'A' },
  });
  return id;
};
const recommendations = async (callId: string, cookie = amk) =>
  (await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie } })).json();
const createMission = async (payload: object, cookie = amk) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/missions',
    headers: { cookie, ...inNorwegian },
    payload: { id: crypto.randomUUID(), ...payload },
  });
const setStatus = async (callSign: string, body: object, cookie = amk) =>
  app.inject({ method: 'POST', url: `/api/v1/units/${await unitId(callSign)}/status`, headers: { cookie, ...inNorwegian }, payload: body });
const terminal = (callSign: string, status: string) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/integrations/units/${callSign}/status`,
    headers: { authorization: `Bearer ${key}` },
    payload: { status, at: new Date().toISOString() },
  });

describe('recommendations leave out a crew that fails § 11, and say why', () => {
  it('BGN-A14 is not ranked; it is listed under the ranking with the § 11 problem', async () => {
    const recs = await recommendations(await call());
    expect(recs.units.map((u: { callSign: string }) => u.callSign)).not.toContain('BGN-A14');
    expect(recs.excluded.find((u: { callSign: string }) => u.callSign === 'BGN-A14')).toMatchObject({
      reason: 'CREW_FAILS_SECTION_11',
      crewProblem: A14_PROBLEM,
      own: true,
      crewOverrideReason: null,
    });
    expect(recs.maxPositionAgeMinutes).toBe(10);
  });

  it('names every reason: on another mission, position too old, another centre’s unit', async () => {
    const busy = await createMission({ callId: await call(), unitIds: [await unitId('BGN-A11')] });
    expect(busy.statusCode).toBe(201);
    const old = new Date(Date.now() - 45 * 60_000);
    await prisma.unit.update({ where: { callSign: 'BGN-A12' }, data: { status: 'AVAILABLE_ON_THE_MOVE', positionAt: old } });
    const recs = await recommendations(await call());
    const reasonOf = (cs: string) => recs.excluded.find((u: { callSign: string }) => u.callSign === cs);
    expect(reasonOf('BGN-A11')).toMatchObject({ reason: 'ON_ANOTHER_MISSION', status: 'ALERTED' });
    expect(reasonOf('BGN-A12')).toMatchObject({ reason: 'POSITION_STALE', positionAgeMinutes: 45 });
    expect(reasonOf('LV-BGN1')).toMatchObject({ reason: 'OTHER_CENTRE', own: false }); // the legevakt's car, not AMK's to send
    const ranked = recs.units.map((u: { callSign: string }) => u.callSign);
    for (const cs of ['BGN-A11', 'BGN-A12', 'BGN-A14', 'LV-BGN1']) expect(ranked).not.toContain(cs);
    // nearest first; a unit whose place nobody knows (no distance) last
    const km = recs.excluded.map((u: { distanceKm: number | null }) => u.distanceKm);
    const known = km.filter((d: number | null): d is number => d !== null);
    expect(km).toEqual([...known.sort((a: number, b: number) => a - b), ...km.filter((d: number | null) => d === null)]);
  });

  it('preparedness does not count a crew that fails § 11 as a free ambulance', async () => {
    const prep = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: amk } })).json();
    expect(prep.kommuner.every((k: { nearestFreeCallSign: string | null }) => k.nearestFreeCallSign !== 'BGN-A14')).toBe(true);
  });
});

describe('dispatch: refused under § 11 unless overridden with a reason', () => {
  it('refuses with a 409 naming § 11 and what is missing; nothing is written', async () => {
    const callId = await call();
    const id = crypto.randomUUID();
    const res = await createMission({ id, callId, unitIds: [await unitId('BGN-A14')] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      `BGN-A14 er ikke bemannet etter akuttmedisinforskriften § 11: ${A14_PROBLEM} Oppgi en begrunnelse for å overstyre.`,
    );
    expect(await prisma.mission.findUnique({ where: { id } })).toBeNull();
    expect((await unit('BGN-A14')).status).toBe('AVAILABLE_AT_STATION');
    // a mission with a good unit and the failing one: all or nothing
    const both = await createMission({ id, callId, unitIds: [await unitId('BGN-A11'), await unitId('BGN-A14')] });
    expect(both.statusCode).toBe(409);
    expect(await prisma.mission.findUnique({ where: { id } })).toBeNull();
    expect((await unit('BGN-A11')).status).toBe('AVAILABLE_AT_STATION');
  });

  it('an override with a reason sends it; the reason is kept on the mission and the unit, and audited', async () => {
    const reason = 'Hjertestans, ingen annen ledig bil innen 20 min';
    const res = await createMission({ callId: await call(), unitIds: [await unitId('BGN-A14')], override: { reason } });
    expect(res.statusCode).toBe(201);
    expect(res.json().units).toEqual([expect.objectContaining({ callSign: 'BGN-A14', crewOverrideReason: reason })]);
    const a14 = await unit('BGN-A14');
    expect(a14).toMatchObject({ status: 'ALERTED', crewOverrideReason: reason, crewOverrideBy: 'Ingrid Haugland' });
    const audit = await prisma.auditLog.findFirst({ where: { action: 'unit.crew_override', entityId: a14.id }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toMatchObject({ callSign: 'BGN-A14', reason, crewProblem: A14_PROBLEM, missionId: res.json().id });
    expect(audit?.actorName).toBe('amk.bergen');
    // the snapshot shows the override beside the unit
    const snap = (await app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: { cookie: amk } })).json();
    expect(snap.units.find((u: { callSign: string }) => u.callSign === 'BGN-A14').crewOverride).toMatchObject({
      reason,
      by: 'Ingrid Haugland',
    });
  });

  it('adding the unit to an open mission is refused the same way, and accepted with a reason', async () => {
    const m = await createMission({ callId: await call(), unitIds: [await unitId('BGN-A11')] });
    const add = (payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/missions/${m.json().id}/units`, headers: { cookie: amk, ...inNorwegian }, payload });
    const refused = await add({ unitId: await unitId('BGN-A14') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/§ 11: Ambulansebil skal være bemannet med minst to personer/);
    expect((await add({ unitId: await unitId('BGN-A14'), override: { reason: '' } })).statusCode).toBe(400);
    const ok = await add({ unitId: await unitId('BGN-A14'), override: { reason: 'Trenger to biler, tar den som er' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().units.find((u: { callSign: string }) => u.callSign === 'BGN-A14').crewOverrideReason).toBe(
      'Trenger to biler, tar den som er',
    );
  });

  it('another centre may not override § 11 for a unit that is not its own, nor ask to borrow it', async () => {
    const forde = await cookieFor(app, 'amk.forde');
    const fordeCall = crypto.randomUUID();
    await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie: forde },
      payload: { id: fordeCall, line: '113', lat: 60.39, lon: 5.32, urgency: 'A' },
    });
    const res = await createMission(
      { callId: fordeCall, unitIds: [await unitId('BGN-A14')], override: { reason: 'Førde vil sende den' } },
      forde,
    );
    // a neighbour's unit is never sent from here (mutual aid asks its owner), override or not
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/be om bistand/);
    // and a crew that fails § 11 is not lent either
    const borrow = await app.inject({
      method: 'POST',
      url: '/api/v1/mutual-aid',
      headers: { cookie: forde },
      payload: { unitId: await unitId('BGN-A14'), callId: fordeCall },
    });
    expect(borrow.statusCode).toBe(409);
    expect(borrow.json().message).toMatch(/§ 11/);
    expect((await unit('BGN-A14')).crewOverrideReason).toBeNull();
  });
});

describe('becoming available: refused under § 11 by hand and from the terminal, unless overridden', () => {
  beforeEach(async () => {
    await prisma.unit.update({ where: { callSign: 'BGN-A14' }, data: { status: 'UNAVAILABLE' } });
  });

  it('by hand: 409 with the reason; with an override the unit is available and keeps the reason', async () => {
    const refused = await setStatus('BGN-A14', { status: 'AVAILABLE_AT_STATION' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(
      /^BGN-A14 er ikke bemannet etter akuttmedisinforskriften § 11: Ambulansebil skal være bemannet med minst to personer \(har 1\)/,
    );
    expect((await unit('BGN-A14')).status).toBe('UNAVAILABLE');
    const ok = await setStatus('BGN-A14', { status: 'AVAILABLE_AT_STATION', override: { reason: 'Makker kommer om 5 min' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'AVAILABLE_AT_STATION',
      crewOk: false,
      crewOverride: { reason: 'Makker kommer om 5 min', by: 'Ingrid Haugland' },
    });
    expect(
      await prisma.auditLog.count({
        where: { action: 'unit.crew_override', entityId: ok.json().id, detail: { path: ['status'], equals: 'AVAILABLE_AT_STATION' } },
      }),
    ).toBeGreaterThan(0);
    // still not recommended: the override lets it work, it does not make the crew pass
    const recs = await recommendations(await call());
    expect(recs.excluded.find((u: { callSign: string }) => u.callSign === 'BGN-A14')).toMatchObject({
      reason: 'CREW_FAILS_SECTION_11',
      crewOverrideReason: 'Makker kommer om 5 min',
    });
  });

  it('from the terminal: the same refusal (a terminal cannot override)', async () => {
    const res = await terminal('BGN-A14', 'AVAILABLE_AT_STATION');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/§ 11/);
    expect((await unit('BGN-A14')).status).toBe('UNAVAILABLE');
  });

  it('a new crew is a new check: passing, it goes free without a word; the old override is gone', async () => {
    await prisma.unit.update({
      where: { callSign: 'BGN-A14' },
      data: { crewOverrideReason: 'gammel', crewOverrideBy: 'x', crewOverrideAt: new Date() },
    });
    const crew = await app.inject({
      method: 'PUT',
      url: `/api/v1/units/${await unitId('BGN-A14')}/crew`,
      headers: { cookie: amk },
      payload: {
        members: [
          { personName: 'Kari', authorisation: 'AMBULANCE_WORKER' },
          { personName: 'Ola', authorisation: 'HEALTH_PERSONNEL' },
        ],
      },
    });
    expect(crew.json()).toMatchObject({ crewOk: true, crewProblem: null, crewOverride: null });
    expect((await terminal('BGN-A14', 'AVAILABLE_AT_STATION')).statusCode).toBe(200);
  });

  it('the crew for the shift records licence, certificate and a temporary post (§ 11 first and sixth paragraphs)', async () => {
    const id = await unitId('BGN-A14');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const crewOf = (members: object[]) =>
      app.inject({ method: 'PUT', url: `/api/v1/units/${id}/crew`, headers: { cookie: amk }, payload: { members } });
    const noLicence = await crewOf([
      { personName: 'Kari', authorisation: 'AMBULANCE_WORKER' },
      { personName: 'Per', authorisation: 'PARAMEDIC', drivingLicence: false },
    ]);
    expect(noLicence.json()).toMatchObject({ crewOk: false });
    expect(noLicence.json().crewProblem).toBe('Per mangler førerkort for kjøretøyklassen.');
    const exempt = await crewOf([
      { personName: 'Kari', authorisation: 'AMBULANCE_WORKER' },
      { personName: 'Per', authorisation: 'PARAMEDIC', drivingLicence: false, temporaryPost: { from: today, to: today } },
    ]);
    expect(exempt.json()).toMatchObject({ crewOk: true });
    const row = await prisma.crewAssignment.findFirstOrThrow({ where: { unitId: id, toAt: null, personName: 'Per' } });
    expect(row).toMatchObject({ drivingLicence: false, emergencyDrivingCertificate: true });
    expect(row.temporaryPostFrom?.toISOString().slice(0, 10)).toBe(today);
    const backwards = await crewOf([
      { personName: 'Per', authorisation: 'PARAMEDIC', temporaryPost: { from: '2026-12-10', to: '2026-12-01' } },
    ]);
    expect(backwards.statusCode).toBe(400);
    // back to the seeded crew of one
    await crewOf([{ personName: 'Mannskap 1 BGN-A14', authorisation: 'AMBULANCE_WORKER' }]);
  });
});

describe('a closed mission releases a § 11 unit without making it available', () => {
  it('sent with an override: free again when the mission closes (the override stands)', async () => {
    const m = await createMission({ callId: await call(), unitIds: [await unitId('BGN-A14')], override: { reason: 'Eneste bil' } });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${m.json().id}/close`,
      headers: { cookie: amk },
      payload: { outcome: 'Avbrutt' },
    });
    expect(closed.statusCode).toBe(200);
    expect((await unit('BGN-A14')).status).toBe('AVAILABLE_AT_STATION');
  });

  it('without a standing override (the crew changed on the way): released as unavailable, with the reason', async () => {
    const m = await createMission({ callId: await call(), unitIds: [await unitId('BGN-A14')], override: { reason: 'Eneste bil' } });
    await prisma.unit.update({ where: { callSign: 'BGN-A14' }, data: { crewOverrideReason: null } });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${m.json().id}/close`,
      headers: { cookie: amk },
      payload: { outcome: 'Avbrutt' },
    });
    expect((await unit('BGN-A14')).status).toBe('UNAVAILABLE');
    expect(closed.json().timeline.at(-1)).toMatchObject({ callSign: 'BGN-A14', status: 'UNAVAILABLE', source: 'SYSTEM' });
    expect(closed.json().timeline.at(-1).reason).toMatch(/ikke bemannet etter § 11/);
  });
});

describe('indicators', () => {
  it('count the overrides of § 11 as deviations: to send a unit, and to make it available', async () => {
    const q = `from=${encodeURIComponent(started.toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`;
    const before = (await app.inject({ method: 'GET', url: `/api/v1/indicators?${q}`, headers: { cookie: amk } })).json().crewOverrides;
    // this file overrode by hand once and sent under override four times so far
    expect(before).toEqual({ total: 5, dispatches: 4, statusChanges: 1 });
    await createMission({ callId: await call(), unitIds: [await unitId('BGN-A14')], override: { reason: 'Ett avvik til' } });
    const q2 = `from=${encodeURIComponent(started.toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`;
    const after = (await app.inject({ method: 'GET', url: `/api/v1/indicators?${q2}`, headers: { cookie: amk } })).json().crewOverrides;
    expect(after).toEqual({ total: 6, dispatches: 5, statusChanges: 1 });
    // another centre's indicators do not count them
    const forde = await cookieFor(app, 'amk.forde');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/indicators?${q2}`, headers: { cookie: forde } })).json().crewOverrides.total,
    ).toBe(0);
  });
});
