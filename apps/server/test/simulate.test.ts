// `pnpm simulate` against a running server: exercise calls ring, get positions, are answered,
// triaged and dispatched; ambulances drive out and report every status; when the time is up
// nothing is left open, and none of it reaches the quality indicators.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { demoCentreId } from '../src/seed/seed.js';
import { login, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

function simulate(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('exercise mode against a server elsewhere', () => {
  it('a key the server does not know is refused before anything is sent, saying to pass --key', async () => {
    const run = await simulate(['--url', server.url, '--key', 'not-a-key-of-this-server', '--minutes', '0.01']);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/does not accept the --key given.*pass --key with an integration key of that server for AMK-BERGEN/);
  });

  it("without --key and without this machine's database, it says what to pass instead of 'Unknown centre'", async () => {
    const run = await simulate(['--url', server.url, '--minutes', '0.01'], {
      ...process.env,
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/nowhere',
    });
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/could not make an integration key in this machine's database.*pnpm cli integration-key create/);
    expect(run.out).not.toMatch(/Unknown centre/);
  });
});

describe('exercise mode', () => {
  it('plays calls and missions to their end, marked as exercise and kept out of the indicators', async () => {
    const centreId = demoCentreId('AMK-BERGEN');
    const cookie = await login(server, 'supervisor.bergen');
    const today = async () =>
      (await (await fetch(`${server.url}/api/v1/stats/answer-times?period=today`, { headers: { cookie } })).json()).lines['113']
        .total as number;
    const before = await today();
    const { key } = await createIntegrationKeyService(server.prisma).create('simulate test', 'AMK-BERGEN');
    // Only this run's calls: other test files make exercise calls of their own.
    const startedAt = new Date(Date.now() - 1_000);

    const run = await simulate([
      '--url',
      server.url,
      '--key',
      key,
      '--calls-per-minute',
      '40',
      '--minutes',
      '0.12',
      '--speed',
      '300',
      '--mix',
      'A:100',
    ]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/done: \d+ exercise calls/);

    const calls = await server.prisma.call.findMany({
      where: { centreId, source: 'EXERCISE', ringingAt: { gte: startedAt } },
      include: { missions: { include: { units: true } } },
    });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const c of calls)
      expect(c, `call ${c.externalId}`).toMatchObject({
        closedAt: expect.any(Date),
        criterionCode: expect.stringMatching(/^A\./),
        lat: expect.any(Number),
      });
    const missions = calls.flatMap((c) => c.missions);
    expect(missions.length).toBeGreaterThan(0);
    for (const m of missions) expect(m).toMatchObject({ closedAt: expect.any(Date), outcome: expect.stringContaining('Øvelse') });

    // one ambulance's day: alerted, en route, on scene, transporting, at hospital, free again
    const unitId = missions[0]!.units[0]!.unitId;
    const changes = await server.prisma.unitStatusChange.findMany({
      where: { unitId, missionId: missions[0]!.id },
      orderBy: { at: 'asc' },
    });
    expect(changes.map((c) => c.status)).toEqual(
      expect.arrayContaining(['ALERTED', 'EN_ROUTE', 'ON_SCENE', 'TRANSPORTING', 'AT_HOSPITAL']),
    );
    const used = await server.prisma.unit.findMany({ where: { id: { in: missions.flatMap((m) => m.units.map((u) => u.unitId)) } } });
    for (const u of used) expect(u.status, `${u.callSign} back at its station`).toBe('AVAILABLE_AT_STATION');

    expect(await today()).toBe(before);
  }, 60_000);

  it('plays a bus crash as a major incident to its end: 25 patients triaged and transported, neighbours helping, nothing left open', async () => {
    const { key } = await createIntegrationKeyService(server.prisma).create('simulate major', 'AMK-BERGEN');
    const { key: fordeKey } = await createIntegrationKeyService(server.prisma).create('simulate major (Førde)', 'AMK-FORDE');
    const startedAt = new Date(Date.now() - 1_000);
    const run = await simulate([
      '--url',
      server.url,
      '--key',
      key,
      '--neighbour-key',
      fordeKey,
      '--scenario',
      'major',
      '--speed',
      '2000',
      '--minutes',
      '5',
    ]);
    expect(run.code, run.out).toBe(0);
    // 5 red, 7 yellow (one re-triaged to red), 11 green, 2 dead
    expect(run.out).toContain('patients by category: rød 6, gul 6, grønn 11, død 2');
    expect(run.out).toMatch(/done: 23 transports \((\d+) by the neighbour's units\), major incident closed/);
    expect(Number(/\((\d+) by the neighbour/.exec(run.out)![1])).toBeGreaterThan(0);

    const incident = await server.prisma.majorIncident.findFirstOrThrow({
      where: { declaredAt: { gte: startedAt }, description: { startsWith: 'ØVELSE: buss' } },
      include: { patients: true, hospitalAlerts: true },
    });
    expect(incident.closedAt).not.toBeNull();
    expect(incident.patients).toHaveLength(25);
    for (const p of incident.patients.filter((x) => x.category !== 'DEAD'))
      expect(p, `card ${p.cardNumber}`).toMatchObject({
        hospitalId: expect.any(String),
        unitId: expect.any(String),
        leftSceneAt: expect.any(Date),
        arrivedAt: expect.any(Date),
      });
    expect(incident.patients.filter((x) => x.category === 'DEAD').every((p) => p.hospitalId === null)).toBe(true);
    expect(incident.hospitalAlerts.map((a) => a.level).sort()).toEqual(['RED', 'YELLOW', 'YELLOW']);
    // every caller's call, and every mission of the transports, is closed; the calls are exercises
    const calls = await server.prisma.call.findMany({ where: { incidentId: incident.incidentId }, include: { missions: true } });
    expect(calls).toHaveLength(8); // every caller, linked to the incident
    for (const c of calls) expect(c).toMatchObject({ source: 'EXERCISE', closedAt: expect.any(Date) });
    const missions = calls.flatMap((c) => c.missions);
    expect(missions).toHaveLength(23);
    for (const m of missions) expect(m.closedAt).not.toBeNull();
  }, 120_000);

  it('names a bad option', async () => {
    const run = await simulate(['--url', server.url, '--key', 'x', '--mix', 'A:20,Q:5']);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/--mix is urgency:weight pairs/);
  });
});
