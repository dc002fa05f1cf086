// The wall's figures and the quality indicators against a hand-computed fixture (February 2025) in
// an area of the file's own (support/factories.ts): its centres, fleet and akutthjelpere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import {
  createAkutthjelperMember,
  createAkutthjelperUnit,
  createCentre,
  createKommune,
  createStation,
  createUnit,
  createUser,
} from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor, cookieForNewUser } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let forde: string;
/** The file's own area: an AMK ("Bergen") with a neighbouring AMK ("Førde"), a legevakt sharing Bergen's kommune, and an AMK outside it. */
let area: {
  bergen: { id: string; code: string };
  forde: { id: string; code: string };
  lvs: { id: string; code: string };
  outside: { code: string };
};
let bergenFleet: { stations: number; units: number };
const at = (iso: string) => new Date(iso);
const min = 60_000;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  // Sunnfjord-like: rural, 25 min for an acute mission
  const [rural, town] = await Promise.all([createKommune(prisma, { settlementClass: 'RURAL' }), createKommune(prisma)]);
  const fordeCentre = await createCentre(prisma, { kommuner: [rural.nummer] });
  const bergen = await createCentre(prisma, { kommuner: [town.nummer], neighbourCentreIds: [fordeCentre.id] });
  const [lvs, outside] = await Promise.all([createCentre(prisma, { kind: 'LVS', kommuner: [town.nummer] }), createCentre(prisma)]);
  area = { bergen, forde: fordeCentre, lvs, outside };
  const stations = await Promise.all([0, 1].map(() => createStation(prisma, bergen.id, { kommunenummer: town.nummer })));
  await Promise.all(
    stations.flatMap((s) => [createUnit(prisma, bergen.id, { stationId: s.id }), createUnit(prisma, bergen.id, { stationId: s.id })]),
  );
  bergenFleet = { stations: 2, units: 4 };
  const fordeOperator = await createUser(prisma, fordeCentre.id);
  forde = await cookieFor(app, fordeOperator.username);
  const centreId = fordeCentre.id;
  const unit = await createUnit(prisma, centreId);
  // Four real calls (Oslo time 08:00, 08:30, 14:00, 23:00 — UTC+1 in February) and one exercise.
  const calls = [
    { ringing: '2025-02-10T07:00:00Z', code: 'A.06.01', urgency: 'A' as const },
    { ringing: '2025-02-10T07:30:00Z', code: 'A.06.01', urgency: 'A' as const },
    { ringing: '2025-02-10T13:00:00Z', code: 'H.12.02', urgency: 'H' as const },
    { ringing: '2025-02-10T22:00:00Z', code: null, urgency: null },
  ].map((c) => ({
    id: crypto.randomUUID(),
    centreId,
    line: '113',
    source: 'CTI' as const,
    state: 'ANSWERED' as const,
    ringingAt: at(c.ringing),
    answeredAt: new Date(at(c.ringing).getTime() + 5_000),
    criterionCode: c.code,
    urgency: c.urgency,
  }));
  await prisma.call.createMany({ data: [...calls, { ...calls[0]!, id: crypto.randomUUID(), source: 'EXERCISE' }] });
  // Acute missions in Sunnfjord (rural, 25 min): first unit on scene after 20 and 30 minutes.
  const missionIds: string[] = [];
  for (const [i, minutes] of [20, 30].entries()) {
    const call = calls[i]!;
    const missionId = crypto.randomUUID();
    missionIds.push(missionId);
    await prisma.mission.create({
      data: {
        id: missionId,
        centreId,
        callId: call.id,
        kind: 'AMBULANCE',
        urgency: 'A',
        kommunenummer: rural.nummer,
        createdAt: call.answeredAt,
      },
    });
    await prisma.unitStatusChange.create({
      data: {
        id: crypto.randomUUID(),
        unitId: unit.id,
        status: 'ON_SCENE',
        at: new Date(call.answeredAt.getTime() + minutes * min),
        missionId,
        source: 'TERMINAL',
      },
    });
  }
  // Akutthjelpere on both missions: on the first two arrive (10 and 12 min, before the ambulance
  // at 20 min), on the second nobody arrives.
  const team = await createAkutthjelperUnit(prisma, { agreement: { centreId, kommuner: [rural.nummer] } });
  const members = await Promise.all([1, 2, 3].map(() => createAkutthjelperMember(prisma, team)));
  const alert = (missionId: string, memberId: string, arrivedAfterMin: number | null) => {
    const alertedAt = new Date(calls[0]!.answeredAt.getTime() + min);
    return {
      id: crypto.randomUUID(),
      missionId,
      memberId,
      channel: 'PAGE' as const,
      state: arrivedAfterMin === null ? ('DELIVERED' as const) : ('ARRIVED' as const),
      alertedAt,
      arrivedAt: arrivedAfterMin === null ? null : new Date(calls[0]!.answeredAt.getTime() + arrivedAfterMin * min),
    };
  };
  await prisma.akutthjelperAlert.createMany({
    data: [
      alert(missionIds[0]!, members[0]!.id, 10),
      alert(missionIds[0]!, members[1]!.id, 12),
      alert(missionIds[1]!, members[2]!.id, null),
    ],
  });
  await prisma.transfer.create({
    data: {
      id: crypto.randomUUID(),
      callId: calls[3]!.id,
      fromCentreId: centreId,
      toCentreId: lvs.id,
      reason: 'legevaktsak',
      state: 'ACCEPTED',
      requestedAt: at('2025-02-10T22:05:00Z'),
      requestedById: fordeOperator.id,
      answeredAt: at('2025-02-10T22:06:00Z'),
    },
  });
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('quality indicators', () => {
  it('match the hand-computed fixture, exercise calls left out', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/indicators?from=2025-02-01T00:00:00Z&to=2025-03-01T00:00:00Z',
      headers: { cookie: forde },
    });
    expect(res.statusCode).toBe(200);
    const ind = res.json();
    expect(ind.callsByHour).toEqual([
      { hour: 8, calls: 2 },
      { hour: 14, calls: 1 },
      { hour: 23, calls: 1 },
    ]);
    expect(ind.callsByChapter.map((c: { chapter: number | null; calls: number }) => [c.chapter, c.calls])).toEqual([
      [6, 2],
      [12, 1],
      [null, 1],
    ]);
    expect(ind.answerTimes[0]).toMatchObject({ line: '113', total: 4, answered: 4, withinTarget: 4, shareWithinTarget: 1 });
    expect(
      ind.responseTimes.find((r: { urgency: string; settlementClass: string }) => r.urgency === 'A' && r.settlementClass === 'RURAL'),
    ).toEqual({
      urgency: 'A',
      settlementClass: 'RURAL',
      count: 2,
      withinTarget: 1,
      share: 0.5,
      medianMinutes: 25,
    });
    // per pair of centres, with the time from offer to acceptance (one minute in the fixture)
    expect(ind.transfers).toEqual([
      {
        direction: 'AMK→LVS',
        fromCentre: area.forde.code,
        toCentre: area.lvs.code,
        requested: 1,
        accepted: 1,
        declined: 0,
        medianAcceptSeconds: 60,
        maxAcceptSeconds: 60,
      },
    ]);
    // per mission, not per alerted member
    expect(ind.akutthjelper).toEqual({ alertedMissions: 2, arrivals: 1, arrivedBeforeAmbulance: 1 });
  });

  it('shows a centre the wall may show (?centre=), and refuses one outside the area', async () => {
    const sup = await cookieForNewUser(app, prisma, area.bergen.id, { role: 'supervisor' });
    const url = (centre: string) => `/api/v1/indicators?from=2025-02-01T00:00:00Z&to=2025-03-01T00:00:00Z&centre=${centre}`;
    const neighbour = await app.inject({ method: 'GET', url: url(area.forde.code), headers: { cookie: sup } });
    expect(neighbour.statusCode).toBe(200);
    expect(neighbour.json().callsByHour).toEqual([
      { hour: 8, calls: 2 },
      { hour: 14, calls: 1 },
      { hour: 23, calls: 1 },
    ]);
    const options = await app.inject({ method: 'GET', url: '/api/v1/wall/centres', headers: { cookie: sup } });
    expect(
      options
        .json()
        .centres.map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual([area.bergen.code, area.forde.code, area.lvs.code].sort());

    const lv = await cookieForNewUser(app, prisma, area.lvs.id, { role: 'lv_operator' });
    const outside = await app.inject({ method: 'GET', url: url(area.forde.code), headers: { cookie: lv } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toContain(area.forde.code);
    expect((await app.inject({ method: 'GET', url: url(area.outside.code), headers: { cookie: sup } })).statusCode).toBe(403);
  });

  it('names a period that ends before it starts', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/indicators?from=2025-03-01T00:00:00Z&to=2025-02-01T00:00:00Z',
      headers: { cookie: forde },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/from must be before to/);
  });
});

