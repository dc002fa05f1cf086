// PostgreSQL that survives its own failure (deploy/postgres-ha): Patroni + etcd + HAProxy with a
// primary and a synchronous standby, run on this machine from Debian's packages. Two server
// instances reach the database through HAProxy's primary port, under load (calls, unit statuses
// and positions through the real API, four consoles connected). The primary's postmaster is
// killed with SIGKILL. Patroni promotes the standby; meanwhile every request answers 503 with
// Retry-After (none 500, none hanging); writes resume within 30 s without anyone restarting
// anything; no acknowledged write is lost, and every console ends with exactly the committed
// events, in seq order, none doubled, no seq reused.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '@amk/db';
import { createFreshDatabase } from '@amk/db/testing';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { seedDemo } from '../src/seed/seed.js';
import { FailoverConsole } from './support/failover-console.js';
import { HaTopology, haSkipReason, missingHaBinaries, poll } from './support/postgres-ha.js';
import { login, testConfig } from './support/test-app.js';

const missing = missingHaBinaries();
if (missing.length) console.warn(`ha-failover: ${haSkipReason(missing)}`);

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const servers: ChildProcess[] = [];
let topology: HaTopology | undefined;
let databaseUrl: string;

function startInstance(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        SEED_DEMO: 'never',
        DATA_DIR: testConfig().DATA_DIR,
        PURGE_SCHEDULE: 'off',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    servers.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/console ready at http:\/\/localhost:(\d+)/);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`instance exited (${code}) before it was ready: ${out}`)));
  });
}

beforeAll(async () => {
  if (missing.length) return;
  topology = new HaTopology();
  await topology.start(2);
  databaseUrl = (await createFreshDatabase('ha', seedDemo, topology.url())).url;
}, 150_000);

afterAll(async () => {
  for (const s of servers) s.kill('SIGKILL');
  await topology?.stop();
}, 30_000);

interface Outcome {
  at: number;
  status: number | 'timeout' | 'network';
  retryAfter: string | null;
}

