// The § 20 purge: deletes recordings whose deleteAfter has come and that no active hold keeps,
// in batches, leaving a tombstone for each for good.
//
// Safe to crash anywhere:
//   1. one transaction per batch writes the tombstones (with the file's key, fileDeletedAt null)
//      and deletes the rows;
//   2. then the files are deleted and the tombstones marked fileDeletedAt.
// A crash after 1 leaves tombstones whose files still exist: every run starts by finishing them.
// Deleting a file that is already gone is fine, so a crash inside 2 is harmless too. A row never
// points to a deleted file, and once a run finishes no file is left without its row.
//
// One instance at a time: a session advisory lock on a dedicated connection; another server that
// tries meanwhile is told the purge is running elsewhere. Rows are also claimed FOR UPDATE SKIP
// LOCKED, so even two purges that did run together could not delete the same recording twice.
import { norwegianDate } from '@amk/domain';
import pg from 'pg';
import type { Db } from '../../db/prisma.js';
import { newId } from '../../lib/ids.js';
import type { BlobStore } from './blob-store.js';

const PURGE_LOCK = 2_020_000_020;
export const PURGE_RULE = 'akuttmedisinforskriften § 20: slettet tre år etter opptaksdato';

export interface PurgeHooks {
  /** Test seams to simulate a crash: called after a batch's transaction / after its files went. */
  afterBatchCommitted?: (keys: string[]) => void | Promise<void>;
  afterFilesDeleted?: (keys: string[]) => void | Promise<void>;
}

export interface PurgeResult {
  ran: boolean;
  reason?: string;
  asOfDate: string;
  deleted: number;
  filesFinished: number;
}

export function createPurge({ prisma, databaseUrl, blobs, batchSize = 2_000 }: { prisma: Db; databaseUrl: string; blobs: BlobStore; batchSize?: number }) {
  async function deleteFiles(tombstones: { recordingId: string; blobKey: string }[], hooks: PurgeHooks) {
    // Many files at a time, but bounded: a million small files must not open a million handles at once.
    for (let i = 0; i < tombstones.length; i += 256) {
      await Promise.all(tombstones.slice(i, i + 256).map((t) => blobs.delete(t.blobKey)));
    }
    await hooks.afterFilesDeleted?.(tombstones.map((t) => t.blobKey));
    await prisma.$executeRaw`UPDATE "RecordingTombstone" SET "fileDeletedAt" = now() WHERE "recordingId" = ANY(${tombstones.map((t) => t.recordingId)}::uuid[])`;
  }

  async function finishInterrupted(hooks: PurgeHooks): Promise<number> {
    let finished = 0;
    for (;;) {
      const pending = await prisma.recordingTombstone.findMany({ where: { fileDeletedAt: null }, select: { recordingId: true, blobKey: true }, take: batchSize });
      if (!pending.length) return finished;
      await deleteFiles(pending, hooks);
      finished += pending.length;
    }
  }

  async function deleteDue(asOfDate: string, hooks: PurgeHooks): Promise<number> {
    let deleted = 0;
    for (;;) {
      const gone = await prisma.$transaction(async (tx) => {
        const due = await tx.$queryRaw<{ id: string }[]>`
          SELECT r."id" FROM "Recording" r
          WHERE r."deleteAfter" <= ${asOfDate}::date
            AND NOT EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL)
          ORDER BY r."deleteAfter"
          LIMIT ${batchSize}
          FOR UPDATE OF r SKIP LOCKED`;
        if (!due.length) return [];
        const ids = due.map((d) => d.id);
        // Released holds go with the recording; who placed and released them is in the audit log.
        await tx.$executeRaw`DELETE FROM "RecordingHold" WHERE "recordingId" = ANY(${ids}::uuid[])`;
        return tx.$queryRaw<{ recordingId: string; blobKey: string }[]>`
          WITH gone AS (
            DELETE FROM "Recording" WHERE "id" = ANY(${ids}::uuid[])
            RETURNING "id", "centreId", "callId", "recordedAt", "sha256", "blobKey"
          )
          INSERT INTO "RecordingTombstone" ("recordingId", "centreId", "callId", "recordedAt", "deletedAt", "sha256", "rule", "blobKey", "fileDeletedAt")
          SELECT "id", "centreId", "callId", "recordedAt", now(), "sha256", ${PURGE_RULE}, "blobKey", NULL FROM gone
          RETURNING "recordingId", "blobKey"`;
      }, { timeout: 60_000 });
      if (!gone.length) return deleted;
      await hooks.afterBatchCommitted?.(gone.map((g) => g.blobKey));
      await deleteFiles(gone, hooks);
      deleted += gone.length;
    }
  }

  return {
    /** Runs the purge as of `asOfDate` (default: today in Norway). */
    async run(asOfDate = norwegianDate(new Date()), hooks: PurgeHooks = {}): Promise<PurgeResult> {
      const lock = new pg.Client({ connectionString: databaseUrl });
      await lock.connect();
      try {
        const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PURGE_LOCK]);
        if (!rows[0]?.locked) return { ran: false, reason: 'another server is running the purge', asOfDate, deleted: 0, filesFinished: 0 };
        const runId = newId();
        await prisma.purgeRun.create({ data: { id: runId, startedAt: new Date(), asOfDate: new Date(`${asOfDate}T00:00:00Z`) } });
        try {
          const filesFinished = await finishInterrupted(hooks);
          const deleted = await deleteDue(asOfDate, hooks);
          await prisma.purgeRun.update({ where: { id: runId }, data: { finishedAt: new Date(), deletedCount: deleted } });
          return { ran: true, asOfDate, deleted, filesFinished };
        } catch (e) {
          await prisma.purgeRun.update({ where: { id: runId }, data: { error: (e as Error).message.slice(0, 1000) } }).catch(() => {});
          throw e;
        }
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [PURGE_LOCK]).catch(() => {});
        await lock.end().catch(() => {});
      }
    },

    /** What a purge on `date` would delete, without deleting anything. */
    async preview(date: string) {
      const [counts] = await prisma.$queryRaw<{ would: number; held: number }[]>`
        SELECT COUNT(*) FILTER (WHERE NOT held)::int AS would, COUNT(*) FILTER (WHERE held)::int AS held FROM (
          SELECT EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL) AS held
          FROM "Recording" r WHERE r."deleteAfter" <= ${date}::date) due`;
      const sample = await prisma.$queryRaw<{ id: string; recordedAt: Date; deleteAfter: Date }[]>`
        SELECT r."id", r."recordedAt", r."deleteAfter" FROM "Recording" r
        WHERE r."deleteAfter" <= ${date}::date
          AND NOT EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL)
        ORDER BY r."deleteAfter" LIMIT 20`;
      return {
        date,
        wouldDelete: counts?.would ?? 0,
        heldBack: counts?.held ?? 0,
        sample: sample.map((s) => ({ id: s.id, recordedAt: s.recordedAt.toISOString(), deleteAfter: s.deleteAfter.toISOString().slice(0, 10) })),
      };
    },
  };
}

export type Purge = ReturnType<typeof createPurge>;

/** Runs the purge once a day (and shortly after start), on whichever instance gets the lock. */
export function schedulePurge(purge: Purge, log: { info(msg: string): void; warn(obj: unknown, msg?: string): void }, everyMs = 24 * 3_600_000) {
  const tick = () =>
    purge.run().then(
      (r) => r.ran && log.info(`recording purge as of ${r.asOfDate}: ${r.deleted} deleted, ${r.filesFinished} interrupted files finished`),
      (err) => log.warn({ err }, 'recording purge failed; it will run again'),
    );
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
