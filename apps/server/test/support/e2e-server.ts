// The server Playwright tests talk to: a fresh seeded database, the built console, a fixed port.
// Started by playwright.config.ts (webServer); the database is dropped when it is stopped.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegrationKeyService } from '../../src/auth/integration-keys.service.js';
import { createPrisma } from '@amk/db';
import { createFreshDatabase } from '@amk/db/testing';
import { seedDemo } from '../../src/seed/seed.js';
import { e2eEnvFile } from './e2e-env.js';

const port = process.env.E2E_PORT ?? '3199';
const db = await createFreshDatabase('e2e', seedDemo);
// Browser tests act as the integrations too (unit terminals, the recorder): they get keys here.
const prisma = createPrisma(db.url, 1);
const keys = createIntegrationKeyService(prisma);
writeFileSync(
  e2eEnvFile(port),
  JSON.stringify({
    databaseUrl: db.url,
    keys: {
      'AMK-BERGEN': (await keys.create('e2e terminals', 'AMK-BERGEN')).key,
      'LVS-BERGEN': (await keys.create('e2e terminals', 'LVS-BERGEN')).key,
      'AMK-FORDE': (await keys.create('e2e telephony', 'AMK-FORDE')).key,
      'LVS-VOSS': (await keys.create('e2e telephony', 'LVS-VOSS')).key,
    },
  }),
);
await prisma.$disconnect();
const dataDir = mkdtempSync(join(tmpdir(), 'amk-e2e-data-'));
// Every browser of the suite logs in from 127.0.0.1, the same demo users dozens of times a minute
// now that the suite runs quickly; the login limits (tested in auth.test.ts) would refuse them.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: port,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'never',
    DATA_DIR: dataDir,
    LOGINS_PER_ADDRESS: '100000',
    LOGINS_PER_USERNAME: '100000',
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await db.drop().catch(() => {});
  process.exit(code);
}
server.on('exit', (code) => void stop(code ?? 0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