describe.skipIf(missing.length > 0)(missing.length ? `PostgreSQL failover (${haSkipReason(missing)})` : 'PostgreSQL failover', () => {
  it('kill -9 of the primary under load: the standby is promoted, writes resume, nothing acknowledged or delivered is lost', {
    timeout: 120_000,
  }, async () => {
    const ha = topology!;
    const [a, b] = await Promise.all([startInstance(), startInstance()]);
    const setup = createPrisma(databaseUrl, 2);
    const key = (await createIntegrationKeyService(setup).create('ha', 'AMK-BERGEN')).key;
    const centreId = (await setup.centre.findUniqueOrThrow({ where: { code: 'AMK-BERGEN' } })).id;
    const startSeq = Number((await setup.event.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0);
    await setup.$disconnect();

    const urls = [a.url, b.url];
    const cookies = { [a.url]: await login(a, 'amk.bergen'), [b.url]: await login(b, 'amk.bergen') };
    const consoles = [0, 0, 1, 1].map((start) => new FailoverConsole(urls, cookies, start, startSeq));
    await Promise.all(consoles.map((c) => c.ready));

    // Load. Each write is retried (with the same externalId / report) until it is acknowledged, as
    // the telephony and unit integrations do; every answer is recorded.
    const outcomes: Outcome[] = [];
    const acknowledged = new Set<string>();
    let stop = false;
    let n = 0;
    const send = async (method: string, path: string, body: object): Promise<void> => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const target = urls[n++ % 2]!;
        const at = Date.now();
        try {
          const res = await fetch(`${target}/api/v1${path}`, {
            method,
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          });
          await res.arrayBuffer();
          outcomes.push({ at, status: res.status, retryAfter: res.headers.get('retry-after') });
          if (res.ok) return;
        } catch (err) {
          outcomes.push({ at, status: (err as Error).name === 'TimeoutError' ? 'timeout' : 'network', retryAfter: null });
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${method} ${path} never acknowledged`);
    };
    let calls = 0;
    const callLoad = (async () => {
      while (!stop) {
        const externalId = `ha-${startSeq}-${++calls}`;
        await send('POST', '/integrations/calls', {
          externalId,
          centre: 'AMK-BERGEN',
          line: '113',
          callerNumber: '+4790000066',
          ringingAt: new Date().toISOString(),
        });
        acknowledged.add(externalId);
      }
    })();
    const unitLoad = (async () => {
      const statuses = ['UNAVAILABLE', 'AVAILABLE_AT_STATION'];
      for (let i = 0; !stop; i++) {
        await send('POST', '/integrations/units/NHS-A71/status', { status: statuses[i % 2], at: new Date().toISOString() });
        await send('PUT', '/integrations/units/NHS-A71/position', { lat: 60.39 + i / 10_000, lon: 5.32, at: new Date().toISOString() });
      }
    })();

    await poll(() => acknowledged.size >= 20, 30_000, '20 calls before the failure');
    const old = (await ha.primary())!;
    const killedAt = Date.now();
    process.kill(ha.postmasterPid(old), 'SIGKILL');

    const promoted = await poll(
      async () => {
        const p = await ha.primary();
        return p && p !== old ? p : undefined;
      },
      60_000,
      'Patroni to promote the standby',
    );
    const promotedMs = Date.now() - killedAt;
    const firstWriteAfter = await poll(
      () =>
        outcomes.find(
          (o) =>
            o.at > killedAt &&
            typeof o.status === 'number' &&
            o.status < 300 &&
            outcomes.some((f) => f.at > killedAt && f.at < o.at && f.status !== 201 && f.status !== 200),
        ),
      60_000,
      'writes to resume',
    );
    const resumeMs = firstWriteAfter.at - killedAt;
    const ackedAtResume = acknowledged.size;
    await poll(() => acknowledged.size >= ackedAtResume + 20, 30_000, '20 calls after the failover');
    stop = true;
    await Promise.all([callLoad, unitLoad]);

    const refused = outcomes.filter((o) => o.at >= killedAt && !(typeof o.status === 'number' && o.status < 300));
    expect(resumeMs).toBeLessThan(30_000);
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) {
      expect(o.status).toBe(503); // not 500, not a hang (timeout), not a dropped connection
      expect(o.retryAfter).toBeTruthy();
    }

    // Every acknowledged call is in the (new primary's) database, and nothing else was made.
    const prisma: Db = createPrisma(databaseUrl, 2);
    try {
      const stored = await prisma.call.findMany({ where: { externalId: { startsWith: `ha-${startSeq}-` } }, select: { externalId: true } });
      expect(new Set(stored.map((c) => c.externalId))).toEqual(acknowledged);

      const expected = (
        await prisma.event.findMany({
          where: { seq: { gt: BigInt(startSeq) }, audience: { has: `centre:${centreId}` } },
          orderBy: { seq: 'asc' },
          select: { seq: true },
        })
      ).map((e) => Number(e.seq));
      await poll(() => consoles.every((c) => c.received.length >= expected.length), 20_000, 'consoles to catch up').catch(() => {});
      for (const c of consoles) {
        const seqs = c.received.map((e) => e.seq);
        expect(seqs).toEqual(expected); // none lost, none doubled, in order
        expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true); // no seq reused
      }
      console.log(
        `ha-failover: primary ${old.name} killed; ${promoted.name} promoted after ${promotedMs} ms; writes resumed after ${resumeMs} ms; ` +
          `${refused.length} requests refused meanwhile (all 503 + Retry-After); ${acknowledged.size} calls acknowledged, all stored; ` +
          `${expected.length} events, each console got every one exactly once (events lost: 0)`,
      );
    } finally {
      await prisma.$disconnect();
      for (const c of consoles) c.close();
    }
  });
});
