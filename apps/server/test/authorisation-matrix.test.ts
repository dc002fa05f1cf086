// Every route, called as every kind of caller, answered as ONE table says. A route missing from the
// table fails the test, so a new route cannot ship without deciding who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '../src/db/prisma.js';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';
import { CALLERS, MATRIX, USERS, type Allowed, type Caller } from './support/route-matrix.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
const headers: Partial<Record<Caller, Record<string, string>>> = {};

beforeAll(async () => {
  app = await buildTestApp(prisma);
  await app.ready();
  headers.anonymous = {};
  headers.integration = { authorization: `Bearer ${(await createIntegrationKeyService(prisma).create('matrix', 'AMK-BERGEN')).key}` };
  for (const [role, username] of Object.entries(USERS)) headers[role as Role] = { cookie: await cookieFor(app, username) };
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const fill = (url: string) =>
  url.replace(':action', 'seen').replace(':callSign', 'BGN-A11').replace(':externalId', 'no-such-call').replace(/:[a-zA-Z]+/g, () => crypto.randomUUID());

function expected(allowed: Allowed, caller: Caller): 'ok' | 401 | 403 {
  if (allowed === 'public') return 'ok';
  if (allowed === 'integration') return caller === 'integration' ? 'ok' : 401;
  if (caller === 'anonymous' || caller === 'integration') return 401;
  return allowed.includes(caller) ? 'ok' : 403;
}

describe('authorisation matrix', () => {
  it('covers every route the server has', () => {
    const routes = app.routeList.filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/health/')).map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in MATRIX));
    expect(missing).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s answers every caller as the table says', async (route, allowed) => {
    const [method, url] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH', string];
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      if (route === 'POST /api/v1/auth/logout') continue; // would end the sessions the other rows use
      const res = await app.inject({ method, url: fill(url), headers: headers[caller], ...(method === 'GET' ? {} : { payload: {} }) });
      const want = expected(allowed, caller);
      const ok = want === 'ok' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === want;
      if (!ok) wrong.push(`${caller}: got ${res.statusCode}, want ${want}`);
    }
    expect(wrong).toEqual([]);
  });
});
