// `pnpm api:types`: writes the console's API types (apps/console/src/api/schema.d.ts) from the
// OpenAPI document the server serves at /api/docs/json. Needs no database: the document comes from
// the routes' schemas alone. The app is built (every route registered) against a database address
// nothing listens on, and made ready: the OpenAPI plugin, registered before anything that touches
// the database, collects its schemas in the first onReady hook; the event pump's hook after it then
// fails to connect, which is expected here and ignored. apps/server/test/api-types.test.ts renders
// the document a running server serves and fails when the committed file differs.
import { API_TYPES_FILE, renderApiTypes } from '@amk/api-types';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { createPrisma } from '../db/prisma.js';

const root = new URL('../../../../', import.meta.url).pathname;
const databaseUrl = 'postgresql://api-types@127.0.0.1:1/never-connected';
const dataDir = mkdtempSync(join(tmpdir(), 'amk-api-types-'));
const prisma = createPrisma(databaseUrl, 1);
try {
  const app = await buildApp({
    config: { NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_TTL_HOURS: 12, CONSOLE_DIST: '/nonexistent', DATA_DIR: dataDir, PURGE_SCHEDULE: 'off' },
    prisma,
    databaseUrl,
  });
  try {
    await app.ready();
  } catch {
    // the database is unreachable on purpose (see above)
  }
  // As served: through JSON, which drops what JSON cannot carry.
  const document = JSON.parse(JSON.stringify(app.swagger())) as object;
  writeFileSync(join(root, API_TYPES_FILE), await renderApiTypes(document));
  console.log(`wrote ${API_TYPES_FILE}`);
} finally {
  await prisma.$disconnect();
  rmSync(dataDir, { recursive: true, force: true });
}
// Jobs that began before the failing hook may hold timers; the file is written, so end here.
process.exit(0);
