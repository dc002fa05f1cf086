// The database goes away under load and comes back: the server stays up, says it is not ready,
// answers writes with 503 and Retry-After, and carries on by itself when the database returns —
// including live events to consoles. Calls ring at a centre of the file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary } from '@amk/contracts';
import { buildApp, type App } from '../src/app.js';
import { createPrisma, type Db } from '@amk/db';
import { createCentre, createIntegrationKey, createUser } from './support/factories.js';
import { DbProxy } from './support/db-proxy.js';
import { databaseUrl, login, openConsole, testConfig, waitFor } from './support/test-app.js';

let proxy: DbProxy;
let prisma: Db;
let app: App;
let url: string;
let key: string;
let centre: { id: string; code: string };
let operator: string;

beforeAll(async () => {
  const real = new URL(databaseUrl());
  proxy = new DbProxy({ host: real.hostname, port: Number(real.port || 5432) });
  await proxy.start();
  const viaProxy = proxy.urlFor(databaseUrl());
  prisma = createPrisma(viaProxy, 5);
  app = await buildApp({ config: testConfig(), prisma, databaseUrl: viaProxy });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  centre = await createCentre(prisma);
  [key, { username: operator }] = await Promise.all([createIntegrationKey(prisma, centre.code, 'outage'), createUser(prisma, centre.id)]);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
  await proxy.cut();
});

const ring = (id: string) =>
  fetch(`${url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      externalId: id,
      centre: centre.code,
      line: '113',
      callerNumber: '+4790000077',
      ringingAt: new Date().toISOString(),
    }),
  });

describe('a database outage', () => {
  it('is survived: not ready and 503 + Retry-After meanwhile, then everything resumes by itself', { timeout: 60_000 }, async () => {
    const console = openConsole({ url }, await login({ url }, operator));
    await console.live;
    // load before the outage
    for (let i = 0; i < 5; i++) expect((await ring(`before-${Date.now()}-${i}`)).status).toBe(201);

    await proxy.cut();
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const during = await ring(`during-${Date.now()}`);
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBeTruthy();
    expect(((await during.json()) as { message: string }).message).toMatch(/database/);
    const snapshot = await fetch(`${url}/api/v1/snapshot`, { headers: { cookie: 'amk_session=any' } });
    expect(snapshot.status).toBe(503); // the session cannot even be checked

    await proxy.restore();
    await waitFor(async () => (await fetch(`${url}/health/ready`)).status === 200 || undefined, 20_000, 'ready again');
    const after = `after-${Date.now()}`;
    let res: Response | undefined;
    await waitFor(
      async () => {
        res = await ring(after);
        return res.status === 201 || res.status === 200 || undefined;
      },
      20_000,
      'writes again',
    );
    const call = (await res!.json()) as CallSummary;
    // the console (still connected to this server) hears the new call: the event pump resumed
    await waitFor(() => console.received.some((e) => (e.data as CallSummary).id === call.id), 15_000, 'the live event after the outage');
    console.disconnect();
  });
});

describe('a frozen database', () => {
  // Its own proxy and server, with short limits so the test is quick; production uses seconds too.
  let frozenProxy: DbProxy;
  let frozenDb: Db;
  let frozenApp: App;
  let frozenKey: string;
  let frozenCentre: { id: string; code: string };
  let frozenOperator: string;
  beforeAll(async () => {
    const real = new URL(databaseUrl());
    frozenProxy = new DbProxy({ host: real.hostname, port: Number(real.port || 5432) });
    await frozenProxy.start();
    const viaProxy = frozenProxy.urlFor(databaseUrl());
    frozenDb = createPrisma(viaProxy, 5, { statementTimeoutMs: 1_000, lockTimeoutMs: 500, connectTimeoutMs: 1_000 });
    frozenApp = await buildApp({ config: testConfig(), prisma: frozenDb, databaseUrl: viaProxy });
    await frozenApp.ready();
    frozenCentre = await createCentre(frozenDb);
    [frozenKey, { username: frozenOperator }] = await Promise.all([
      createIntegrationKey(frozenDb, frozenCentre.code, 'frozen'),
      createUser(frozenDb, frozenCentre.id),
    ]);
  });
  afterAll(async () => {
    frozenProxy.thaw();
    await frozenApp.close();
    await frozenDb.$disconnect();
    await frozenProxy.cut();
  });

  const ringFrozen = (id: string) =>
    frozenApp.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { authorization: `Bearer ${frozenKey}` },
      payload: { externalId: id, centre: frozenCentre.code, line: '113', callerNumber: '+4790000078', ringingAt: new Date().toISOString() },
    });

  it('answers 503 + Retry-After instead of hanging, is not ready at once, and recovers when it thaws', { timeout: 60_000 }, async () => {
    expect((await ringFrozen(`warm-${Date.now()}`)).statusCode).toBe(201);
    const cookie = (
      await frozenApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: frozenOperator, password: 'demo' } })
    ).headers['set-cookie'];
    const session = String(cookie).split(';')[0]!;

    frozenProxy.freeze();
    const ready = await frozenApp.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    // several at once: more than the pool has connections, so some wait for one and give up too
    const during = await Promise.all([
      ...Array.from({ length: 7 }, (_, i) => ringFrozen(`frozen-${Date.now()}-${i}`)),
      frozenApp.inject({ method: 'GET', url: '/api/v1/snapshot', headers: { cookie: session } }),
    ]);
    for (const res of during) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBeTruthy();
    }

    frozenProxy.thaw();
    await waitFor(
      async () => (await frozenApp.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200 || undefined,
      20_000,
      'ready again',
    );
    await waitFor(async () => (await ringFrozen(`thawed-${Date.now()}`)).statusCode === 201 || undefined, 20_000, 'writes again');
  });
});