describe('the wall', () => {
  it('shows my centre, and neighbouring and legevakt centres of the area side by side — figures only', async () => {
    const amk = await cookieForNewUser(app, prisma, area.bergen.id, { role: 'supervisor' });
    const codes = [area.bergen.code, area.lvs.code, area.forde.code];
    const res = await app.inject({ method: 'GET', url: `/api/v1/wall?centres=${codes.join(',')}`, headers: { cookie: amk } });
    expect(res.statusCode).toBe(200);
    const wall = res.json();
    expect(wall.centres.map((c: { centre: { code: string } }) => c.centre.code)).toEqual(codes);
    const bergen = wall.centres[0];
    expect(bergen.stations).toHaveLength(bergenFleet.stations);
    expect(Object.values(bergen.unitsByStatus).reduce((a: number, b) => a + (b as number), 0)).toBe(bergenFleet.units);
    expect(JSON.stringify(wall)).not.toMatch(/callerNumber|patientName|nationalId/);
  });

  it('counts notifications waiting for an acknowledgement on calls still being handled', async () => {
    const sup = await cookieForNewUser(app, prisma, area.bergen.id, { role: 'supervisor' });
    const waiting = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/wall', headers: { cookie: sup } })).json().centres[0]
        .notificationsAwaitingAck as number;
    const before = await waiting();
    const centreId = area.bergen.id;
    const [open, closed] = [crypto.randomUUID(), crypto.randomUUID()];
    const now = new Date();
    await prisma.call.createMany({
      data: [open, closed].map((id) => ({
        id,
        centreId,
        line: '113',
        source: 'CTI' as const,
        state: 'ANSWERED' as const,
        ringingAt: now,
        answeredAt: now,
        closedAt: id === closed ? now : null,
      })),
    });
    await prisma.notification.createMany({
      data: [open, closed].map((callId) => ({
        id: crypto.randomUUID(),
        callId,
        centreId,
        recipient: 'POLICE' as const,
        channel: 'webhook',
        message: 'Trippelvarsling',
        state: 'SENT' as const,
        sentAt: now,
      })),
    });
    expect(await waiting()).toBe(before + 1);
  });

  it('refuses centres outside the area', async () => {
    const lv = await cookieForNewUser(app, prisma, area.lvs.id, { role: 'lv_operator' });
    const res = await app.inject({ method: 'GET', url: `/api/v1/wall?centres=${area.forde.code}`, headers: { cookie: lv } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain(area.forde.code);
  });
});
