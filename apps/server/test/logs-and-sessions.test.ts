// What must never be in the log (passwords, session tokens, API keys, fødselsnummer), and
// sessions that end by themselves. Users and centres are the file's own (support/factories.ts).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { sha256 } from '../src/auth/tokens.js';
import { createSessionService } from '../src/auth/sessions.service.js';
import { createCentre, createIntegrationKey, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl, login, onceLive, openConsole, startServer, waitFor } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
let app: App;
let log = '';
/** A new user of a new centre: their username, to log in with the password 'demo'. */
const newUser = async (data: Parameters<typeof createUser>[2] = {}) =>
  (await createUser(prisma, (await createCentre(prisma)).id, data)).username;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, done) {
      log += chunk.toString();
      done();
    },
  });
  app = await buildTestApp(prisma, { LOG_LEVEL: 'trace' }, stream);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('the log', () => {
  it('never holds a password, a session token, an API key or a fødselsnummer', async () => {
    const password = 'hemmelig-passord-for-loggtest';
    const centre = await createCentre(prisma);
    const { username } = await createUser(prisma, centre.id, { password });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const token = cookie.split('=')[1]!;
    const key = await createIntegrationKey(prisma, centre.code, 'log test');
    const id = crypto.randomUUID();
    await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie }, payload: { id, line: '113' } });
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/calls/${id}`,
      headers: { cookie },
      payload: { nationalId: '15019012155', patientName: 'Ola' },
    });
    await app.inject({ method: 'PATCH', url: `/api/v1/calls/${id}`, headers: { cookie }, payload: { nationalId: '15019012156' } }); // refused, and not echoed to the log
    await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { authorization: `Bearer ${key}` },
      payload: { bad: true },
    });
    await app.inject({ method: 'GET', url: `/api/v1/calls?nationalId=15019012155`, headers: { cookie } });
    expect(log.length).toBeGreaterThan(1000); // the log was written at trace level
    for (const secret of [password, token, key, '15019012155', '15019012156']) expect(log).not.toContain(secret);
  });
});

describe('sessions', () => {
  it('expire: an expired session is refused, on HTTP and on the socket', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: await newUser({ role: 'lv_operator' }), password: 'demo' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await prisma.session.update({ where: { tokenHash: sha256(cookie.split('=')[1]!) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('a socket lives only as long as its session', () => {
  it('logging out closes the console’s socket at once; another session’s socket stays', async () => {
    const server = await startServer();
    try {
      const centre = await createCentre(prisma);
      const [me, colleague] = await Promise.all([createUser(prisma, centre.id), createUser(prisma, centre.id)]);
      const mine = await login(server, me.username);
      const other = await login(server, colleague.username);
      const [a, b] = [openConsole(server, mine), openConsole(server, other)];
      await Promise.all([onceLive(a), onceLive(b)]);
      const out = await fetch(`${server.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: mine, origin: server.url } });
      expect(out.status).toBe(204);
      await waitFor(() => a.disconnected, 3_000, 'the logged-out socket to close');
      expect(b.connected).toBe(true);
      a.close();
      b.close();
    } finally {
      await server.close();
    }
  });

  it('sessions of open sockets are kept alive; logged-out, expired and disabled ones are not', async () => {
    const token = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo' } });
      return sha256(String(res.headers['set-cookie']).split(';')[0]!.split('=')[1]!);
    };
    const [live, expired, disabled] = [await token(await newUser()), await token(await newUser()), await token(await newUser())];
    await prisma.session.update({ where: { tokenHash: live }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await prisma.session.update({ where: { tokenHash: expired }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const { userId } = await prisma.session.findUniqueOrThrow({ where: { tokenHash: disabled } });
    await prisma.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    const alive = await createSessionService(prisma, { ttlHours: 12, production: false }).keepAlive([
      live,
      expired,
      disabled,
      sha256('logged-out-long-ago'),
    ]);
    expect([...alive]).toEqual([live]);
    const kept = await prisma.session.findUniqueOrThrow({ where: { tokenHash: live } });
    expect(kept.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000); // extended by the 12 h TTL
  });
});
