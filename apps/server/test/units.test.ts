// Unit terminals and operators change unit status and position; consoles of the owning and the
// neighbouring centre see it. The centres, their users and units are this file's own (see
// support/factories.ts), so nothing here changes the demo fleet other files rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitMoved, UnitSummary } from '@amk/contracts';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { createCentre, createUnit, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';

let server: TestServer;
let homeKey: string;
let neighbourKey: string;
let lvsKey: string;
/** The own centre, a neighbour that lists it (and so sees its units), and a legevaktsentral. */
let home: { id: string; user: string };
let neighbour: { id: string; user: string };
let lvs: { id: string; user: string };

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  const homeCentre = await createCentre(prisma);
  const neighbourCentre = await createCentre(prisma, { neighbourCentreIds: [homeCentre.id] });
  const lvsCentre = await createCentre(prisma, { kind: 'LVS' });
  const [homeUser, neighbourUser, lvsUser] = await Promise.all([
    createUser(prisma, homeCentre.id),
    createUser(prisma, neighbourCentre.id),
    createUser(prisma, lvsCentre.id, { role: 'lv_operator' }),
  ]);
  home = { id: homeCentre.id, user: homeUser.username };
  neighbour = { id: neighbourCentre.id, user: neighbourUser.username };
  lvs = { id: lvsCentre.id, user: lvsUser.username };
  const keys = createIntegrationKeyService(prisma);
  homeKey = (await keys.create('terminals home', homeCentre.code)).key;
  neighbourKey = (await keys.create('terminals neighbour', neighbourCentre.code)).key;
  lvsKey = (await keys.create('terminals legevakt', lvsCentre.code)).key;
});
afterAll(async () => {
  await server.close();
});

async function terminal(callSign: string, kind: 'status' | 'position', body: object, key = homeKey) {
  const res = await fetch(`${server.url}/api/v1/integrations/units/${callSign}/${kind}`, {
    method: kind === 'status' ? 'POST' : 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}
// Terminal clocks: times after each unit's last status (the factory puts it an hour back).
const t0 = Date.now();
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();

describe('unit status from terminals', () => {
  it('follows the state machine, keeps each change with its time, and refuses illegal jumps with the reason', async () => {
    const sot = await createUnit(server.prisma, home.id);
    const stood = await terminal(sot.callSign, 'status', { status: 'TRANSPORTING', at: at(1) });
    expect(stood.status).toBe(409);
    expect(stood.body.message).toMatch(/Available at station/); // a terminal names no language: English

    // alerted means alerted to a mission: refused without one, accepted once the unit is on one
    const alone = await terminal(sot.callSign, 'status', { status: 'ALERTED', at: at(2) });
    expect(alone.status).toBe(409);
    const missionId = crypto.randomUUID();
    await server.prisma.mission.create({
      data: { id: missionId, centreId: home.id, kind: 'AMBULANCE', units: { create: { unitId: sot.id, assignedAt: new Date() } } },
    });
    expect((await terminal(sot.callSign, 'status', { status: 'ALERTED', at: at(2) })).body.applied).toBe(true);
    const enRoute = await terminal(sot.callSign, 'status', { status: 'EN_ROUTE', at: at(3) });
    expect(enRoute.body).toMatchObject({ applied: true, unit: { status: 'EN_ROUTE' } });
    const changes = await server.prisma.unitStatusChange.findMany({
      where: { unitId: sot.id, at: { gt: new Date(t0) } },
      orderBy: { at: 'asc' },
    });
    expect(changes.map((c) => [c.status, c.source])).toEqual([
      ['ALERTED', 'TERMINAL'],
      ['EN_ROUTE', 'TERMINAL'],
    ]);
  });

  it('ignores a report older than the last, and a repeat', async () => {
    const { callSign } = await createUnit(server.prisma, home.id);
    await terminal(callSign, 'status', { status: 'UNAVAILABLE', at: at(20) });
    const older = await terminal(callSign, 'status', { status: 'OUT_OF_SERVICE', at: at(10) });
    expect(older.body).toMatchObject({ applied: false, unit: { status: 'UNAVAILABLE' } });
    const repeat = await terminal(callSign, 'status', { status: 'UNAVAILABLE', at: at(20) });
    expect(repeat.body.applied).toBe(false);
  });

  it('refuses another centre’s unit, an unknown call sign and a made-up status', async () => {
    const { callSign } = await createUnit(server.prisma, home.id);
    expect((await terminal(callSign, 'status', { status: 'EN_ROUTE', at: at(1) }, neighbourKey)).status).toBe(403);
    const unknown = await terminal('NOPE-1', 'status', { status: 'EN_ROUTE', at: at(1) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/NOPE-1/);
    expect((await terminal(callSign, 'status', { status: 'FLYING', at: at(1) })).status).toBe(400);
  });

  it('an operator sets status by hand; the console hears it', async () => {
    const unit = await createUnit(server.prisma, home.id);
    const cookie = await login(server, home.user);
    const socket = openConsole(server, cookie);
    await socket.live;
    const res = await fetch(`${server.url}/api/v1/units/${unit.id}/status`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'UNAVAILABLE' }),
    });
    expect(res.status).toBe(200);
    await waitFor(() =>
      socket.received.some(
        (e) =>
          e.type === 'unit.upserted' &&
          (e.data as UnitSummary).callSign === unit.callSign &&
          (e.data as UnitSummary).status === 'UNAVAILABLE',
      ),
    );
    socket.disconnect();
  });
});

