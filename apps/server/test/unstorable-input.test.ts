// Values PostgreSQL refuses (NUL, broken Unicode, dates outside what it stores) are the client's
// mistake: a 400 naming the field, from the contracts, and from the error handler as a backstop
// should one slip past them. Never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createIntegrationKey } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { asIntegration, cookieForNewUser } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let key: string;
/** A centre of the file's own, where calls ring and whose supervisor and admin ask. */
let centre: { id: string; code: string };

beforeAll(async () => {
  app = await buildTestApp(prisma);
  // Routes that hand a value straight to PostgreSQL, as a bug that skipped the contracts would.
  app.get('/test/unchecked-text', async () => prisma.$queryRaw`SELECT ${'a\u0000b'}::text AS x`);
  app.get('/test/unchecked-time', async () => prisma.$queryRaw`SELECT ${new Date('0000-01-01T00:00:00Z')}::timestamptz AS x`);
  centre = await createCentre(prisma);
  key = await createIntegrationKey(prisma, centre.code, 'unstorable input');
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('unstorable input', () => {
  it('a login with a NUL in the username is a 400 naming it, before any database work', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('body.username');
  });

  it('edge times in a body and in a query are 400s naming the field', async () => {
    const integration = asIntegration(app, key, centre.code);
    for (const ringingAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59-14:00']) {
      const res = await integration.ring(`edge-${ringingAt}`, '+4791234567', { ringingAt });
      expect(res.statusCode, ringingAt).toBe(400);
      expect(res.json().message).toContain('ringingAt');
    }
    const cookie = await cookieForNewUser(app, prisma, centre.id, { role: 'supervisor' });
    const stats = await app.inject({
      method: 'GET',
      url: '/api/v1/stats/answer-times?from=0000-01-01T00:00:00Z&to=2026-12-01T00:00:00Z',
      headers: { cookie },
    });
    expect(stats.statusCode).toBe(400);
    expect(stats.json().message).toContain('from');
    const purge = await app.inject({
      method: 'GET',
      url: '/api/v1/recordings/purge/preview?date=0000-01-01',
      headers: { cookie: await cookieForNewUser(app, prisma, centre.id, { role: 'admin' }) },
    });
    expect(purge.statusCode).toBe(400);
    expect(purge.json().message).toContain('date');
  });

  it('a NUL in a body without a JSON schema (the AML SMS text and form) is a 400 naming it', async () => {
    const integration = asIntegration(app, key, centre.code);
    const sms = await integration.amlSms('A"ML=1;lt=+60.39\u0000;lg=+5.32', '+4791234567');
    expect(sms.statusCode).toBe(400);
    expect(sms.json().message).toContain('body');
    const form = await integration.amlHttps({ v: '3', device_number: '+4791234567', location_latitude: '60.39\u0000' });
    expect(form.statusCode).toBe(400);
    expect(form.json().message).toContain('location_latitude');
  });

  it('the error handler answers 400, not 500, when PostgreSQL refuses a value itself', async () => {
    for (const url of ['/test/unchecked-text', '/test/unchecked-time']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toMatch(/cannot be stored/);
    }
  });
});
