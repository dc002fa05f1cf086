// The § 20 purge: deletes recordings whose deleteAfter has come and that no active hold keeps,
// in batches, leaving a tombstone for each for good.
//
// Safe to crash anywhere:
//   1. one transaction per batch writes the tombstones (with the file's key, fileDeletedAt null)
//      and deletes the rows;
//   2. then the files are deleted and the tombstones marked fileDeletedAt.
// A crash after 1 leaves tombstones whose files still exist: every run starts by finishing them.
// Deleting a file that is already gone is fine, so a crash inside 2 is harmless too. A row never
// points to a deleted file, and a file whose row is gone always has a pending tombstone, so this
// run or a later one deletes it.
//
// For speed, the files of batch N are deleted while the database deletes batch N+1: at most one
// batch of files is in flight, and only after its transaction committed (so its tombstones exist
// before any of its files goes); its tombstones are marked only after its files are gone.
//
// A file that cannot be deleted (a permission problem, say) does not stop the others: its
// tombstone stays pending (fileDeletedAt null), the run records the failure in PurgeRun.error and
// carries on, and every later run tries that file again.
//
// One instance at a time: a session advisory lock on a dedicated connection; another server that
// tries meanwhile is told the purge is running elsewhere. Rows are also locked FOR UPDATE SKIP
// LOCKED before they are deleted, so even two purges that did run together could not delete the
// same recording twice.
import { norwegianDate } from '@amk/domain';
import pg from 'pg';
import type { Db } from '@amk/db';
import { newId } from '../../lib/ids.js';
import type { BlobStore } from './blob-store.js';

const PURGE_LOCK = 2_020_000_020;
const PURGE_RULE = 'akuttmedisinforskriften § 20: slettet tre år etter opptaksdato';
/** Files deleted at once: enough to keep the store (or the thread pool) busy, few enough to stay bounded. */
const FILE_CONCURRENCY = 64;
/** How many failed deletions a run describes in PurgeRun.error (all of them are counted). */
const FAILURES_DESCRIBED = 5;

export interface PurgeHooks {
  /** Test seam: called after a batch's due recordings were chosen, before they are locked (a hold may come in between). */
  afterDueSelected?: (ids: string[]) => void | Promise<void>;
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
  /** Files that could not be deleted this run; their tombstones stay pending for the next run. */
  filesFailed: number;
}

type Pending = { recordingId: string; blobKey: string };

// A batch's ids travel as one string each way (an array literal out, string_agg back), not as
// thousands of parameters and rows: the client's work per element was most of the purge's CPU
// and memory churn.
const uuids = (ids: string[]) => `{${ids.join(',')}}`;
const list = (ids: string) => (ids ? ids.split(',') : []);

/** What became of a run's file deletions, kept small: a count and the first few reasons. */
class FileFailures {
  count = 0;
  readonly described: string[] = [];
  add(key: string, e: unknown) {
    this.count++;
    if (this.described.length < FAILURES_DESCRIBED) this.described.push(`${key}: ${(e as Error).message ?? String(e)}`);
  }
  summary(): string | null {
    if (!this.count) return null;
    return `${this.count} file(s) could not be deleted; their tombstones stay pending and the next run tries again: ${this.described.join('; ')}${this.count > this.described.length ? '; …' : ''}`;
  }
}

