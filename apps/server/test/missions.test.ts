// Missions from a call: recommend, dispatch, follow the terminal's reports on the timeline,
// response time, close; preparedness gaps; an OSRM-compatible routing service.
// Every test makes its own centres, stations, units and kommuner (support/factories.ts): the
// ranking, the fleet's statuses and the preparedness report are then the test's alone, and
// nothing is put back for the next file.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, CallSummary, MissionSummary } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma, type Prisma } from '@amk/db';
import { createCentre, createIntegrationKey, createKommune, createStation, createUnit } from './support/factories.js';
import { buildTestApp, databaseUrl, openConsole, startServer, waitFor } from './support/test-app.js';
import { cookieForNewUser } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let routed: App;
let osrm: Server;

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
});
afterAll(async () => {
  await app.close();
  await routed.close();
  await prisma.$disconnect();
  osrm.close();
});

/** Real places: Bergen sentrum (where the calls are), stations in Bergen, on Askøy, at Voss and in Førde. */
const SENTRUM = { lat: 60.39, lon: 5.32 };
const BERGEN = { lat: 60.3747, lon: 5.3531 };
const ASKOY = { lat: 60.4085, lon: 5.2255 };
const VOSS = { lat: 60.6286, lon: 6.4115 };
const FORDE = { lat: 61.4522, lon: 5.8572 };

/**
 * An AMK centre of the test's own covering `kommuner`, with a neighbouring AMK centre, an operator
 * logged in and a key for its unit terminals; `unit` puts an ambulance of either at a new station.
 */
