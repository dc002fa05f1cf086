// A brand-new, migrated database for one test run (filled by the caller, e.g. with the demo
// seed), and how to drop it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPrisma, type Db } from './client.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate, migrationsDir } from './migrate.js';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * On the server of `serverUrl` (default: TEST_DATABASE_URL, else the local one on 5432), else on
 * an embedded one.
 */
export async function createFreshDatabase(
  label: string,
  fill?: (prisma: Db) => Promise<unknown>,
  serverUrl?: string,
): Promise<FreshDatabase> {
  let adminUrl = serverUrl ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!(await reachable(adminUrl))) {
    const dir = mkdtempSync(join(tmpdir(), 'amk-test-pg-'));
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = embedded.url;
    stopEmbedded = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const name = `amk_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  await migrate(url.toString(), migrationsDir);
  if (fill) {
    const prisma = createPrisma(url.toString(), 2);
    try {
      await fill(prisma);
    } finally {
      await prisma.$disconnect();
    }
  }

  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      await stopEmbedded?.();
    },
  };
}