export function createPurge({
  prisma,
  databaseUrl,
  blobs,
  batchSize = 2_000,
}: {
  prisma: Db;
  databaseUrl: string;
  blobs: BlobStore;
  batchSize?: number;
}) {
  /** Deletes the files, then marks the tombstones of those that went. Returns how many went. */
  async function deleteFiles(tombstones: Pending[], hooks: PurgeHooks, failures: FileFailures): Promise<number> {
    const gone: string[] = [];
    let next = 0;
    // Many files at a time, but bounded: a million small files must not open a million handles at once.
    const worker = async () => {
      while (next < tombstones.length) {
        const t = tombstones[next++]!;
        try {
          await blobs.delete(t.blobKey);
          gone.push(t.recordingId);
        } catch (e) {
          failures.add(t.blobKey, e);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(FILE_CONCURRENCY, tombstones.length) }, worker));
    await hooks.afterFilesDeleted?.(tombstones.map((t) => t.blobKey));
    if (gone.length)
      await prisma.$executeRaw`UPDATE "RecordingTombstone" SET "fileDeletedAt" = now() WHERE "recordingId" = ANY(${uuids(gone)}::uuid[])`;
    return gone.length;
  }

  async function finishInterrupted(hooks: PurgeHooks, failures: FileFailures): Promise<number> {
    let finished = 0;
    // In key order, past the last one seen: a file that fails stays pending but is not retried
    // again in this run, so it cannot stop the run.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const pending = await prisma.recordingTombstone.findMany({
        where: { fileDeletedAt: null, recordingId: { gt: after } },
        orderBy: { recordingId: 'asc' },
        select: { recordingId: true, blobKey: true },
        take: batchSize,
      });
      if (!pending.length) return finished;
      after = pending[pending.length - 1]!.recordingId;
      finished += await deleteFiles(pending, hooks, failures);
    }
  }

  /** One transaction: the due recordings of a batch become tombstones. Returns them, and the ids it chose. */
  async function deleteBatch(asOfDate: string, passedOver: string[], hooks: PurgeHooks) {
    return prisma.$transaction(
      async (tx) => {
        const [due] = await tx.$queryRaw<{ ids: string }[]>`
        SELECT coalesce(string_agg(d."id"::text, ','), '') AS ids FROM (
          SELECT r."id" FROM "Recording" r
          WHERE r."deleteAfter" <= ${asOfDate}::date
            AND NOT EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL)
            AND r."id" <> ALL(${uuids(passedOver)}::uuid[])
          ORDER BY r."deleteAfter"
          LIMIT ${batchSize}) d`;
        const chosen = list(due!.ids);
        if (!chosen.length) return { chosen, gone: [] as Pending[] };
        await hooks.afterDueSelected?.(chosen);
        // The check above saw the holds committed before that statement began. A hold placed since
        // cannot be trusted to have been seen, so: lock the rows first, then look again in a new
        // statement. Placing a hold inserts a RecordingHold row, whose foreign key check takes
        // FOR KEY SHARE on the recording; that conflicts with FOR UPDATE. So for each recording:
        //  - a hold that committed before we got the lock is visible to the next statement, whose
        //    snapshot is taken after the lock was granted;
        //  - a hold whose transaction still holds its FOR KEY SHARE makes SKIP LOCKED pass the
        //    recording over (it is not deleted this time);
        //  - a hold placed after we got the lock waits for our commit, and then finds the
        //    recording gone (the foreign key refuses it): nobody is told it is held when it is not.
        const [lock] = await tx.$queryRaw<{ ids: string }[]>`
        SELECT coalesce(string_agg("id"::text, ','), '') AS ids FROM (
          SELECT "id" FROM "Recording" WHERE "id" = ANY(${uuids(chosen)}::uuid[]) FOR UPDATE SKIP LOCKED) l`;
        const locked = list(lock!.ids);
        if (!locked.length) return { chosen, gone: [] as Pending[] };
        const holds = await tx.$queryRaw<{ recordingId: string; active: boolean }[]>`
        SELECT "recordingId", bool_or("releasedAt" IS NULL) AS active FROM "RecordingHold"
        WHERE "recordingId" = ANY(${uuids(locked)}::uuid[]) GROUP BY "recordingId"`;
        const held = new Set(holds.filter((h) => h.active).map((h) => h.recordingId));
        const ids = held.size ? locked.filter((id) => !held.has(id)) : locked;
        if (!ids.length) return { chosen, gone: [] as Pending[] };
        // Released holds go with the recording (who placed and released them is in the audit log);
        // only those of recordings deleted here, never an active one.
        const released = holds.filter((h) => !h.active).map((h) => h.recordingId);
        if (released.length)
          await tx.$executeRaw`DELETE FROM "RecordingHold" WHERE "recordingId" = ANY(${uuids(released)}::uuid[]) AND "releasedAt" IS NOT NULL`;
        const [tomb] = await tx.$queryRaw<{ tombstones: string }[]>`
        WITH gone AS (
          DELETE FROM "Recording" WHERE "id" = ANY(${uuids(ids)}::uuid[])
          RETURNING "id", "centreId", "callId", "recordedAt", "sha256", "blobKey"
        ), tombstones AS (
          INSERT INTO "RecordingTombstone" ("recordingId", "centreId", "callId", "recordedAt", "deletedAt", "sha256", "rule", "blobKey", "fileDeletedAt")
          SELECT "id", "centreId", "callId", "recordedAt", now(), "sha256", ${PURGE_RULE}, "blobKey", NULL FROM gone
          RETURNING "recordingId", "blobKey"
        )
        SELECT coalesce(json_agg(json_build_array("recordingId", "blobKey")), '[]')::text AS tombstones FROM tombstones`;
        const gone = (JSON.parse(tomb!.tombstones) as [string, string][]).map(([recordingId, blobKey]) => ({ recordingId, blobKey }));
        return { chosen, gone };
      },
      { timeout: 60_000 },
    );
  }

  async function deleteDue(asOfDate: string, hooks: PurgeHooks, failures: FileFailures): Promise<number> {
    let deleted = 0;
    // Chosen but not deleted (held meanwhile, or locked by someone else): not chosen again in
    // this run, so the run ends; the next run looks at them afresh.
    const passedOver: string[] = [];
    // The previous batch's files, being deleted while this batch's transaction runs. Its outcome
    // is caught at once (an error is kept, not left unhandled) and rethrown when it is awaited.
    let inFlight: Promise<{ error?: unknown }> | null = null;
    const settle = async () => {
      const f = inFlight;
      inFlight = null;
      const outcome = f ? await f : {};
      if ('error' in outcome) throw outcome.error;
    };
    try {
      for (;;) {
        const { chosen, gone } = await deleteBatch(asOfDate, passedOver, hooks);
        await settle();
        if (!chosen.length) return deleted;
        if (gone.length < chosen.length) {
          const deletedIds = new Set(gone.map((g) => g.recordingId));
          passedOver.push(...chosen.filter((id) => !deletedIds.has(id)));
        }
        if (!gone.length) continue;
        deleted += gone.length;
        await hooks.afterBatchCommitted?.(gone.map((g) => g.blobKey));
        inFlight = deleteFiles(gone, hooks, failures).then(
          () => ({}),
          (error: unknown) => ({ error }),
        );
      }
    } finally {
      // However the run ends, the files of a committed batch are not left half-way.
      await inFlight;
    }
  }

  return {
    /** Runs the purge as of `asOfDate` (default: today in Norway). */
    async run(asOfDate = norwegianDate(new Date()), hooks: PurgeHooks = {}): Promise<PurgeResult> {
      const lock = new pg.Client({ connectionString: databaseUrl });
      await lock.connect();
      try {
        const { rows } = await lock.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PURGE_LOCK]);
        if (!rows[0]?.locked)
          return { ran: false, reason: 'another server is running the purge', asOfDate, deleted: 0, filesFinished: 0, filesFailed: 0 };
        const runId = newId();
        await prisma.purgeRun.create({ data: { id: runId, startedAt: new Date(), asOfDate: new Date(`${asOfDate}T00:00:00Z`) } });
        const failures = new FileFailures();
        try {
          const filesFinished = await finishInterrupted(hooks, failures);
          const deleted = await deleteDue(asOfDate, hooks, failures);
          await prisma.purgeRun.update({
            where: { id: runId },
            data: { finishedAt: new Date(), deletedCount: deleted, error: failures.summary() },
          });
          return { ran: true, asOfDate, deleted, filesFinished, filesFailed: failures.count };
        } catch (e) {
          const error = [(e as Error).message, failures.summary()].filter(Boolean).join(' | ');
          await prisma.purgeRun.update({ where: { id: runId }, data: { error: error.slice(0, 1000) } }).catch(() => {});
          throw e;
        }
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [PURGE_LOCK]).catch(() => {});
        await lock.end().catch(() => {});
      }
    },

    /**
     * What a purge on `date` would delete, without deleting anything. Only `centreId`'s
     * recordings; null (an auditor) for every centre's.
     */
    async preview(date: string, centreId: string | null) {
      const [counts] = await prisma.$queryRaw<{ would: number; held: number }[]>`
        SELECT COUNT(*) FILTER (WHERE NOT held)::int AS would, COUNT(*) FILTER (WHERE held)::int AS held FROM (
          SELECT EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL) AS held
          FROM "Recording" r
          WHERE r."deleteAfter" <= ${date}::date AND (${centreId}::uuid IS NULL OR r."centreId" = ${centreId}::uuid)) due`;
      const sample = await prisma.$queryRaw<{ id: string; recordedAt: Date; deleteAfter: Date }[]>`
        SELECT r."id", r."recordedAt", r."deleteAfter" FROM "Recording" r
        WHERE r."deleteAfter" <= ${date}::date AND (${centreId}::uuid IS NULL OR r."centreId" = ${centreId}::uuid)
          AND NOT EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL)
        ORDER BY r."deleteAfter" LIMIT 20`;
      return {
        date,
        wouldDelete: counts?.would ?? 0,
        heldBack: counts?.held ?? 0,
        sample: sample.map((s) => ({
          id: s.id,
          recordedAt: s.recordedAt.toISOString(),
          deleteAfter: s.deleteAfter.toISOString().slice(0, 10),
        })),
      };
    },
  };
}

export type Purge = ReturnType<typeof createPurge>;

/** Runs the purge once a day (and shortly after start), on whichever instance gets the lock. */
export function schedulePurge(
  purge: Purge,
  log: { info(msg: string): void; warn(obj: unknown, msg?: string): void },
  everyMs = 24 * 3_600_000,
) {
  const tick = () =>
    purge.run().then(
      (r) => {
        if (!r.ran) return;
        log.info(`recording purge as of ${r.asOfDate}: ${r.deleted} deleted, ${r.filesFinished} interrupted files finished`);
        if (r.filesFailed)
          log.warn(
            { filesFailed: r.filesFailed },
            `recording purge: ${r.filesFailed} file(s) could not be deleted; see the purge run's error, they are retried on the next run`,
          );
      },
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
