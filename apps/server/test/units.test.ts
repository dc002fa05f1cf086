// Unit terminals and operators change unit status and position; consoles of the owning and the
// neighbouring centre see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitMoved, UnitSummary } from '@amk/contracts';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { login, openConsole, startServer, waitFor, standDownFleet, type TestServer } from './support/test-app.js';

let server: TestServer;
let bergenKey: string;
let fordeKey: string;
let lvsKey: string;

beforeAll(async () => {
  server = await startServer();
  const keys = createIntegrationKeyService(server.prisma);
  bergenKey = (await keys.create('terminals bergen', 'AMK-BERGEN')).key;
  fordeKey = (await keys.create('terminals forde', 'AMK-FORDE')).key;
  lvsKey = (await keys.create('terminals legevakt', 'LVS-BERGEN')).key;
});
afterAll(async () => {
  await standDownFleet(server.prisma);
  await server.close();
});

async function terminal(callSign: string, kind: 'status' | 'position', body: object, key = bergenKey) {
  const res = await fetch(`${server.url}/api/v1/integrations/units/${callSign}/${kind}`, {
    method: kind === 'status' ? 'POST' : 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
// Terminal clocks: times after the seed (which set every unit's statusAt when the run began).
const t0 = Date.now();
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('unit status from terminals', () => {
  it('follows the state machine, keeps each change with its time, and refuses illegal jumps with the reason', async () => {
    const stood = await terminal('SOT-A51', 'status', { status: 'TRANSPORTING', at: at(1) });
    expect(stood.status).toBe(409);
    expect(stood.body.message).toMatch(/Ledig på stasjon/);

    // alerted means alerted to a mission: refused without one, accepted once the unit is on one
    const alone = await terminal('SOT-A51', 'status', { status: 'ALERTED', at: at(2) });
    expect(alone.status).toBe(409);
    const sot = await server.prisma.unit.findUniqueOrThrow({ where: { callSign: 'SOT-A51' } });
    const centre = await server.prisma.centre.findFirstOrThrow({ where: { code: 'AMK-BERGEN' } });
    const missionId = crypto.randomUUID();
    await server.prisma.mission.create({ data: { id: missionId, centreId: centre.id, kind: 'AMBULANCE', units: { create: { unitId: sot.id, assignedAt: new Date() } } } });
    expect((await terminal('SOT-A51', 'status', { status: 'ALERTED', at: at(2) })).body.applied).toBe(true);
    const enRoute = await terminal('SOT-A51', 'status', { status: 'EN_ROUTE', at: at(3) });
    expect(enRoute.body).toMatchObject({ applied: true, unit: { status: 'EN_ROUTE' } });
    const changes = await server.prisma.unitStatusChange.findMany({ where: { unit: { callSign: 'SOT-A51' }, at: { gt: new Date(t0) } }, orderBy: { at: 'asc' } });
    expect(changes.map((c) => [c.status, c.source])).toEqual([['ALERTED', 'TERMINAL'], ['EN_ROUTE', 'TERMINAL']]);
  });

  it('ignores a report older than the last, and a repeat', async () => {
    await terminal('OS-A41', 'status', { status: 'UNAVAILABLE', at: at(20) });
    const older = await terminal('OS-A41', 'status', { status: 'OUT_OF_SERVICE', at: at(10) });
    expect(older.body).toMatchObject({ applied: false, unit: { status: 'UNAVAILABLE' } });
    const repeat = await terminal('OS-A41', 'status', { status: 'UNAVAILABLE', at: at(20) });
    expect(repeat.body.applied).toBe(false);
  });

  it('refuses another centre’s unit, an unknown call sign and a made-up status', async () => {
    expect((await terminal('BGN-A11', 'status', { status: 'EN_ROUTE', at: at(1) }, fordeKey)).status).toBe(403);
    const unknown = await terminal('NOPE-1', 'status', { status: 'EN_ROUTE', at: at(1) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/NOPE-1/);
    expect((await terminal('BGN-A11', 'status', { status: 'FLYING', at: at(1) })).status).toBe(400);
  });

  it('an operator sets status by hand; the console hears it', async () => {
    const cookie = await login(server, 'amk.bergen');
    const socket = openConsole(server, cookie);
    await socket.live;
    const unit = await server.prisma.unit.findUniqueOrThrow({ where: { callSign: 'NHS-A71' } });
    const res = await fetch(`${server.url}/api/v1/units/${unit.id}/status`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'UNAVAILABLE' }) });
    expect(res.status).toBe(200);
    await waitFor(() => socket.received.some((e) => e.type === 'unit.upserted' && (e.data as UnitSummary).callSign === 'NHS-A71' && (e.data as UnitSummary).status === 'UNAVAILABLE'));
    socket.disconnect();
  });
});

describe('unit positions', () => {
  it('stream to the own and the neighbouring centre, not to the legevaktsentral; older reports are ignored', async () => {
    const bergen = openConsole(server, await login(server, 'amk.bergen'));
    const forde = openConsole(server, await login(server, 'amk.forde'));
    const lvs = openConsole(server, await login(server, 'lv.bergen'));
    await Promise.all([bergen.live, forde.live, lvs.live]);
    const seen = (socket: typeof bergen) => {
      const batches: UnitMoved[][] = [];
      socket.on('positions', (b) => batches.push(b));
      return batches;
    };
    const [b, f, l] = [seen(bergen), seen(forde), seen(lvs)];

    const moved = await terminal('ASK-A21', 'position', { lat: 60.41, lon: 5.24, at: at(2), speedKmh: 62, headingDeg: 90 });
    expect(moved.body).toMatchObject({ applied: true, unit: { lat: 60.41, lon: 5.24 } });
    const older = await terminal('ASK-A21', 'position', { lat: 60.0, lon: 5.0, at: at(-30) });
    expect(older.body).toMatchObject({ applied: false, unit: { lat: 60.41, lon: 5.24 } });

    const find = (batches: UnitMoved[][]) => batches.flat().find((m) => m.lat === 60.41 && m.lon === 5.24);
    await waitFor(() => find(b) && find(f), 5_000, 'positions at Bergen and Førde');
    expect(find(b)).toMatchObject({ speedKmh: 62, headingDeg: 90 });
    // The legevakt's own car reports after the ambulance; once the LVS console has that report,
    // anything sent to it before would have arrived first, so the ambulance's absence is final.
    expect((await terminal('LV-BGN1', 'position', { lat: 60.38, lon: 5.34, at: at(3) }, lvsKey)).status).toBe(200);
    await waitFor(() => l.flat().some((m) => m.lat === 60.38 && m.lon === 5.34), 5_000, 'the legevakt car at the LVS');
    expect(find(l)).toBeUndefined();
    // The ignored older report: a newer one of the same unit reaches Bergen after it would have.
    expect((await terminal('ASK-A21', 'position', { lat: 60.42, lon: 5.25, at: at(4) })).body).toMatchObject({ applied: true });
    await waitFor(() => b.flat().some((m) => m.lat === 60.42 && m.lon === 5.25), 5_000, 'the newer position at Bergen');
    expect(b.flat().some((m) => m.lat === 60.0)).toBe(false);
    for (const s of [bergen, forde, lvs]) s.disconnect();
  });

  it('refuses a position off the globe', async () => {
    const res = await terminal('ASK-A21', 'position', { lat: 95, lon: 5, at: at(1) });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/lat/);
  });
});
