// Boots the real server (as `pnpm start` does, minus the database bootstrap) against the test
// database, listening on a free port so real HTTP and Socket.IO clients can talk to it.
import { inject } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, EventEnvelope, ServerToClientEvents } from '@amk/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type AppDeps } from '../../src/app.js';
import { createPrisma, type Db } from '@amk/db';
import { TEST_CENTRE_PREFIX } from './factories.js';

export interface TestServer {
  app: App;
  prisma: Db;
  url: string;
  close(): Promise<void>;
}

export const databaseUrl = () => inject('databaseUrl');

/** Recordings of this test process live in a temporary folder. */
const dataDir = mkdtempSync(join(tmpdir(), 'amk-test-data-'));

export function testConfig(overrides: Partial<AppDeps['config']> = {}): AppDeps['config'] {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SESSION_TTL_HOURS: 12,
    CONSOLE_DIST: '/nonexistent',
    DATA_DIR: dataDir,
    PURGE_SCHEDULE: 'off',
    ...overrides,
  };
}

/** The whole app on the test database, for app.inject (not listening). */
export function buildTestApp(prisma: Db, overrides: Partial<AppDeps['config']> = {}, logStream?: NodeJS.WritableStream): Promise<App> {
  return buildApp({ config: testConfig(overrides), prisma, databaseUrl: databaseUrl(), ...(logStream && { logStream }) });
}

export async function startServer(): Promise<TestServer> {
  const prisma = createPrisma(databaseUrl(), 5);
  const app = await buildTestApp(prisma);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    prisma,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await prisma.$disconnect();
    },
  };
}

/** Logs in through the real route and returns the session cookie header. */
export async function login(server: { url: string }, username: string, password = 'demo'): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents> & {
  received: EventEnvelope[];
  /** Resolves with the server's 'live' notice: replay done, live events follow. */
  live: Promise<{ replayed: number; seq: number }>;
};

/** A console's socket that records every event it receives, in order. */
export function openConsole(server: { url: string }, cookie: string, afterSeq?: number): ConsoleSocket {
  const socket = connect(server.url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: { cookie },
    auth: afterSeq === undefined ? {} : { afterSeq },
    reconnection: false,
    forceNew: true,
  }) as ConsoleSocket;
  socket.received = [];
  socket.on('event', (e) => socket.received.push(e));
  socket.on('events', (list) => socket.received.push(...list));
  // Listen before anything can await: the notice may arrive as soon as the socket connects.
  socket.live = new Promise((resolve, reject) => {
    socket.once('live', resolve);
    socket.once('connect_error', reject);
  });
  socket.live.catch(() => {});
  return socket;
}

export function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async () => {
      const value = await check();
      if (value) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    void tick();
  });
}

export const onceLive = (socket: ConsoleSocket) => socket.live;

/**
 * Test files share one database; a file that sends the demo fleet out stands it down again when it
 * is done, so the next file finds it as seeded. Only the demo region's: the centres, units and
 * missions other files made with support/factories.ts are theirs, and may be mid-test right now.
 */
export async function standDownFleet(prisma: Db): Promise<void> {
  const demo = { NOT: { code: { startsWith: TEST_CENTRE_PREFIX } } };
  await prisma.mission.updateMany({ where: { closedAt: null, centre: demo }, data: { closedAt: new Date(), outcome: 'test finished' } });
  await prisma.missionUnit.updateMany({ where: { releasedAt: null, unit: { centre: demo } }, data: { releasedAt: new Date() } });
  await prisma.unit.updateMany({ where: { centre: demo }, data: { status: 'AVAILABLE_AT_STATION', statusAt: new Date() } });
}

/**
 * Stops the jobs that act on their own timers (akutthjelper escalation, notification retries, the
 * takeover sweep). The shared test database keeps what earlier files left (their own centres'
 * open alerts and takeovers), and a test that counts rows to prove its requests wrote nothing
 * must not count what those jobs write meanwhile.
 */
export async function stopTimedJobs(app: App): Promise<void> {
  await Promise.all([app.jobs.akutthjelper.stop(), app.jobs.notifications.stop(), app.jobs.takeoverSweep.stop()]);
}
