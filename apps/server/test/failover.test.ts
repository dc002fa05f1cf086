// Two server instances on one database; one is killed with SIGKILL while calls and unit updates
// flow. Every console ends with exactly the events in the database — none lost, none doubled —
// and the test reports how long the switch took.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@amk/db';
import { FailoverConsole } from './support/failover-console.js';
import { createCentre, createIntegrationKey, createUnit, createUser } from './support/factories.js';
import { databaseUrl, login, testConfig } from './support/test-app.js';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const prisma = createPrisma(databaseUrl(), 2);
const children: ChildProcess[] = [];

function startInstance(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(),
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        SEED_DEMO: 'never',
        DATA_DIR: testConfig().DATA_DIR,
        PURGE_SCHEDULE: 'off',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/console ready at http:\/\/localhost:(\d+)/);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`instance exited (${code}) before it was ready: ${out}`)));
  });
}

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await prisma.$disconnect();
});

let a: { child: ChildProcess; url: string };
let b: { child: ChildProcess; url: string };
let key: string;
/** The file's own centre, its operator and an ambulance of its own whose terminal reports statuses. */
let centre: { id: string; code: string };
let username: string;
let callSign: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startInstance(), startInstance()]);
  centre = await createCentre(prisma);
  [key, { username }, { callSign }] = await Promise.all([
    createIntegrationKey(prisma, centre.code, 'failover'),
    createUser(prisma, centre.id),
    createUnit(prisma, centre.id),
  ]);
}, 60_000);

describe('failover', () => {
  it('SIGKILL one instance under load: consoles move over and end with exactly the database’s events', { timeout: 90_000 }, async () => {
    const startSeq = Number((await prisma.event.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0);
    const cookies = { [a.url]: await login(a, username), [b.url]: await login(b, username) };
    const urls = [a.url, b.url];
    const consoles = [0, 0, 1, 1].map((start) => new FailoverConsole(urls, cookies, start, startSeq));
    await Promise.all(consoles.map((c) => c.ready));

    // Load: calls through either instance (a telephony retry goes to the other on failure, with the
    // same externalId, so nothing is lost or doubled), and unit status changes.
    let stop = false;
    let calls = 0;
    const send = async (body: object, path: string, method = 'POST') => {
      for (let attempt = 0; ; attempt++) {
        const target = urls[(calls + attempt) % 2]!;
        try {
          const res = await fetch(`${target}/api/v1${path}`, {
            method,
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(2_000),
          });
          if (res.status < 500) return res.status;
        } catch {
          /* that instance is gone: the next attempt goes to the other */
        }
      }
    };
    const load = (async () => {
      const statuses = ['UNAVAILABLE', 'AVAILABLE_AT_STATION'];
      while (!stop) {
        calls++;
        await send(
          {
            externalId: `fo-${startSeq}-${calls}`,
            centre: centre.code,
            line: '113',
            callerNumber: '+4790000055',
            ringingAt: new Date().toISOString(),
          },
          '/integrations/calls',
        );
        await send({ status: statuses[calls % 2], at: new Date().toISOString() }, `/integrations/units/${callSign}/status`);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await new Promise((r) => setTimeout(r, 1_500));
    a.child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 2_500));
    stop = true;
    await load;

    // Every event for this centre since the start, from the database.
    const room = `centre:${centre.id}`;
    const expected = (
      await prisma.event.findMany({
        where: { seq: { gt: BigInt(startSeq) }, audience: { has: room } },
        orderBy: { seq: 'asc' },
        select: { seq: true },
      })
    ).map((e) => Number(e.seq));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && consoles.some((c) => c.received.length < expected.length)) await new Promise((r) => setTimeout(r, 100));

    expect(expected.length).toBeGreaterThan(20);
    for (const c of consoles) expect(c.received.map((e) => e.seq)).toEqual(expected); // none lost, none doubled, in order
    const moved = consoles.slice(0, 2).flatMap((c) => c.switches);
    expect(moved).toHaveLength(2);
    console.log(
      `failover: ${expected.length} events; switch times ${moved.map((s) => `${s.ms} ms`).join(', ')}; ${calls} calls registered`,
    );
    expect(await prisma.call.count({ where: { externalId: { startsWith: `fo-${startSeq}-` } } })).toBe(calls);
    for (const c of consoles) c.close();
  });
});
