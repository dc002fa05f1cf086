// Production runs the compiled server with plain Node (`pnpm start:prod`, the Dockerfile's CMD): no
// TypeScript loader. This builds it as `pnpm build` does (esbuild, about a second) and starts it the
// way production does, on an empty database, which it must migrate and seed from the compiled code
// (the migrations and the seed's CSV found from dist/ as from src/) before it reports ready.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from './support/test-app.js';

const serverDir = fileURLToPath(new URL('../', import.meta.url));
const adminUrl = new URL(databaseUrl());
adminUrl.pathname = '/postgres';
const dbName = `amk_compiled_${Date.now()}_${process.pid}`;
const dbUrl = new URL(databaseUrl());
dbUrl.pathname = `/${dbName}`;

let server: ChildProcess;
let output = '';
let baseUrl = '';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(serverDir, 'scripts/build.mjs')], { stdio: 'pipe' });
  await admin(`CREATE DATABASE ${dbName}`);
  // The same command as the server's start:prod script and the Dockerfile's CMD.
  server = spawn(process.execPath, ['--conditions=amk-compiled', '--enable-source-maps', 'dist/main.js'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'amk-compiled-data-')),
      CONSOLE_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
      PURGE_SCHEDULE: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /console ready at http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
    server.once('exit', (code) => reject(new Error(`the compiled server exited (${code}) before it was ready:\n${output}`)));
  });
  baseUrl = await ready;
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}, 60_000);

describe('the compiled server', () => {
  it('starts with plain node on an empty database, migrates and seeds it, and reports ready', async () => {
    const res = await fetch(`${baseUrl}/health/ready`);
    expect(res.status).toBe(200);
    expect(output).toMatch(/applied migrations: \d{14}_init/);
    expect(output).toMatch(/seeded the demo region: \d+ kommuner/);
  });

  it('answers the API as the TypeScript one does: a wrong password and a missing session are refused', async () => {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ username: 'amk.bergen', password: 'wrong' }),
    });
    expect(res.status).toBe(401);
    const me = await fetch(`${baseUrl}/api/v1/auth/me`);
    expect(me.status).toBe(401);
  });
});
