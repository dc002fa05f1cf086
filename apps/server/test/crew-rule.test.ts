// Issue 11: the § 11 crew rule is enforced. A unit whose crew fails cannot become available (by
// hand or from its terminal), is not recommended and is not put on a mission, unless an operator
// of its own centre overrides with a reason, which is kept on the unit and the mission and audited.
// Recommendations list what they left out, with the reason.
// Every test makes its own AMK centre (with a neighbouring AMK and a legevakt covering the same
// kommune), its own fleet and its own operators (support/factories.ts): nothing is put back after.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma, type Prisma } from '@amk/db';
import { createCentre, createIntegrationKey, createKommune, createStation, createUnit, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
const A14_PROBLEM = 'Ambulansebil skal være bemannet med minst to personer (har 1).';
/** Bergen sentrum, where the calls are; the stations are a little way off, each its own distance. */
const SENTRUM = { lat: 60.3911, lon: 5.3222 };

beforeAll(async () => {
  app = await buildTestApp(prisma);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});
/** The console asks for bokmål; the refusals below are read as an operator reads them. */
const inNorwegian = { 'accept-language': 'nb' };

/**
 * An AMK centre of the test's own covering a kommune of its own, with a neighbouring AMK (that
 * names it a neighbour too) and a legevakt covering the same kommune; an operator (Ingrid Haugland)
 * of each AMK, a key for the terminals, and a fleet as the demo's Bergen has it: A11 and A12 free
 * at their stations, A14 free with a crew of one and no override, and the legevakt's car.
 */
async function region() {
  const kommune = await createKommune(prisma, { lat: SENTRUM.lat, lon: SENTRUM.lon });
  const neighbour = await createCentre(prisma, { kommuner: [] });
  const centre = await createCentre(prisma, { kommuner: [kommune.nummer], neighbourCentreIds: [neighbour.id] });
  await prisma.centre.update({ where: { id: neighbour.id }, data: { neighbourCentreIds: [centre.id] } });
  const lvs = await createCentre(prisma, { kind: 'LVS', kommuner: [kommune.nummer] });
  const at = async (of: { id: string }, km: number, data: Partial<Prisma.UnitUncheckedCreateInput> = {}) => {
    const station = await createStation(prisma, of.id, { lat: SENTRUM.lat + km / 111, lon: SENTRUM.lon, kommunenummer: kommune.nummer });
    return createUnit(prisma, of.id, { stationId: station.id, ...data });
  };
  const [a11, a12, a14, lvCar] = await Promise.all([
    at(centre, 2),
    at(centre, 3),
    at(centre, 1, { crewOk: false, crewProblem: A14_PROBLEM }),
    at(lvs, 1.5, { kind: 'LEGEVAKT_CAR' }),
  ]);
  const operator = await createUser(prisma, centre.id, { displayName: 'Ingrid Haugland' });
  const [amk, forde, key] = await Promise.all([
    cookieFor(app, operator.username),
    cookieFor(app, (await createUser(prisma, neighbour.id)).username),
    createIntegrationKey(prisma, centre.code, 'crew-rule terminals'),
  ]);
  const call = async (cookie = amk) => {
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie },
      payload: { id, line: '113', ...SENTRUM, urgency: 'A' },
    });
    expect(res.statusCode).toBe(201);
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
  const setStatus = async (unitId: string, body: object, cookie = amk) =>
    app.inject({ method: 'POST', url: `/api/v1/units/${unitId}/status`, headers: { cookie, ...inNorwegian }, payload: body });
  const terminal = (callSign: string, status: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/integrations/units/${callSign}/status`,
      headers: { authorization: `Bearer ${key}` },
      payload: { status, at: new Date().toISOString() },
    });
  return { kommune, centre, operator, amk, forde, a11, a12, a14, lvCar, call, recommendations, createMission, setStatus, terminal };
}
const unit = (u: { id: string }) => prisma.unit.findUniqueOrThrow({ where: { id: u.id } });

describe('recommendations leave out a crew that fails § 11, and say why', () => {
  it('A14 is not ranked; it is listed under the ranking with the § 11 problem', async () => {
    const r = await region();
    const recs = await r.recommendations(await r.call());
    expect(recs.units.map((u: { callSign: string }) => u.callSign)).not.toContain(r.a14.callSign);
    expect(recs.units.map((u: { callSign: string }) => u.callSign)).toContain(r.a11.callSign);
    expect(recs.excluded.find((u: { callSign: string }) => u.callSign === r.a14.callSign)).toMatchObject({
      reason: 'CREW_FAILS_SECTION_11',
      crewProblem: A14_PROBLEM,
      own: true,
      crewOverrideReason: null,
    });
    expect(recs.maxPositionAgeMinutes).toBe(10);
  });

  it('names every reason: on another mission, position too old, another centre’s unit', async () => {
    const r = await region();
    const busy = await r.createMission({ callId: await r.call(), unitIds: [r.a11.id] });
    expect(busy.statusCode).toBe(201);
    const old = new Date(Date.now() - 45 * 60_000);
    await prisma.unit.update({ where: { id: r.a12.id }, data: { status: 'AVAILABLE_ON_THE_MOVE', positionAt: old, ...SENTRUM } });
    const recs = await r.recommendations(await r.call());
    const reasonOf = (cs: string) => recs.excluded.find((u: { callSign: string }) => u.callSign === cs);
    expect(reasonOf(r.a11.callSign)).toMatchObject({ reason: 'ON_ANOTHER_MISSION', status: 'ALERTED' });
    expect(reasonOf(r.a12.callSign)).toMatchObject({ reason: 'POSITION_STALE', positionAgeMinutes: 45 });
    expect(reasonOf(r.lvCar.callSign)).toMatchObject({ reason: 'OTHER_CENTRE', own: false }); // the legevakt's car, not AMK's to send
    const ranked = recs.units.map((u: { callSign: string }) => u.callSign);
    for (const u of [r.a11, r.a12, r.a14, r.lvCar]) expect(ranked).not.toContain(u.callSign);
    // nearest first; a unit whose place nobody knows (no distance) last
    const km = recs.excluded.map((u: { distanceKm: number | null }) => u.distanceKm);
    const known = km.filter((d: number | null): d is number => d !== null);
    expect(km).toEqual([...known.sort((a: number, b: number) => a - b), ...km.filter((d: number | null) => d === null)]);
  });

  it('preparedness does not count a crew that fails § 11 as a free ambulance', async () => {
    const r = await region();
    const prep = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: r.amk } })).json();
    // A14's station is the nearest to the kommune, but the nearest free ambulance is A11
    expect(prep.kommuner).toEqual([expect.objectContaining({ kommunenummer: r.kommune.nummer, nearestFreeCallSign: r.a11.callSign })]);
  });
});

describe('dispatch: refused under § 11 unless overridden with a reason', () => {
  it('refuses with a 409 naming § 11 and what is missing; nothing is written', async () => {
    const r = await region();
    const callId = await r.call();
    const id = crypto.randomUUID();
    const res = await r.createMission({ id, callId, unitIds: [r.a14.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(
      `${r.a14.callSign} er ikke bemannet etter akuttmedisinforskriften § 11: ${A14_PROBLEM} Oppgi en begrunnelse for å overstyre.`,
    );
    expect(await prisma.mission.findUnique({ where: { id } })).toBeNull();
    expect((await unit(r.a14)).status).toBe('AVAILABLE_AT_STATION');
    // a mission with a good unit and the failing one: all or nothing
    const both = await r.createMission({ id, callId, unitIds: [r.a11.id, r.a14.id] });
    expect(both.statusCode).toBe(409);
    expect(await prisma.mission.findUnique({ where: { id } })).toBeNull();
    expect((await unit(r.a11)).status).toBe('AVAILABLE_AT_STATION');
  });

  it('an override with a reason sends it; the reason is kept on the mission and the unit, and audited', async () => {
    const r = await region();
    const reason = 'Hjertestans, ingen annen ledig bil innen 20 min';
    const res = await r.createMission({ callId: await r.call(), unitIds: [r.a14.id], override: { reason } });
    expect(res.statusCode).toBe(201);
    expect(res.json().units).toEqual([expect.objectContaining({ callSign: r.a14.callSign, crewOverrideReason: reason })]);
    const a14 = await unit(r.a14);
    expect(a14).toMatchObject({ status: 'ALERTED', crewOverrideReason: reason, crewOverrideBy: 'Ingrid Haugland' });
    const audit = await prisma.auditLog.findFirst({ where: { action: 'unit.crew_override', entityId: a14.id }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toMatchObject({ callSign: r.a14.callSign, reason, crewProblem: A14_PROBLEM, missionId: res.json().id });
    expect(audit?.actorName).toBe(r.operator.username);
    // the snapshot shows the override beside the unit
    const snap = (await app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: { cookie: r.amk } })).json();
    expect(snap.units.find((u: { callSign: string }) => u.callSign === r.a14.callSign).crewOverride).toMatchObject({
      reason,
      by: 'Ingrid Haugland',
    });
  });

  it('adding the unit to an open mission is refused the same way, and accepted with a reason', async () => {
    const r = await region();
    const m = await r.createMission({ callId: await r.call(), unitIds: [r.a11.id] });
    const add = (payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/missions/${m.json().id}/units`, headers: { cookie: r.amk, ...inNorwegian }, payload });
    const refused = await add({ unitId: r.a14.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/§ 11: Ambulansebil skal være bemannet med minst to personer/);
    expect((await add({ unitId: r.a14.id, override: { reason: '' } })).statusCode).toBe(400);
    const ok = await add({ unitId: r.a14.id, override: { reason: 'Trenger to biler, tar den som er' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().units.find((u: { callSign: string }) => u.callSign === r.a14.callSign).crewOverrideReason).toBe(
      'Trenger to biler, tar den som er',
    );
  });

  it('another centre may not override § 11 for a unit that is not its own, nor ask to borrow it', async () => {
    const r = await region();
    const fordeCall = await r.call(r.forde);
    const res = await r.createMission({ callId: fordeCall, unitIds: [r.a14.id], override: { reason: 'Førde vil sende den' } }, r.forde);
    // a neighbour's unit is never sent from here (mutual aid asks its owner), override or not
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/be om bistand/);
    // and a crew that fails § 11 is not lent either
    const borrow = await app.inject({
      method: 'POST',
      url: '/api/v1/mutual-aid',
      headers: { cookie: r.forde },
      payload: { unitId: r.a14.id, callId: fordeCall },
    });
    expect(borrow.statusCode).toBe(409);
    expect(borrow.json().message).toMatch(/§ 11/);
    expect((await unit(r.a14)).crewOverrideReason).toBeNull();
  });
});

