// The console's API types (apps/console/src/api/schema.d.ts) are generated from the OpenAPI
// document the server serves, and committed. This renders the document a running server serves
// and compares: a route or contract change without regenerated types fails here.
import { API_TYPES_FILE, renderApiTypes } from '@amk/api-types';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { buildTestApp, databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
let app: App;
beforeAll(async () => {
  app = await buildTestApp(prisma);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

describe('the console’s API types', () => {
  it('match the served OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const expected = await renderApiTypes(res.json());
    const committed = readFileSync(new URL(`../../../${API_TYPES_FILE}`, import.meta.url), 'utf8');
    expect(
      committed === expected,
      `${API_TYPES_FILE} is out of date with the server's OpenAPI document: run \`pnpm api:types\` and commit it`,
    ).toBe(true);
  });
});
