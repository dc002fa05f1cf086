// The wall's figures and the quality indicators against a hand-computed fixture in a period no
// other test touches (February 2025, AMK-FORDE).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { demoCentreId } from '../src/seed/seed.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let forde: string;
const at = (iso: string) => new Date(iso);
const min = 60_000;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  forde = await cookieFor(app, 'amk.forde');
  const centreId = demoCentreId('AMK-FORDE');
  const unit = await prisma.unit.findUniqueOrThrow({ where: { callSign: 'FRD-A12' } });
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
        kommunenummer: '4647',
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
  const members = await prisma.akutthjelperMember.findMany({ take: 3, orderBy: { name: 'asc' } });
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
      toCentreId: demoCentreId('LVS-BERGEN'),
      reason: 'legevaktsak',
      state: 'ACCEPTED',
      requestedAt: at('2025-02-10T22:05:00Z'),
      requestedById: (await prisma.user.findUniqueOrThrow({ where: { username: 'amk.forde' } })).id,
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
        fromCentre: 'AMK-FORDE',
        toCentre: 'LVS-BERGEN',
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
    const sup = await cookieFor(app, 'supervisor.bergen');
    const url = (centre: string) => `/api/v1/indicators?from=2025-02-01T00:00:00Z&to=2025-03-01T00:00:00Z&centre=${centre}`;
    const neighbour = await app.inject({ method: 'GET', url: url('AMK-FORDE'), headers: { cookie: sup } });
    expect(neighbour.statusCode).toBe(200);
    expect(neighbour.json().callsByHour).toEqual([
      { hour: 8, calls: 2 },
      { hour: 14, calls: 1 },
      { hour: 23, calls: 1 },
    ]);
    const options = await app.inject({ method: 'GET', url: '/api/v1/wall/centres', headers: { cookie: sup } });
    expect(options.json().centres.map((c: { code: string }) => c.code)).toEqual(['AMK-BERGEN', 'AMK-FORDE', 'LVS-BERGEN', 'LVS-VOSS']);

    const lv = await cookieFor(app, 'lv.bergen');
    const outside = await app.inject({ method: 'GET', url: url('AMK-FORDE'), headers: { cookie: lv } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toMatch(/AMK-FORDE/);
    expect((await app.inject({ method: 'GET', url: url('AMK-OSLO'), headers: { cookie: sup } })).statusCode).toBe(403);
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
    const amk = await cookieFor(app, 'supervisor.bergen');
    const res = await app.inject({ method: 'GET', url: '/api/v1/wall?centres=AMK-BERGEN,LVS-BERGEN,AMK-FORDE', headers: { cookie: amk } });
    expect(res.statusCode).toBe(200);
    const wall = res.json();
    expect(wall.centres.map((c: { centre: { code: string } }) => c.centre.code)).toEqual(['AMK-BERGEN', 'LVS-BERGEN', 'AMK-FORDE']);
    const bergen = wall.centres[0];
    expect(bergen.stations.length).toBeGreaterThan(5);
    expect(Object.values(bergen.unitsByStatus).reduce((a: number, b) => a + (b as number), 0)).toBeGreaterThan(10);
    expect(JSON.stringify(wall)).not.toMatch(/callerNumber|patientName|nationalId/);
  });

  it('counts notifications waiting for an acknowledgement on calls still being handled', async () => {
    const sup = await cookieFor(app, 'supervisor.bergen');
    const waiting = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/wall', headers: { cookie: sup } })).json().centres[0]
        .notificationsAwaitingAck as number;
    const before = await waiting();
    const centreId = demoCentreId('AMK-BERGEN');
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
    const lv = await cookieFor(app, 'lv.bergen');
    const res = await app.inject({ method: 'GET', url: '/api/v1/wall?centres=AMK-FORDE', headers: { cookie: lv } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/AMK-FORDE/);
  });
});