describe('becoming available: refused under § 11 by hand and from the terminal, unless overridden', () => {
  let r: Awaited<ReturnType<typeof region>>;
  beforeEach(async () => {
    r = await region();
    await prisma.unit.update({ where: { id: r.a14.id }, data: { status: 'UNAVAILABLE' } });
  });

  it('by hand: 409 with the reason; with an override the unit is available and keeps the reason', async () => {
    const refused = await r.setStatus(r.a14.id, { status: 'AVAILABLE_AT_STATION' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      `${r.a14.callSign} er ikke bemannet etter akuttmedisinforskriften § 11: ${A14_PROBLEM} Oppgi en begrunnelse for å overstyre.`,
    );
    expect((await unit(r.a14)).status).toBe('UNAVAILABLE');
    const ok = await r.setStatus(r.a14.id, { status: 'AVAILABLE_AT_STATION', override: { reason: 'Makker kommer om 5 min' } });
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
    const recs = await r.recommendations(await r.call());
    expect(recs.excluded.find((u: { callSign: string }) => u.callSign === r.a14.callSign)).toMatchObject({
      reason: 'CREW_FAILS_SECTION_11',
      crewOverrideReason: 'Makker kommer om 5 min',
    });
  });

  it('from the terminal: the same refusal (a terminal cannot override)', async () => {
    const res = await r.terminal(r.a14.callSign, 'AVAILABLE_AT_STATION');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/§ 11/);
    expect((await unit(r.a14)).status).toBe('UNAVAILABLE');
  });

  it('a new crew is a new check: passing, it goes free without a word; the old override is gone', async () => {
    await prisma.unit.update({
      where: { id: r.a14.id },
      data: { crewOverrideReason: 'gammel', crewOverrideBy: 'x', crewOverrideAt: new Date() },
    });
    const crew = await app.inject({
      method: 'PUT',
      url: `/api/v1/units/${r.a14.id}/crew`,
      headers: { cookie: r.amk },
      payload: {
        members: [
          { personName: 'Kari', authorisation: 'AMBULANCE_WORKER' },
          { personName: 'Ola', authorisation: 'HEALTH_PERSONNEL' },
        ],
      },
    });
    expect(crew.json()).toMatchObject({ crewOk: true, crewProblem: null, crewOverride: null });
    expect((await r.terminal(r.a14.callSign, 'AVAILABLE_AT_STATION')).statusCode).toBe(200);
  });

  it('the crew for the shift records licence, certificate and a temporary post (§ 11 first and sixth paragraphs)', async () => {
    const id = r.a14.id;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const crewOf = (members: object[]) =>
      app.inject({ method: 'PUT', url: `/api/v1/units/${id}/crew`, headers: { cookie: r.amk }, payload: { members } });
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
  });
});

