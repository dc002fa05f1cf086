// Break-glass local accounts (issue 18): in production with single sign-on configured, a local
// account signs in with its password only during a period its centre's administrator opened with
// a reason; every sign-in then is audited as break-glass, and closing the period (or its end) ends
// the account's sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '@amk/db';
import type { App } from '../src/app.js';
import { createCentre, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 3);
let production: App;
let centre: { id: string };
let adminCookie: string;

beforeAll(async () => {
  production = await buildTestApp(prisma, {
    NODE_ENV: 'production',
    OIDC_PROVIDERS: [
      {
        id: 'trust',
        label: 'Helseforetaket',
        issuer: 'https://login.example.invalid/tenant/v2.0',
        clientId: 'amk',
        clientAuth: { method: 'client_secret_basic', secret: 's3cret' },
        scopes: 'openid profile',
        claims: { name: 'name', hpr: 'hpr', groups: 'groups' },
        dpop: false,
      },
    ],
  });
  centre = await createCentre(prisma);
  // The administrator signs in through the provider, as everybody does here.
  const admin = await createUser(prisma, centre.id, { role: 'admin' });
  await prisma.user.update({ where: { id: admin.id }, data: { oidcProvider: 'trust', oidcSubject: admin.id } });
  const { token } = await production.sessions.createForOidcUser(admin.id, {
    provider: 'trust',
    subject: admin.id,
    sid: null,
    authTime: new Date(),
  });
  adminCookie = `amk_session=${token}`;
});
afterAll(async () => {
  await production.close();
  await prisma.$disconnect();
});

const login = (username: string) =>
  production.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo' } });
const breakGlass = (method: 'PUT' | 'DELETE', userId: string, payload?: object) =>
  production.inject({
    method,
    url: `/api/v1/admin/users/${userId}/break-glass`,
    headers: { cookie: adminCookie },
    ...(payload && { payload }),
  });
const me = (cookie: string) => production.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('break-glass local accounts', () => {
  it('a local account is refused until an administrator opens a period; then every sign-in is audited; closing it ends the session', async () => {
    const operator = await createUser(prisma, centre.id);
    const refused = await login(operator.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/break-glass/);

    const opened = await breakGlass('PUT', operator.id, { hours: 4, reason: 'Helseforetakets pålogging er nede' });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ userId: operator.id, reason: 'Helseforetakets pålogging er nede' });
    expect(await prisma.auditLog.count({ where: { action: 'user.break_glass_open', entityId: operator.id } })).toBe(1);
    // The admin's user list shows the open period.
    const list = await production.inject({ method: 'GET', url: '/api/v1/admin/users', headers: { cookie: adminCookie } });
    expect(list.json().users.find((u: { id: string }) => u.id === operator.id)).toMatchObject({
      signsInWith: 'password',
      breakGlassUntil: opened.json().until,
    });

    const ok = await login(operator.username);
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    expect((await me(cookie)).statusCode).toBe(200);
    expect(await prisma.auditLog.count({ where: { action: 'auth.break_glass_login', actorId: operator.id } })).toBe(1);
    // The centre's wall shows the open account, until when, and when it was last used.
    const wall = async () =>
      (await production.inject({ method: 'GET', url: '/api/v1/wall', headers: { cookie: adminCookie } })).json().centres[0].breakGlass;
    const [shown] = await wall();
    expect(shown).toEqual({ name: operator.displayName, until: opened.json().until, lastUsedAt: expect.any(String) });

    expect((await breakGlass('DELETE', operator.id)).statusCode).toBe(200);
    expect(await wall()).toEqual([]);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await login(operator.username)).statusCode).toBe(403);
    expect(await prisma.auditLog.count({ where: { action: 'user.break_glass_close', entityId: operator.id } })).toBe(1);
  });

  it('a session opened during the period stops working when the period has passed', async () => {
    const operator = await createUser(prisma, centre.id);
    await breakGlass('PUT', operator.id, { hours: 1, reason: 'øvelse' });
    const cookie = String((await login(operator.username)).headers['set-cookie']).split(';')[0]!;
    expect((await me(cookie)).statusCode).toBe(200);
    await prisma.user.update({ where: { id: operator.id }, data: { breakGlassUntil: new Date(Date.now() - 1_000) } });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses a period longer than 72 hours, one without a reason, and one for an identity-provider user', async () => {
    const operator = await createUser(prisma, centre.id);
    expect((await breakGlass('PUT', operator.id, { hours: 100, reason: 'x' })).json().message).toMatch(/at most 72 hours/);
    expect((await breakGlass('PUT', operator.id, { hours: 2, reason: ' ' })).json().message).toMatch(/say why/);
    const sso = await createUser(prisma, centre.id);
    await prisma.user.update({ where: { id: sso.id }, data: { oidcProvider: 'trust', oidcSubject: sso.id } });
    const res = await breakGlass('PUT', sso.id, { hours: 2, reason: 'x' });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/identity provider/);
  });
});
