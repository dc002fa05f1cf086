// Backups that restore (deploy/postgres-ha/pgbackrest.conf, archive_command in patroni.yml): the
// topology archives every WAL segment with pgBackRest. The test takes a full backup, writes more
// through the app, records a point in time, writes more again, restores the backup to that point
// into a fresh data directory, starts it, and checks that it holds exactly what was committed up
// to that point: the calls, the recordings' metadata and the event log, and nothing after. Then
// it rebuilds the cluster itself from the backup through Patroni, as README's restore steps say.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '@amk/db';
import { createFreshDatabase } from '@amk/db/testing';
import { buildApp, type App } from '../src/app.js';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { seedDemo } from '../src/seed/seed.js';
import { freePort, HaTopology, haSkipReason, missingHaBinaries, poll } from './support/postgres-ha.js';
import { testConfig } from './support/test-app.js';

const missing = missingHaBinaries();
if (missing.length) console.warn(`ha-backup: ${haSkipReason(missing)}`);

let topology: HaTopology | undefined;
let prisma: Db | undefined;
let app: App | undefined;
let databaseUrl: string;
let key: string;

beforeAll(async () => {
  if (missing.length) return;
  topology = new HaTopology();
  await topology.start(1);
  databaseUrl = (await createFreshDatabase('backup', seedDemo, topology.url())).url;
  prisma = createPrisma(databaseUrl, 3);
  app = await buildApp({ config: testConfig(), prisma, databaseUrl });
  key = (await createIntegrationKeyService(prisma).create('backup', 'AMK-BERGEN')).key;
}, 150_000);

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await topology?.stop();
}, 30_000);

