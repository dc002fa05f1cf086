// `pnpm start`: database (embedded unless DATABASE_URL), migrations, demo data, server, console.
import pg from 'pg';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from '@amk/db';
import { seedDemo } from './seed/seed.js';

const config = loadConfig();
const say = (msg: string) => console.log(`[amk] ${msg}`);

const SEED_LOCK = 73_307_113;

const db = await openDatabase(config, say);
if (config.SEED_DEMO === 'auto') {
  // Instances starting together on an empty database: one seeds, the others wait and find it done.
  const lock = new pg.Client({ connectionString: db.url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    if ((await db.prisma.centre.count()) === 0) {
      const seeded = await seedDemo(db.prisma);
      say(`seeded the demo region: ${seeded.kommuner} kommuner, ${seeded.unitsCreated} units, ${seeded.usersCreated} users`);
    }
  } finally {
    await lock.end(); // ends the session, and its lock with it
  }
}

const app = await buildApp({ config, prisma: db.prisma, databaseUrl: db.url });
const address = await app.listen({ host: config.HOST, port: config.PORT });
const port = new URL(address).port;
say(`console ready at http://localhost:${port}/  (log in as amk.bergen / demo)`);
say(`API docs at http://localhost:${port}/api/docs`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    say(`${signal}: shutting down`);
    await app.close().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  });
}