describe('a closed mission releases a § 11 unit without making it available', () => {
  it('sent with an override: free again when the mission closes (the override stands)', async () => {
    const r = await region();
    const m = await r.createMission({ callId: await r.call(), unitIds: [r.a14.id], override: { reason: 'Eneste bil' } });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${m.json().id}/close`,
      headers: { cookie: r.amk },
      payload: { outcome: 'Avbrutt' },
    });
    expect(closed.statusCode).toBe(200);
    expect((await unit(r.a14)).status).toBe('AVAILABLE_AT_STATION');
  });

  it('without a standing override (the crew changed on the way): released as unavailable, with the reason', async () => {
    const r = await region();
    const m = await r.createMission({ callId: await r.call(), unitIds: [r.a14.id], override: { reason: 'Eneste bil' } });
    await prisma.unit.update({ where: { id: r.a14.id }, data: { crewOverrideReason: null } });
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${m.json().id}/close`,
      headers: { cookie: r.amk },
      payload: { outcome: 'Avbrutt' },
    });
    expect((await unit(r.a14)).status).toBe('UNAVAILABLE');
    expect(closed.json().timeline.at(-1)).toMatchObject({ callSign: r.a14.callSign, status: 'UNAVAILABLE', source: 'SYSTEM' });
    expect(closed.json().timeline.at(-1).reason).toMatch(/ikke bemannet etter § 11/);
  });
});