/** A call and its recording, through the real API. */
async function callWithRecording(externalId: string): Promise<void> {
  const call = await app!.inject({
    method: 'POST',
    url: '/api/v1/integrations/calls',
    headers: { authorization: `Bearer ${key}` },
    payload: { externalId, centre: 'AMK-BERGEN', line: '113', callerNumber: '+4790002222', ringingAt: new Date().toISOString() },
  });
  expect(call.statusCode).toBe(201);
  const audio = Buffer.from(`RIFF....WAVEfmt ${externalId}`.padEnd(4096, '.'));
  const form = new FormData();
  form.append('callExternalId', externalId);
  form.append('recordedAt', new Date().toISOString());
  form.append('sha256', createHash('sha256').update(audio).digest('hex'));
  form.append('audio', new Blob([new Uint8Array(audio)], { type: 'audio/wav' }), 'opptak.wav');
  const request = new Request('http://x', { method: 'POST', body: form });
  const recording = await app!.inject({
    method: 'POST',
    url: '/api/v1/integrations/recordings',
    headers: { authorization: `Bearer ${key}`, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(recording.statusCode).toBe(201);
}

/** What the restore must reproduce exactly: every call, recording and event, by id. */
async function contents(client: { query(sql: string): Promise<{ rows: { id: string }[] }> }) {
  const ids = async (sql: string) => (await client.query(sql)).rows.map((r) => String(r.id));
  return {
    calls: await ids(`SELECT "externalId" AS id FROM "Call" ORDER BY 1`),
    recordings: await ids(`SELECT id::text AS id FROM "Recording" ORDER BY 1`),
    events: await ids(`SELECT seq::text AS id FROM "Event" ORDER BY seq`),
  };
}

describe.skipIf(missing.length > 0)(
  missing.length ? `pgBackRest point-in-time restore (${haSkipReason(missing)})` : 'pgBackRest point-in-time restore',
  () => {
    it('a full backup plus the WAL archive restores to exactly what was committed at a point in time', { timeout: 150_000 }, async () => {
      const ha = topology!;
      const primary = (await ha.primary())!;
      const backrest = (args: string[], extra: Record<string, string> = {}) =>
        ha.runAsPostgres('/usr/bin/pgbackrest', ['--stanza=amk', ...args], { PGBACKREST_CONFIG: primary.pgbackrestConf, ...extra }, 90_000);
      const tag = `bk-${Date.now()}`;

      for (let i = 1; i <= 3; i++) await callWithRecording(`${tag}-before-backup-${i}`);
      backrest(['--type=full', 'backup']);
      const info = JSON.parse(backrest(['--output=json', 'info'])) as { backup: { label: string; type: string }[] }[];
      const backupSet = info[0]!.backup.findLast((b) => b.type === 'full')!.label;
      for (let i = 1; i <= 3; i++) await callWithRecording(`${tag}-after-backup-${i}`);

      // The point in time: after these commits, before the next ones (clock_timestamp() is read
      // after they committed and before the next transaction starts).
      const live = new pg.Client({ connectionString: databaseUrl });
      await live.connect();
      const target = (
        await live.query<{ t: string }>(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS t`)
      ).rows[0]!.t;
      const atTarget = await contents(live);
      for (let i = 1; i <= 3; i++) await callWithRecording(`${tag}-after-target-${i}`);
      const atEnd = await contents(live);
      await live.end();
      // the archive reaches past the target: pgBackRest check switches WAL and waits for it to be archived
      backrest(['check']);

      const restoreDir = ha.mkdir('restored');
      const startedAt = Date.now();
      // --set names the backup: pgBackRest would otherwise pick one whose stop time (in whole
      // seconds) is before the target, and the target here is within a second of the backup's end
      backrest([
        `--pg1-path=${restoreDir}`,
        `--set=${backupSet}`,
        '--type=time',
        `--target=${target}`,
        '--target-action=promote',
        'restore',
      ]);
      const port = await freePort();
      const opts = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${join(ha.dir, 'sock')}`,
        `-c hba_file=${restoreDir}/pg_hba.conf`,
        `-c ident_file=${restoreDir}/pg_ident.conf`,
        // a restored copy for inspection: it must not archive into the live cluster's repository,
        // nor wait for the live cluster's synchronous standby
        '-c archive_mode=off',
        "-c synchronous_standby_names=''",
      ].join(' ');
      ha.runAsPostgres(
        '/usr/lib/postgresql/15/bin/pg_ctl',
        ['-D', restoreDir, '-o', opts, '-l', join(ha.dir, 'log', 'restored.log'), 'start'],
        { PGBACKREST_CONFIG: primary.pgbackrestConf },
      );
      const restoredUrl = new URL(databaseUrl);
      restoredUrl.port = String(port);
      const restored = new pg.Client({ connectionString: restoredUrl.toString() });
      await poll(
        async () => {
          const probe = new pg.Client({ connectionString: restoredUrl.toString(), connectionTimeoutMillis: 1_000 });
          try {
            await probe.connect();
            return (await probe.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r === false;
          } finally {
            await probe.end().catch(() => {});
          }
        },
        60_000,
        `the restored cluster to finish recovery (log: ${join(ha.dir, 'log', 'restored.log')})`,
      );
      const restoreMs = Date.now() - startedAt;
      await restored.connect();
      try {
        const got = await contents(restored);
        expect(got).toEqual(atTarget);
        expect(got.calls.filter((c) => c.startsWith(tag))).toHaveLength(6);
        expect(got.recordings.length).toBeGreaterThanOrEqual(6);
        expect(atEnd.calls.length).toBe(atTarget.calls.length + 3); // what came after the target is not there
        console.log(
          `ha-backup: restored to ${target} in ${restoreMs} ms: ${got.calls.length} calls, ${got.recordings.length} recordings, ${got.events.length} events — exactly those committed by then, none after`,
        );
      } finally {
        await restored.end();
      }

      // The whole cluster rebuilt from the backup (README, Operations, step 5): Patroni stopped,
      // its state removed from etcd, the data directory emptied, and the node started with
      // Patroni's custom bootstrap running the same pgBackRest restore.
      const rebuiltAt = Date.now();
      await ha.stopNode(primary);
      ha.runAsPostgres('/usr/bin/patronictl', ['-c', ha.configFile(primary), 'remove', 'amk'], {}, 30_000, 'amk\nYes I am aware\n');
      rmSync(primary.dataDir, { recursive: true, force: true });
      ha.editConfig(primary, (config) => {
        config.bootstrap.method = 'pgbackrest';
        config.bootstrap.pgbackrest = {
          command: `/bin/sh -c "mkdir -p -m 0700 ${primary.dataDir} && exec pgbackrest --stanza=amk --set=${backupSet} --type=time '--target=${target}' --target-action=promote restore"`,
          no_params: true,
          keep_existing_recovery_conf: true,
        };
      });
      ha.startNode(primary);
      await poll(() => ha.primary(), 90_000, 'the rebuilt cluster’s primary', 250);
      const rebuilt = await poll(
        async () => {
          const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 1_000 });
          try {
            await client.connect();
            if ((await client.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r) return undefined;
            return await contents(client);
          } finally {
            await client.end().catch(() => {});
          }
        },
        60_000,
        'the rebuilt cluster through HAProxy',
      );
      expect(rebuilt).toEqual(atTarget);
      console.log(`ha-backup: cluster rebuilt from the backup through Patroni in ${Date.now() - rebuiltAt} ms, holding exactly the same`);
    });
  },
);
