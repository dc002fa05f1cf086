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

function simulate(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

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

  it('names a bad option', async () => {
    const run = await simulate(['--url', server.url, '--key', 'x', '--mix', 'A:20,Q:5']);
    expect(run.code).toBe(2);
    expect(run.out).toMatch(/--mix is urgency:weight pairs/);
  });
});
