import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let production: App;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  production = await buildTestApp(prisma, { NODE_ENV: 'production' });
});
afterAll(async () => {
  await app.close();
  await production.close();
  await prisma.$disconnect();
});

const loginBody = (username: string, password: string) => ({
  method: 'POST' as const,
  url: '/api/v1/auth/login',
  payload: { username, password },
});

describe('login', () => {
  it('sets an httpOnly session cookie and tells who and which centre', async () => {
    const res = await app.inject(loginBody('amk.bergen', 'demo'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'amk.bergen', role: 'amk_operator', centre: { code: 'AMK-BERGEN', kind: 'AMK' } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/amk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(me.json()).toMatchObject({ username: 'amk.bergen', centre: { code: 'AMK-BERGEN' } });
  });

  it('stores passwords only as memory-hard hashes', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'amk.bergen' } });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain('demo');
  });

  it.each([
    ['amk.bergen', 'wrong'],
    ['nobody', 'demo'],
  ])('refuses %s with password %s the same way', async (username, password) => {
    const res = await app.inject(loginBody(username, password));
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('Wrong username or password');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('names the missing field of a malformed login', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'amk.bergen' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/password/);
  });

  it('refuses demo passwords when NODE_ENV=production', async () => {
    const res = await production.inject(loginBody('amk.bergen', 'demo'));
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/production/);
  });

  it('logout ends the session', async () => {
    const login = await app.inject(loginBody('lv.bergen', 'demo'));
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const login = await app.inject(loginBody('amk.bergen', 'demo'));
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const id = crypto.randomUUID();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
      payload: { id, line: '113' },
    });
    expect(res.statusCode).toBe(403);
    expect(await prisma.call.findUnique({ where: { id } })).toBeNull();
  });

  it('slows down password guessing for one username, and names when to retry', async () => {
    const tries = [];
    for (let i = 0; i < 11; i++) tries.push(await app.inject(loginBody('supervisor.bergen', `guess-${i}`)));
    expect(tries.slice(0, 10).every((r) => r.statusCode === 401)).toBe(true);
    expect(tries[10]!.statusCode).toBe(429);
    expect(tries[10]!.json().message).toMatch(/retry in/);
    // another user from the same address is not locked out
    expect((await app.inject(loginBody('lv.bergen', 'demo'))).statusCode).toBe(200);
    // and a forged X-Forwarded-For does not make a fresh address: no proxy is trusted by default
    const forged = await app.inject({ ...loginBody('supervisor.bergen', 'guess-forged'), headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forged.statusCode).toBe(429);
  });

  it('sets security headers on what a browser opens, not on the integrations (machines)', async () => {
    const res = await app.inject({ method: 'GET', url: '/health/live' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // the console's API, logged in or not
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-security-policy']).toContain("default-src 'self'");
    // an unknown address too
    expect((await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).headers['x-frame-options']).toBe('SAMEORIGIN');
    const { key } = await createIntegrationKeyService(prisma).create('test headers', 'AMK-BERGEN');
    const terminal = await app.inject({
      method: 'PUT',
      url: '/api/v1/integrations/units/BGN-A11/position',
      headers: { authorization: `Bearer ${key}` },
      payload: { lat: 60.39, lon: 5.32, at: new Date().toISOString() },
    });
    expect(terminal.statusCode).toBe(200);
    expect(terminal.headers['content-security-policy']).toBeUndefined();
    expect(terminal.headers['x-frame-options']).toBeUndefined();
  });
});

describe('integration keys', () => {
  it('are stored hashed and authenticate with Bearer', async () => {
    const { id, key } = await createIntegrationKeyService(prisma).create('test telephony', 'AMK-BERGEN');
    const row = await prisma.integrationKey.findUniqueOrThrow({ where: { id } });
    expect(row.keyHash).not.toContain(key);
    expect(key.startsWith(`amk_${row.prefix}_`)).toBe(true);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { authorization: `Bearer ${key}` },
      payload: {
        externalId: `auth-${id}`,
        centre: 'AMK-BERGEN',
        line: '113',
        callerNumber: '+4790000001',
        ringingAt: new Date().toISOString(),
      },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('answer 401 without a key or with a wrong one', async () => {
    const body = { externalId: 'x', centre: 'AMK-BERGEN', line: '113', callerNumber: '+4790000001', ringingAt: new Date().toISOString() };
    const none = await app.inject({ method: 'POST', url: '/api/v1/integrations/calls', payload: body });
    expect(none.statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/calls',
      headers: { authorization: 'Bearer amk_nope_nope' },
      payload: body,
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('cannot be created for an unknown centre', async () => {
    await expect(createIntegrationKeyService(prisma).create('x', 'AMK-NOWHERE')).rejects.toThrow(/Unknown centre 'AMK-NOWHERE'/);
  });
});
