// `pnpm api:types`: writes the console's API types (apps/console/src/api/schema.d.ts) from the
// OpenAPI document the server serves at /api/docs/json. The app is built and made ready exactly as
// it starts, on a fresh, empty database (the local PostgreSQL, else an embedded one, as the tests
// use), which is dropped afterwards. apps/server/test/api-types.test.ts renders the document a
// running server serves and fails when the committed file differs.
import { API_TYPES_FILE, renderApiTypes } from '@amk/api-types';
import { createPrisma } from '@amk/db';
import { createFreshDatabase } from '@amk/db/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';

const root = new URL('../../../../', import.meta.url).pathname;
const db = await createFreshDatabase('api_types');
const dataDir = mkdtempSync(join(tmpdir(), 'amk-api-types-'));
const prisma = createPrisma(db.url, 2);
try {
  const app = await buildApp({
    config: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SESSION_TTL_HOURS: 12,
      CONSOLE_DIST: '/nonexistent',
      DATA_DIR: dataDir,
      PURGE_SCHEDULE: 'off',
    },
    prisma,
    databaseUrl: db.url,
  });
  await app.ready();
  // As served: through JSON, which drops what JSON cannot carry.
  const document = JSON.parse(JSON.stringify(app.swagger())) as object;
  await app.close();
  writeFileSync(join(root, API_TYPES_FILE), await renderApiTypes(document));
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  await prisma.$disconnect();
  await db.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
