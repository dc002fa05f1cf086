// Missions from a call: recommend, dispatch, follow the terminal's reports on the timeline,
// response time, close; preparedness gaps; an OSRM-compatible routing service.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MissionSummary } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl, standDownFleet } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let routed: App;
let osrm: Server;
let amk: string;
let key: string;

beforeAll(async () => {
  // A stand-in for an OSRM service (the edge of the world): 9 minutes for every route.
  osrm = createServer((req, res) => {
    const ok = req.url?.startsWith('/route/v1/driving/');
    res
      .writeHead(ok ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(ok ? { code: 'Ok', routes: [{ duration: 540 }] } : {}));
  });
  await new Promise<void>((r) => osrm.listen(0, '127.0.0.1', r));
  app = await buildTestApp(prisma);
  routed = await buildTestApp(prisma, { ROUTING_URL: `http://127.0.0.1:${(osrm.address() as { port: number }).port}` });
  amk = await cookieFor(app, 'amk.bergen');
  key = (await createIntegrationKeyService(prisma).create('terminals', 'AMK-BERGEN')).key;
});
afterAll(async () => {
  await standDownFleet(prisma);
  await app.close();
  await routed.close();
  await prisma.$disconnect();
  osrm.close();
});

const call = async (lat: number, lon: number) => {
  const id = crypto.randomUUID();
  await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie: amk },
    payload: { id, line: '113', lat, lon, urgency: 'A' },
  });
  return id;
};
const terminal = (callSign: string, status: string) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/integrations/units/${callSign}/status`,
    headers: { authorization: `Bearer ${key}` },
    payload: { status, at: new Date().toISOString() },
  });

describe('recommend and dispatch', () => {
  it('ranks free units by ETA, marks the neighbour’s, and leaves out busy ones', async () => {
    const callId = await call(60.39, 5.32); // Bergen sentrum
    const res = await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie: amk } });
    expect(res.statusCode).toBe(200);
    const units = res.json().units;
    expect(units[0].callSign).toMatch(/^BGN-A1/);
    const etas = units.map((u: { etaMinutes: number }) => u.etaMinutes);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    expect(units.find((u: { callSign: string }) => u.callSign === 'FRD-A11')).toMatchObject({ own: false });
    expect(units.every((u: { status: string }) => u.status.startsWith('AVAILABLE'))).toBe(true);
  });

  it('still recommends units waiting at their station hours after their last position report', async () => {
    const callId = await call(60.39, 5.32);
    const fresh = (await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie: amk } })).json()
      .units;
    const atStation = fresh
      .filter((u: { status: string }) => u.status === 'AVAILABLE_AT_STATION')
      .map((u: { callSign: string }) => u.callSign);
    expect(atStation.length).toBeGreaterThan(0);
    const quietSince = new Date(Date.now() - 6 * 3_600_000);
    const old = await prisma.unit.findMany({ where: { callSign: { in: atStation } }, select: { id: true, positionAt: true } });
    await prisma.unit.updateMany({ where: { callSign: { in: atStation } }, data: { positionAt: quietSince } });
    try {
      const later = (await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie: amk } })).json()
        .units;
      expect(
        later
          .filter((u: { status: string }) => u.status === 'AVAILABLE_AT_STATION')
          .map((u: { callSign: string }) => u.callSign)
          .sort(),
      ).toEqual([...atStation].sort());
      const prep = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: amk } })).json();
      expect(prep.kommuner.find((k: { kommunenavn: string }) => k.kommunenavn === 'Bergen').gap).toBe(false);
    } finally {
      for (const u of old) await prisma.unit.update({ where: { id: u.id }, data: { positionAt: u.positionAt } });
    }
  });

  it('uses the routing service for road times when one is configured', async () => {
    const callId = await call(60.39, 5.32);
    const res = await routed.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie: amk } });
    const routedUnits = res.json().units.filter((u: { method: string }) => u.method === 'routing');
    expect(routedUnits.length).toBeGreaterThan(0);
    expect(routedUnits.every((u: { etaMinutes: number }) => u.etaMinutes === 9)).toBe(true);
  });

  it('a mission alerts its unit; the terminal’s reports land on the timeline with the response time; closing keeps the outcome', async () => {
    const callId = await call(60.3975, 5.3245);
    const id = crypto.randomUUID();
    const unit = await prisma.unit.findUniqueOrThrow({ where: { callSign: 'KNV-A31' } });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: amk },
      payload: { id, callId, unitIds: [unit.id] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      callId,
      kommunenummer: '4601',
      urgency: 'A',
      units: [{ callSign: 'KNV-A31' }],
      responseMinutes: null,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: amk },
      payload: { id, callId, unitIds: [unit.id] },
    });
    expect(again.statusCode).toBe(200);

    expect((await terminal('KNV-A31', 'EN_ROUTE')).statusCode).toBe(200);
    expect((await terminal('KNV-A31', 'ON_SCENE')).statusCode).toBe(200);
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/missions/${id}`, headers: { cookie: amk } })).json();
    expect(detail.timeline.map((t: { status: string }) => t.status)).toEqual(['ALERTED', 'EN_ROUTE', 'ON_SCENE']);
    expect(detail.responseMinutes).toBeGreaterThanOrEqual(0);

    const busy = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: amk },
      payload: { id: crypto.randomUUID(), callId, unitIds: [unit.id] },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().message).toMatch(/KNV-A31 is not free \(På stedet\)/);

    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${id}/close`,
      headers: { cookie: amk },
      payload: { outcome: 'Transportert til Haukeland' },
    });
    expect(closed.json()).toMatchObject({ outcome: 'Transportert til Haukeland' });
    expect(closed.json().closedAt).not.toBeNull();
    const snapshot = (await app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: { cookie: amk } })).json();
    expect(snapshot.missions.map((m: MissionSummary) => m.id)).not.toContain(id);
  });

  it('refuses a mission without units or with another centre’s call', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: amk },
      payload: { id: crypto.randomUUID(), unitIds: [] },
    });
    expect(none.json().message).toMatch(/at least one unit/);
    const forde = await cookieFor(app, 'amk.forde');
    const callId = await call(60.39, 5.32);
    const unit = await prisma.unit.findUniqueOrThrow({ where: { callSign: 'FRD-A12' } });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: forde },
      payload: { id: crypto.randomUUID(), callId, unitIds: [unit.id] },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('missions release their units', () => {
  const status = async (callSign: string) => (await prisma.unit.findUniqueOrThrow({ where: { callSign } })).status;
  const dispatch = async (callSigns: string[]) => {
    const callId = await call(60.39, 5.32);
    const ids = (await prisma.unit.findMany({ where: { callSign: { in: callSigns } } })).map((u) => u.id);
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: amk },
      payload: { id, callId, unitIds: ids },
    });
    expect(res.statusCode).toBe(201);
    return id;
  };
  const close = (id: string, outcome: string) =>
    app.inject({ method: 'POST', url: `/api/v1/missions/${id}/close`, headers: { cookie: amk }, payload: { outcome } });

  it('cancelling a mission frees a unit that had not left at its station, with the reason on the timeline', async () => {
    await standDownFleet(prisma);
    const id = await dispatch(['BGN-A11']);
    expect(await status('BGN-A11')).toBe('ALERTED');
    const res = await close(id, 'Avbrutt');
    expect(res.statusCode).toBe(200);
    expect(await status('BGN-A11')).toBe('AVAILABLE_AT_STATION');
    const last = res.json().timeline.at(-1);
    expect(last).toMatchObject({ callSign: 'BGN-A11', status: 'AVAILABLE_AT_STATION', source: 'SYSTEM' });
    expect(last.reason).toMatch(/Oppdraget avsluttet \(Avbrutt\): enheten frigitt/);
    expect(res.json().units[0].releasedAt).not.toBeNull();
    // free again: it is recommended
    const callId = await call(60.39, 5.32);
    const recs = (await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie: amk } })).json()
      .units;
    expect(recs.map((u: { callSign: string }) => u.callSign)).toContain('BGN-A11');
  });

  it('closing frees every unit still on it: on the move once it had left; an unavailable one stays unavailable', async () => {
    await standDownFleet(prisma);
    const id = await dispatch(['BGN-A11', 'ASK-A21', 'OS-A41', 'SOT-A51']);
    expect((await terminal('ASK-A21', 'EN_ROUTE')).statusCode).toBe(200);
    expect((await terminal('OS-A41', 'EN_ROUTE')).statusCode).toBe(200);
    expect((await terminal('OS-A41', 'ON_SCENE')).statusCode).toBe(200);
    expect((await terminal('SOT-A51', 'UNAVAILABLE')).statusCode).toBe(200);
    const res = await close(id, 'Pasient behandlet på stedet');
    expect(res.statusCode).toBe(200);
    expect(await status('BGN-A11')).toBe('AVAILABLE_AT_STATION');
    expect(await status('ASK-A21')).toBe('AVAILABLE_ON_THE_MOVE');
    expect(await status('OS-A41')).toBe('AVAILABLE_ON_THE_MOVE');
    expect(await status('SOT-A51')).toBe('UNAVAILABLE');
    expect(res.json().units.every((u: { releasedAt: string | null }) => u.releasedAt !== null)).toBe(true);
    const system = res.json().timeline.filter((e: { source: string }) => e.source === 'SYSTEM');
    expect(system.map((e: { callSign: string }) => e.callSign).sort()).toEqual(['ASK-A21', 'BGN-A11', 'OS-A41']);
    // nothing is left alerted without an open mission
    const alerted = await prisma.unit.findMany({
      where: { status: 'ALERTED', missionUnits: { none: { releasedAt: null, mission: { closedAt: null } } } },
    });
    expect(alerted).toEqual([]);
    // closing again changes nothing
    expect((await close(id, 'igjen')).json().outcome).toBe('Pasient behandlet på stedet');
    await standDownFleet(prisma);
  });

  it('a terminal cannot report a unit alerted without a mission', async () => {
    await standDownFleet(prisma);
    const res = await terminal('BGN-A12', 'ALERTED');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/bare varsles ved å settes på et oppdrag/);
    expect(await status('BGN-A12')).toBe('AVAILABLE_AT_STATION');
  });
});

describe('preparedness', () => {
  it('flags a kommune with no free ambulance within its guideline time', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: amk } })).json();
    const voss = before.kommuner.find((k: { kommunenavn: string }) => k.kommunenavn === 'Voss');
    expect(voss).toMatchObject({ settlementClass: 'RURAL', guidelineMinutes: 25, gap: false, nearestFreeCallSign: 'VOS-A61' });
    const bergen = before.kommuner.find((k: { kommunenavn: string }) => k.kommunenavn === 'Bergen');
    expect(bergen).toMatchObject({ settlementClass: 'TOWN', guidelineMinutes: 12 });

    // Voss's own ambulance goes out of service; the helicopter is busy too.
    await terminal('VOS-A61', 'OUT_OF_SERVICE');
    await terminal('LA-BGN', 'UNAVAILABLE');
    const after = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: amk } })).json();
    const vossAfter = after.kommuner.find((k: { kommunenavn: string }) => k.kommunenavn === 'Voss');
    expect(vossAfter.gap).toBe(true);
    expect(vossAfter.nearestFreeEtaMinutes).toBeGreaterThan(25);
  });
});