async function region(kommuner: string[] = []) {
  const neighbour = await createCentre(prisma);
  const centre = await createCentre(prisma, { neighbourCentreIds: [neighbour.id], kommuner });
  const [amk, key] = await Promise.all([cookieForNewUser(app, prisma, centre.id), createIntegrationKey(prisma, centre.code, 'terminals')]);
  const unit = async (at: { lat: number; lon: number }, data: Partial<Prisma.UnitUncheckedCreateInput> = {}, of = centre) => {
    const station = await createStation(prisma, of.id, at);
    return createUnit(prisma, of.id, { stationId: station.id, ...data });
  };
  const call = async (lat = SENTRUM.lat, lon = SENTRUM.lon) => {
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie: amk },
      payload: { id, line: '113', lat, lon, urgency: 'A' },
    });
    expect(res.statusCode).toBe(201);
    return id;
  };
  const terminal = (callSign: string, status: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/integrations/units/${callSign}/status`,
      headers: { authorization: `Bearer ${key}` },
      payload: { status, at: new Date().toISOString() },
    });
  const recommendations = async (callId: string, via = app) => {
    const res = await via.inject({ method: 'GET', url: `/api/v1/calls/${callId}/recommendations`, headers: { cookie: amk } });
    expect(res.statusCode).toBe(200);
    return res.json().units as { callSign: string; status: string; etaMinutes: number; own: boolean; method: string }[];
  };
  return { centre, neighbour, amk, unit, call, terminal, recommendations };
}

describe('recommend and dispatch', () => {
  it('ranks free units by ETA, marks the neighbour’s, and leaves out busy ones', async () => {
    const r = await region();
    const near = await r.unit(BERGEN);
    const far = await r.unit(ASKOY);
    const theirs = await r.unit(FORDE, {}, r.neighbour);
    // On its way elsewhere, right by the call with a fresh position: busy, so never recommended.
    const busy = await r.unit(BERGEN, { status: 'EN_ROUTE', ...SENTRUM, positionAt: new Date() });
    const units = await r.recommendations(await r.call());
    expect(units.map((u) => u.callSign)).toEqual([near.callSign, far.callSign, theirs.callSign]);
    const etas = units.map((u) => u.etaMinutes);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
    expect(units.find((u) => u.callSign === theirs.callSign)).toMatchObject({ own: false });
    expect(units.find((u) => u.callSign === near.callSign)).toMatchObject({ own: true });
    expect(units.map((u) => u.callSign)).not.toContain(busy.callSign);
    expect(units.every((u) => u.status.startsWith('AVAILABLE'))).toBe(true);
  });

  it('still recommends units waiting at their station hours after their last position report', async () => {
    const town = await createKommune(prisma, { settlementClass: 'TOWN', ...BERGEN });
    const r = await region([town.nummer]);
    const quietSince = new Date(Date.now() - 6 * 3_600_000);
    const waiting = await Promise.all([BERGEN, ASKOY].map((at) => r.unit(at, { ...at, positionAt: quietSince })));
    // The same quiet terminal on the move is not trusted: the unit may be anywhere by now.
    const moving = await r.unit(BERGEN, { status: 'AVAILABLE_ON_THE_MOVE', ...SENTRUM, positionAt: quietSince });
    const units = await r.recommendations(await r.call());
    expect(
      units
        .filter((u) => u.status === 'AVAILABLE_AT_STATION')
        .map((u) => u.callSign)
        .sort(),
    ).toEqual(waiting.map((u) => u.callSign).sort());
    expect(units.map((u) => u.callSign)).not.toContain(moving.callSign);
    const prep = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: r.amk } })).json();
    expect(prep.kommuner.find((k: { kommunenummer: string }) => k.kommunenummer === town.nummer)).toMatchObject({
      gap: false,
      nearestFreeCallSign: waiting[0]!.callSign,
    });
  });

  it('uses the routing service for road times when one is configured', async () => {
    const r = await region();
    await r.unit(BERGEN);
    await r.unit(ASKOY);
    const routedUnits = (await r.recommendations(await r.call(), routed)).filter((u) => u.method === 'routing');
    expect(routedUnits.length).toBe(2);
    expect(routedUnits.every((u) => u.etaMinutes === 9)).toBe(true);
  });

  it('a mission alerts its unit; the terminal’s reports land on the timeline with the response time; closing keeps the outcome', async () => {
    const r = await region();
    const unit = await r.unit(BERGEN);
    const callId = await r.call(60.3975, 5.3245); // Bryggen, in Bergen kommune
    const id = crypto.randomUUID();
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: r.amk },
      payload: { id, callId, unitIds: [unit.id] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      callId,
      kommunenummer: '4601',
      urgency: 'A',
      units: [{ callSign: unit.callSign }],
      responseMinutes: null,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: r.amk },
      payload: { id, callId, unitIds: [unit.id] },
    });
    expect(again.statusCode).toBe(200);

    expect((await r.terminal(unit.callSign, 'EN_ROUTE')).statusCode).toBe(200);
    expect((await r.terminal(unit.callSign, 'ON_SCENE')).statusCode).toBe(200);
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/missions/${id}`, headers: { cookie: r.amk } })).json();
    expect(detail.timeline.map((t: { status: string }) => t.status)).toEqual(['ALERTED', 'EN_ROUTE', 'ON_SCENE']);
    expect(detail.responseMinutes).toBeGreaterThanOrEqual(0);

    const busy = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: r.amk },
      payload: { id: crypto.randomUUID(), callId, unitIds: [unit.id] },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().message).toContain(`${unit.callSign} is not free (On scene)`);

    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/missions/${id}/close`,
      headers: { cookie: r.amk },
      payload: { outcome: 'Transportert til Haukeland' },
    });
    expect(closed.json()).toMatchObject({ outcome: 'Transportert til Haukeland' });
    expect(closed.json().closedAt).not.toBeNull();
    const snapshot = (await app.inject({ method: 'GET', url: '/api/v1/snapshot', headers: { cookie: r.amk } })).json();
    expect(snapshot.missions.map((m: MissionSummary) => m.id)).not.toContain(id);
  });

  it('refuses a mission without units or with another centre’s call', async () => {
    const r = await region();
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: r.amk },
      payload: { id: crypto.randomUUID(), unitIds: [] },
    });
    expect(none.json().message).toMatch(/at least one unit/);
    const other = await region();
    const theirUnit = await other.unit(FORDE);
    const callId = await r.call();
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: other.amk },
      payload: { id, callId, unitIds: [theirUnit.id] },
    });
    expect(res.statusCode).toBe(404);
    expect(await prisma.mission.findUnique({ where: { id } })).toBeNull();
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: theirUnit.id } })).status).toBe('AVAILABLE_AT_STATION');
  });
});

describe('the call’s journal', () => {
  it('a mission made for a call writes its line in the call’s journal, and an open console hears of the call at once', async () => {
    const r = await region();
    const unit = await r.unit(BERGEN);
    const callId = await r.call();
    // a listening server on the same database: the operator's session holds there too
    const server = await startServer();
    const operator = openConsole(server, r.amk);
    try {
      await operator.live;
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/missions',
        headers: { cookie: r.amk },
        payload: { id: crypto.randomUUID(), callId, unitIds: [unit.id] },
      });
      expect(created.statusCode).toBe(201);
      // The call's update arrives with the mission (same transaction): a record open on the call reloads.
      const update = await waitFor(
        () => operator.received.find((e) => e.type === 'call.upserted' && (e.data as CallSummary).id === callId),
        5_000,
        'the call’s update on the console',
      );
      expect(update.centreId).toBe(r.centre.id);
      const record = (await app.inject({ method: 'GET', url: `/api/v1/calls/${callId}`, headers: { cookie: r.amk } })).json() as CallRecord;
      const line = record.journal.find((j) => j.message?.key === 'mission.created');
      // as written (bokmål), and as a key a console in English words ("Mission created")
      expect(line).toMatchObject({ kind: 'SYSTEM', text: 'Oppdrag opprettet', message: { key: 'mission.created', params: {} } });
      expect(Date.parse((update.data as CallSummary).updatedAt)).toBeGreaterThanOrEqual(Date.parse(line!.at));
    } finally {
      operator.close();
      await server.close();
    }
  });
});

describe('missions release their units', () => {
  const status = async (unit: { id: string }) => (await prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).status;
  const dispatch = async (r: Awaited<ReturnType<typeof region>>, units: { id: string }[]) => {
    const callId = await r.call();
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: r.amk },
      payload: { id, callId, unitIds: units.map((u) => u.id) },
    });
    expect(res.statusCode).toBe(201);
    return id;
  };
  const close = (r: Awaited<ReturnType<typeof region>>, id: string, outcome: string) =>
    app.inject({ method: 'POST', url: `/api/v1/missions/${id}/close`, headers: { cookie: r.amk }, payload: { outcome } });

  it('cancelling a mission frees a unit that had not left at its station, with the reason on the timeline', async () => {
    const r = await region();
    const unit = await r.unit(BERGEN);
    const id = await dispatch(r, [unit]);
    expect(await status(unit)).toBe('ALERTED');
    const res = await close(r, id, 'Avbrutt');
    expect(res.statusCode).toBe(200);
    expect(await status(unit)).toBe('AVAILABLE_AT_STATION');
    const last = res.json().timeline.at(-1);
    expect(last).toMatchObject({ callSign: unit.callSign, status: 'AVAILABLE_AT_STATION', source: 'SYSTEM' });
    expect(last.reason).toMatch(/Oppdraget avsluttet \(Avbrutt\): enheten frigitt/);
    expect(res.json().units[0].releasedAt).not.toBeNull();
    // free again: it is recommended
    const recs = await r.recommendations(await r.call());
    expect(recs.map((u) => u.callSign)).toContain(unit.callSign);
  });

  it('closing frees every unit still on it: on the move once it had left; an unavailable one stays unavailable', async () => {
    const r = await region();
    const [waiting, leaving, arrived, unavailable] = await Promise.all([BERGEN, ASKOY, BERGEN, ASKOY].map((at) => r.unit(at)));
    const id = await dispatch(r, [waiting!, leaving!, arrived!, unavailable!]);
    expect((await r.terminal(leaving!.callSign, 'EN_ROUTE')).statusCode).toBe(200);
    expect((await r.terminal(arrived!.callSign, 'EN_ROUTE')).statusCode).toBe(200);
    expect((await r.terminal(arrived!.callSign, 'ON_SCENE')).statusCode).toBe(200);
    expect((await r.terminal(unavailable!.callSign, 'UNAVAILABLE')).statusCode).toBe(200);
    const res = await close(r, id, 'Pasient behandlet på stedet');
    expect(res.statusCode).toBe(200);
    expect(await status(waiting!)).toBe('AVAILABLE_AT_STATION');
    expect(await status(leaving!)).toBe('AVAILABLE_ON_THE_MOVE');
    expect(await status(arrived!)).toBe('AVAILABLE_ON_THE_MOVE');
    expect(await status(unavailable!)).toBe('UNAVAILABLE');
    expect(res.json().units.every((u: { releasedAt: string | null }) => u.releasedAt !== null)).toBe(true);
    const system = res.json().timeline.filter((e: { source: string }) => e.source === 'SYSTEM');
    expect(system.map((e: { callSign: string }) => e.callSign).sort()).toEqual(
      [waiting!, leaving!, arrived!].map((u) => u.callSign).sort(),
    );
    // nothing of the centre is left alerted without an open mission
    const alerted = await prisma.unit.findMany({
      where: { centreId: r.centre.id, status: 'ALERTED', missionUnits: { none: { releasedAt: null, mission: { closedAt: null } } } },
    });
    expect(alerted).toEqual([]);
    // closing again changes nothing
    expect((await close(r, id, 'igjen')).json().outcome).toBe('Pasient behandlet på stedet');
    expect(await status(waiting!)).toBe('AVAILABLE_AT_STATION');
  });

  it('a terminal cannot report a unit alerted without a mission', async () => {
    const r = await region();
    const unit = await r.unit(BERGEN);
    const res = await r.terminal(unit.callSign, 'ALERTED');
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/can only be alerted by putting it on a mission/);
    expect(await status(unit)).toBe('AVAILABLE_AT_STATION');
  });
});

describe('preparedness', () => {
  it('flags a kommune with no free ambulance within its guideline time', async () => {
    const rural = await createKommune(prisma, { settlementClass: 'RURAL', ...VOSS });
    const town = await createKommune(prisma, { settlementClass: 'TOWN', ...BERGEN });
    const r = await region([rural.nummer, town.nummer]);
    const local = await r.unit(VOSS);
    await r.unit(BERGEN);
    const helicopter = await r.unit({ lat: 60.2934, lon: 5.2181 }, { kind: 'HELICOPTER' }); // Bergen's air ambulance base
    const report = async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: r.amk } });
      expect(res.statusCode).toBe(200);
      return res.json().kommuner as { kommunenummer: string; gap: boolean; nearestFreeEtaMinutes: number }[];
    };
    const before = await report();
    expect(before.map((k) => k.kommunenummer).sort()).toEqual([rural.nummer, town.nummer].sort());
    expect(before.find((k) => k.kommunenummer === rural.nummer)).toMatchObject({
      settlementClass: 'RURAL',
      guidelineMinutes: 25,
      gap: false,
      nearestFreeCallSign: local.callSign,
    });
    expect(before.find((k) => k.kommunenummer === town.nummer)).toMatchObject({
      settlementClass: 'TOWN',
      guidelineMinutes: 12,
      gap: false,
    });

    // The kommune's own ambulance goes out of service; the helicopter is busy too.
    expect((await r.terminal(local.callSign, 'OUT_OF_SERVICE')).statusCode).toBe(200);
    expect((await r.terminal(helicopter.callSign, 'UNAVAILABLE')).statusCode).toBe(200);
    const after = await report();
    const ruralAfter = after.find((k) => k.kommunenummer === rural.nummer)!;
    expect(ruralAfter.gap).toBe(true);
    expect(ruralAfter.nearestFreeEtaMinutes).toBeGreaterThan(25);
    expect(after.find((k) => k.kommunenummer === town.nummer)!.gap).toBe(false);
  });
});