describe('unit positions', () => {
  it('stream to the own and the neighbouring centre, not to the legevaktsentral; older reports are ignored', async () => {
    const ambulance = await createUnit(server.prisma, home.id);
    const legevaktCar = await createUnit(server.prisma, lvs.id, { kind: 'LEGEVAKT_CAR' });
    const homeConsole = openConsole(server, await login(server, home.user));
    const neighbourConsole = openConsole(server, await login(server, neighbour.user));
    const lvsConsole = openConsole(server, await login(server, lvs.user));
    await Promise.all([homeConsole.live, neighbourConsole.live, lvsConsole.live]);
    const seen = (socket: typeof homeConsole) => {
      const batches: UnitMoved[][] = [];
      socket.on('positions', (b) => batches.push(b));
      return batches;
    };
    const [b, f, l] = [seen(homeConsole), seen(neighbourConsole), seen(lvsConsole)];

    const moved = await terminal(ambulance.callSign, 'position', { lat: 60.41, lon: 5.24, at: at(2), speedKmh: 62, headingDeg: 90 });
    expect(moved.body).toMatchObject({ applied: true, unit: { lat: 60.41, lon: 5.24 } });
    const older = await terminal(ambulance.callSign, 'position', { lat: 60.0, lon: 5.0, at: at(-30) });
    expect(older.body).toMatchObject({ applied: false, unit: { lat: 60.41, lon: 5.24 } });

    const find = (batches: UnitMoved[][]) => batches.flat().find((m) => m.lat === 60.41 && m.lon === 5.24);
    await waitFor(() => find(b) && find(f), 5_000, 'positions at the own and the neighbouring centre');
    expect(find(b)).toMatchObject({ speedKmh: 62, headingDeg: 90 });
    // The legevakt's own car reports after the ambulance; once the LVS console has that report,
    // anything sent to it before would have arrived first, so the ambulance's absence is final.
    expect((await terminal(legevaktCar.callSign, 'position', { lat: 60.38, lon: 5.34, at: at(3) }, lvsKey)).status).toBe(200);
    await waitFor(() => l.flat().some((m) => m.lat === 60.38 && m.lon === 5.34), 5_000, 'the legevakt car at the LVS');
    expect(find(l)).toBeUndefined();
    // The ignored older report: a newer one of the same unit reaches the own centre after it would have.
    expect((await terminal(ambulance.callSign, 'position', { lat: 60.42, lon: 5.25, at: at(4) })).body).toMatchObject({ applied: true });
    await waitFor(() => b.flat().some((m) => m.lat === 60.42 && m.lon === 5.25), 5_000, 'the newer position at the own centre');
    expect(b.flat().some((m) => m.lat === 60.0)).toBe(false);
    for (const s of [homeConsole, neighbourConsole, lvsConsole]) s.disconnect();
  });

  it('refuses a position off the globe', async () => {
    const { callSign } = await createUnit(server.prisma, home.id);
    const res = await terminal(callSign, 'position', { lat: 95, lon: 5, at: at(1) });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/lat/);
  });
});
