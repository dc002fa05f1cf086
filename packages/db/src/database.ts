// Resolves which PostgreSQL to use (DATABASE_URL, or an embedded one), migrates it, connects.
import { createPrisma, type Db } from './client.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate, migrationsDir } from './migrate.js';

/** The server's settings this needs, under the same names as its environment variables. */
export interface DatabaseSettings {
  /** Empty: start (or reuse) an embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  EMBEDDED_PG_PORT?: number | undefined;
  DATABASE_STATEMENT_TIMEOUT_MS?: number | undefined;
  DATABASE_LOCK_TIMEOUT_MS?: number | undefined;
  DATABASE_CONNECT_TIMEOUT_MS?: number | undefined;
}

export interface Database {
  url: string;
  prisma: Db;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseSettings, log: (msg: string) => void = () => {}): Promise<Database> {
  let url = config.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    log(`starting embedded PostgreSQL (data in ${config.DATA_DIR})`);
    const embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT);
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const { applied } = await migrate(url, migrationsDir);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const prisma = createPrisma(url, 10, {
    ...(config.DATABASE_STATEMENT_TIMEOUT_MS !== undefined && { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS }),
    ...(config.DATABASE_LOCK_TIMEOUT_MS !== undefined && { lockTimeoutMs: config.DATABASE_LOCK_TIMEOUT_MS }),
    ...(config.DATABASE_CONNECT_TIMEOUT_MS !== undefined && { connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS }),
  });
  return {
    url,
    prisma,
    embedded: Boolean(stopEmbedded),
    async close() {
      await prisma.$disconnect();
      await stopEmbedded?.();
    },
  };
}