describe('indicators', () => {
  it('count the overrides of § 11 as deviations: to send a unit, and to make it available', async () => {
    const started = new Date();
    const r = await region();
    const indicators = async (cookie: string) => {
      const q = `from=${encodeURIComponent(started.toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`;
      return (await app.inject({ method: 'GET', url: `/api/v1/indicators?${q}`, headers: { cookie } })).json().crewOverrides;
    };
    expect(await indicators(r.amk)).toEqual({ total: 0, dispatches: 0, statusChanges: 0 });
    // made available by hand once under override, then sent under override twice
    await prisma.unit.update({ where: { id: r.a14.id }, data: { status: 'UNAVAILABLE' } });
    expect((await r.setStatus(r.a14.id, { status: 'AVAILABLE_AT_STATION', override: { reason: 'Makker kommer' } })).statusCode).toBe(200);
    const sent = await r.createMission({ callId: await r.call(), unitIds: [r.a14.id], override: { reason: 'Eneste bil' } });
    expect(sent.statusCode).toBe(201);
    expect(await indicators(r.amk)).toEqual({ total: 2, dispatches: 1, statusChanges: 1 });
    const m = await r.createMission({ callId: await r.call(), unitIds: [r.a11.id] });
    const add = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${m.json().id}/units`,
      headers: { cookie: r.amk },
      payload: {
        unitId: (await createUnit(prisma, r.centre.id, { crewOk: false, crewProblem: A14_PROBLEM })).id,
        override: { reason: 'Ett avvik til' },
      },
    });
    expect(add.statusCode).toBe(200);
    expect(await indicators(r.amk)).toEqual({ total: 3, dispatches: 2, statusChanges: 1 });
    // another centre's indicators do not count them
    expect((await indicators(r.forde)).total).toBe(0);
  });
});
