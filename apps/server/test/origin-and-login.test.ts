// Browser pages from other sites may not open the live socket or log in (CSRF), and login is
// limited per client address as well as per username (issue 15, hole 5).
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl, login } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 4);
const PUBLIC_URL = 'https://amk.example.no';
let plain: { app: App; url: string };
let withPublicUrl: { app: App; url: string };
/** A low limit, so the test needs few (slow, hashed) attempts. */
const LOGINS_PER_ADDRESS = 5;
/** An operator of a centre of the file's own, who logs in with the password 'demo'. */
let username: string;

async function listening(overrides: Parameters<typeof buildTestApp>[1]) {
  const app = await buildTestApp(prisma, overrides);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

beforeAll(async () => {
  ({ username } = await createUser(prisma, (await createCentre(prisma)).id));
  plain = await listening({});
  withPublicUrl = await listening({ PUBLIC_URL });
});
afterAll(async () => {
  await plain.app.close();
  await withPublicUrl.app.close();
  await prisma.$disconnect();
});

/** Resolves 'connected' or 'refused'. */
function trySocket(url: string, cookie: string, origin?: string): Promise<'connected' | 'refused'> {
  const socket = connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie, ...(origin && { origin }) },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  }).finally(() => socket.disconnect()) as Promise<'connected' | 'refused'>;
}

describe('the live socket checks Origin', () => {
  it('without PUBLIC_URL: a page from this host and a client without Origin connect; another site is refused', async () => {
    const cookie = await login(plain, username);
    expect(await trySocket(plain.url, cookie, 'https://evil.example')).toBe('refused');
    expect(await trySocket(plain.url, cookie, 'null')).toBe('refused');
    expect(await trySocket(plain.url, cookie, plain.url)).toBe('connected');
    expect(await trySocket(plain.url, cookie)).toBe('connected');
  });

  it('with PUBLIC_URL: only that origin', async () => {
    const cookie = await login(withPublicUrl, username);
    expect(await trySocket(withPublicUrl.url, cookie, 'https://evil.example')).toBe('refused');
    expect(await trySocket(withPublicUrl.url, cookie, 'http://amk.example.no')).toBe('refused'); // scheme matters
    expect(await trySocket(withPublicUrl.url, cookie, PUBLIC_URL)).toBe('connected');
  });
});

describe('login', () => {
  const post = (url: string, headers: Record<string, string>) =>
    fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password: 'demo' }),
    });

  it('from another site is refused (login CSRF), and no session is started', async () => {
    const before = await prisma.session.count();
    const res = await post(plain.url, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toMatch(/Origin/);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await prisma.session.count()).toBe(before);
    expect((await post(withPublicUrl.url, { origin: plain.url })).status).toBe(403);
  });

  it('from our own page, or from a client without Origin, works', async () => {
    expect((await post(plain.url, { origin: plain.url })).status).toBe(200);
    expect((await post(withPublicUrl.url, { origin: PUBLIC_URL })).status).toBe(200);
    expect((await post(plain.url, {})).status).toBe(200);
  });

  it('is limited per client address across usernames, and another address is not held up', async () => {
    const app = await buildTestApp(prisma, { LOGINS_PER_ADDRESS });
    try {
      const attempt = (username: string, remoteAddress: string) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'guess' }, remoteAddress });
      for (let i = 0; i < LOGINS_PER_ADDRESS; i++) expect((await attempt(`spray-${i}`, '198.51.100.7')).statusCode).toBe(401);
      const limited = await attempt('spray-last', '198.51.100.7');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().message).toMatch(/address; retry in \d+ seconds/);
      expect(limited.headers['retry-after']).toBeTruthy();
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username, password: 'demo' },
            remoteAddress: '198.51.100.8',
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('behind a trusted proxy, the limit is per forwarded client address', async () => {
    const app = await buildTestApp(prisma, { TRUST_PROXY: ['127.0.0.1'], LOGINS_PER_ADDRESS });
    try {
      const attempt = (username: string, client: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: 'guess' },
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i <= LOGINS_PER_ADDRESS; i++) await attempt(`proxied-${i}`, '203.0.113.20');
      expect((await attempt('proxied-more', '203.0.113.20')).statusCode).toBe(429);
      expect((await attempt('proxied-other', '203.0.113.21')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
