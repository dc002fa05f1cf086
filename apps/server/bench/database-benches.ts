// Figures that need a database full of history: a month of a busy centre's calls summarised, and
// the § 20 purge of many recordings with their files.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@amk/db';
import { fileBlobStore } from '../src/modules/recordings/blob-store.js';
import { createPurge } from '../src/modules/recordings/purge.js';
import { createAnswerTimeService } from '../src/modules/stats/answer-times.service.js';
import { percentile, row, type BenchRow } from './stats.js';

export async function monthSummaryBench(prisma: Db, calls = 1_000_000): Promise<BenchRow[]> {
  const [centre] = await prisma.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Centre" WHERE "code" = 'AMK-FORDE'`;
  const t0 = performance.now();
  // One month (November 2025) of calls: waits 0–40 s, 3 % abandoned.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Call" ("id", "centreId", "externalId", "line", "source", "state", "ringingAt", "answeredAt", "endedAt", "closedAt", "updatedAt")
    SELECT gen_random_uuid(), '${centre!.id}'::uuid, 'bench-' || g, '113', 'CTI',
           CASE WHEN g % 33 = 0 THEN 'ABANDONED'::"CallState" ELSE 'ENDED'::"CallState" END,
           t, CASE WHEN g % 33 = 0 THEN NULL ELSE t + ((g::bigint * 7919) % 40000) * interval '1 millisecond' END, t + interval '3 minutes', t + interval '3 minutes', now()
    FROM generate_series(1, ${calls}) g, LATERAL (SELECT timestamptz '2025-11-01 00:00+01' + (g * (2592000.0 / ${calls})) * interval '1 second' AS t) x`);
  await prisma.$executeRawUnsafe('ANALYZE "Call"');
  const insertSeconds = (performance.now() - t0) / 1000;
  const service = createAnswerTimeService(prisma);
  const period = { from: '2025-11-01T00:00:00+01:00', to: '2025-12-01T00:00:00+01:00' };
  // The first report of a month builds its day roll-ups; every later one reads them.
  const c0 = performance.now();
  await service.report(centre!.id, period);
  const cold = performance.now() - c0;
  const times: number[] = [];
  let share = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = await service.report(centre!.id, period);
    times.push(performance.now() - t);
    share = r.lines['113'].shareWithinTarget ?? 0;
  }
  times.sort((a, b) => a - b);
  console.log(`month summary: ${calls} calls inserted in ${insertSeconds.toFixed(1)} s; share within 10 s ${(share * 100).toFixed(1)} %`);
  const month = `one month of ${calls.toLocaleString('en')} calls`;
  return [
    row(`answer-time summary, ${month}, median of 5`, 'ms', percentile(times, 50)),
    row(`answer-time summary, ${month}, best of 5`, 'ms', times[0]!),
    row(`answer-time summary, ${month}, first report (builds the day roll-ups)`, 'ms', cold),
  ];
}

export async function purgeBench(prisma: Db, databaseUrl: string, n: number): Promise<BenchRow[]> {
  const [centre] = await prisma.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Centre" WHERE "code" = 'AMK-BERGEN'`;
  const root = mkdtempSync(join(tmpdir(), 'amk-bench-blobs-'));
  try {
    const t0 = performance.now();
    const perDir = 1_000;
    for (let d = 0; d < Math.ceil(n / perDir); d++) {
      await mkdir(join(root, 'bench', String(d)), { recursive: true });
      const writes: Promise<void>[] = [];
      for (let f = 0; f < perDir && d * perDir + f < n; f++)
        writes.push(writeFile(join(root, 'bench', String(d), String(f)), 'RIFF....WAVEfmt '));
      await Promise.all(writes);
    }
    // One call per recording: (centre, call, time, checksum) is the ingest's unique idempotency key.
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Recording" ("id", "centreId", "callExternalId", "recordedAt", "deleteAfter", "blobKey", "sha256", "sizeBytes", "contentType")
      SELECT gen_random_uuid(), '${centre!.id}'::uuid, 'bench-' || g, timestamptz '2020-01-01 12:00+01', date '2023-01-01',
             'bench/' || (g / ${perDir}) || '/' || (g % ${perDir}), repeat('ab', 32), 16, 'audio/wav'
      FROM generate_series(0, ${n - 1}) g`);
    console.log(`purge setup: ${n} recordings and files in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const start = process.memoryUsage().rss;
    const t = performance.now();
    const result = await createPurge({ prisma, databaseUrl, blobs: fileBlobStore(root), batchSize: 5_000 }).run('2024-01-01');
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    return [
      row(`§ 20 purge of ${n.toLocaleString('en')} recordings with their files`, 's', seconds),
      row('§ 20 purge rate', 'recordings/s', result.deleted / seconds),
      row('§ 20 purge memory growth (peak RSS − start)', 'MB', (peak - start) / 2 ** 20),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
