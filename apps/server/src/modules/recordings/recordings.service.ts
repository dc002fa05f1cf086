// Recordings: ingest from the recorder, link to the call (now or when it arrives), audited
// playback, and legal holds. Deletion is the purge's job (purge.ts) and nobody else's.
import type { Readable } from 'node:stream';
import { deleteAfterDate } from '@amk/domain';
import { IsoTime, isUnsafeText, type HoldReason, type RecordingSummary } from '@amk/contracts';
import type { Actor, UserActor } from '../../auth/actor.js';
import { type Call, type Db, Prisma, type Recording, type Tx } from '@amk/db';
import { badRequest, conflict, notFound, payloadTooLarge, unsupportedMediaType } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import { writeAudit } from '../audit/audit.service.js';
import type { NewCall } from '../calls/call-hooks.js';
import type { BlobStore } from './blob-store.js';
import { toRecordingSummary } from './recording-summary.js';

export const MAX_RECORDING_BYTES = 200 * 1024 * 1024;
/** The longest text field of an upload (ids, times, a checksum: far below this); multipart's fieldSize in app.ts. */
const MAX_FIELD_BYTES = 1024;
const TOO_MANY = new Set(['FST_FIELDS_LIMIT', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);
/** A later range of a listen within this long after its audited start is the same listen. */
const LISTEN_WINDOW_MS = 10 * 60_000;
const ALLOWED_TYPES = /^(audio\/[a-z0-9.+-]+|application\/octet-stream)$/i;
const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

/** A part of a multipart upload, as @fastify/multipart yields them (kept minimal on purpose). */
export type UploadPart =
  | { type: 'field'; fieldname: string; value: unknown; valueTruncated?: boolean; fieldnameTruncated?: boolean }
  | { type: 'file'; fieldname: string; mimetype: string; file: Readable };

export function createRecordingsService({ prisma, blobs }: { prisma: Db; blobs: BlobStore }) {
  async function visible(actor: UserActor, recordingId: string) {
    const r = await prisma.recording.findUnique({ where: { id: recordingId }, include: { holds: { orderBy: { placedAt: 'asc' } } } });
    // Only the owning centre's people, and auditors, may hear a recording.
    if (!r || (r.centreId !== actor.centre.id && actor.role !== 'auditor'))
      throw notFound('recording.notFound', { id: recordingId, centre: actor.centre.code });
    return r;
  }

  async function summaries(rows: Parameters<typeof toRecordingSummary>[0][]): Promise<RecordingSummary[]> {
    const ids = [...new Set(rows.flatMap((r) => r.holds.flatMap((h) => [h.placedById, h.releasedById]).filter((x): x is string => !!x)))];
    const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
    return rows.map((r) => toRecordingSummary(r, users));
  }

  async function store(actor: Actor, staged: Awaited<ReturnType<BlobStore['stage']>>, contentType: string, fields: Record<string, string>) {
    const callExternalId = fields.callExternalId?.trim();
    if (!callExternalId) throw badRequest('recording.callExternalIdRequired');
    const recordedAtText = fields.recordedAt?.trim() ?? '';
    if (!IsoTime.safeParse(recordedAtText).success) throw badRequest('recording.recordedAtFormat');
    const expected = fields.sha256?.trim().toLowerCase();
    if (expected && expected !== staged.sha256) throw badRequest('recording.checksumMismatch', { actual: staged.sha256, expected });
    if (staged.sizeBytes === 0) throw badRequest('recording.empty');
    const recordedAt = new Date(recordedAtText);

    // A retry of the same upload is the same recording: the centre, the call, the time and the
    // checksum are its idempotency key (unique in the database too).
    const findSame = () =>
      prisma.recording.findUnique({
        where: {
          centreId_callExternalId_recordedAt_sha256: { centreId: actor.centre.id, callExternalId, recordedAt, sha256: staged.sha256 },
        },
      });
    const existing = (same: Recording) => ({
      created: false,
      recording: {
        id: same.id,
        callId: same.callId,
        recordedAt: same.recordedAt.toISOString(),
        deleteAfter: same.deleteAfter.toISOString().slice(0, 10),
      },
    });
    const same = await findSame();
    if (same) {
      await staged.discard();
      return existing(same);
    }
    const id = newId();
    const key = `${actor.centre.code}/${recordedAt.toISOString().slice(0, 7)}/${id}`;
    const deleteAfter = deleteAfterDate(recordedAt);
    // The file takes its final name first, then the row is written; if the row fails, the file
    // goes again. (A crash between the two leaves a file no row points to, never a row pointing
    // at nothing.)
    await staged.commit(key);
    try {
      const row = await prisma.$transaction(async (tx) => {
        const call = await tx.call.findUnique({
          where: { centreId_externalId: { centreId: actor.centre.id, externalId: callExternalId } },
        });
        return tx.recording.create({
          data: {
            id,
            centreId: actor.centre.id,
            callExternalId,
            callId: call?.id ?? null,
            recordedAt,
            deleteAfter: new Date(`${deleteAfter}T00:00:00Z`),
            blobKey: key,
            sha256: staged.sha256,
            sizeBytes: staged.sizeBytes,
            contentType,
          },
        });
      });
      return { created: true, recording: { id: row.id, callId: row.callId, recordedAt: row.recordedAt.toISOString(), deleteAfter } };
    } catch (e) {
      await blobs.delete(key);
      if (isUniqueViolation(e)) {
        // Two deliveries of the same upload raced and the other one won: this file has gone
        // again, and the answer is the same as a retry's.
        const winner = await findSame();
        if (winner) return existing(winner);
      }
      throw e;
    }
  }

  return {
    /**
     * Receives the recorder's upload. The sound is streamed to a temporary file while its
     * checksum is computed; the fields may come before or after it. Nothing is kept unless
     * everything checks out.
     */
    async ingest(actor: Actor, parts: AsyncIterable<UploadPart>) {
      const fields: Record<string, string> = {};
      let staged: Awaited<ReturnType<BlobStore['stage']>> | null = null;
      let contentType = '';
      try {
        const iterator = parts[Symbol.asyncIterator]();
        for (;;) {
          let step: IteratorResult<UploadPart>;
          try {
            step = await iterator.next();
          } catch (e) {
            // a file past the limit, or more fields, files or parts than an upload has: too large, not malformed
            const code = (e as { code?: string }).code ?? '';
            if (code === 'FST_REQ_FILE_TOO_LARGE') throw payloadTooLarge('recording.tooLarge', { max: MAX_RECORDING_BYTES });
            if (TOO_MANY.has(code)) throw payloadTooLarge('recording.tooManyParts', { detail: (e as Error).message });
            throw badRequest('recording.malformed', { detail: (e as Error).message });
          }
          if (step.done) break;
          const part = step.value;
          if (part.type === 'field') {
            // The parser cuts a field at its limit and says so; a cut value must never be stored.
            if (part.valueTruncated || part.fieldnameTruncated)
              throw payloadTooLarge('recording.fieldTooLong', { field: part.fieldname, max: MAX_FIELD_BYTES });
            const value = String(part.value);
            if (isUnsafeText(value) || isUnsafeText(part.fieldname)) throw badRequest('request.unsafeText', { path: part.fieldname });
            fields[part.fieldname] = value;
          } else if (part.fieldname === 'audio' && !staged) {
            if (!ALLOWED_TYPES.test(part.mimetype)) {
              part.file.resume();
              throw unsupportedMediaType('recording.notAudio', { type: part.mimetype });
            }
            contentType = part.mimetype;
            staged = await blobs.stage(part.file, MAX_RECORDING_BYTES);
          } else part.file.resume();
        }
        if (!staged) throw badRequest('recording.audioRequired');
        const result = await store(actor, staged, contentType, fields);
        staged = null;
        return result;
      } finally {
        await staged?.discard();
      }
    },

    /** Whether a recording that came first waits for one of these calls (linkToCalls would link it). */
    waitFor(calls: NewCall[]): Prisma.Sql {
      const known = calls.filter((c) => c.externalId);
      if (!known.length) return Prisma.sql`false`;
      return Prisma.sql`EXISTS (
        SELECT 1 FROM "Recording" r, unnest(${known.map((c) => c.centreId)}::uuid[], ${known.map((c) => c.externalId!)}::text[]) AS c("centreId", "externalId")
        WHERE r."centreId" = c."centreId" AND r."callExternalId" = c."externalId" AND r."callId" IS NULL)`;
    },

    /** In the transaction that registers calls: recordings that came first are linked to theirs, in one statement. */
    async linkToCalls(tx: Tx, calls: Call[]): Promise<void> {
      const known = calls.filter((c) => c.externalId);
      if (!known.length) return;
      await tx.$executeRaw`
        UPDATE "Recording" r SET "callId" = c.id
        FROM unnest(${known.map((c) => c.id)}::uuid[], ${known.map((c) => c.centreId)}::uuid[], ${known.map((c) => c.externalId!)}::text[])
          AS c(id, "centreId", "externalId")
        WHERE r."centreId" = c."centreId" AND r."callExternalId" = c."externalId" AND r."callId" IS NULL`;
    },

    async forCall(actor: UserActor, callId: string, ip?: string): Promise<RecordingSummary[]> {
      const call = await prisma.call.findUnique({ where: { id: callId } });
      if (!call || (call.centreId !== actor.centre.id && actor.role !== 'auditor'))
        throw notFound('call.notFound', { id: callId, centre: actor.centre.code });
      const rows = await prisma.recording.findMany({
        where: { callId },
        include: { holds: { orderBy: { placedAt: 'asc' } } },
        orderBy: { recordedAt: 'asc' },
      });
      await writeAudit(prisma, actor, {
        action: 'recording.list',
        entityType: 'Call',
        entityId: callId,
        detail: { count: rows.length },
        ip,
      });
      return summaries(rows);
    },

    /**
     * Opens the sound for listening or download, after writing the audit row. Every request that
     * gets sound is audited, with one exception: a player asks in ranges, and a range that does
     * not start at byte 0 continues a listen (or download) when the same user's same action on
     * the same recording was audited within LISTEN_WINDOW_MS; that one is not a new listen. Any
     * other range (`bytes=1-` out of the blue, another user, later) is audited.
     */
    async open(actor: UserActor, recordingId: string, range: { start: number; end: number | null } | null, ip?: string, download = false) {
      const r = await visible(actor, recordingId);
      const size = await blobs.size(r.blobKey);
      if (size === null) throw conflict('recording.fileMissing');
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? size - 1, size - 1);
      if (range && (start >= size || start > end)) return { unsatisfiable: true as const, size };
      const action = download ? 'recording.download' : 'recording.play';
      const continues =
        range !== null &&
        start > 0 &&
        !!(await prisma.auditLog.findFirst({
          where: {
            entityType: 'Recording',
            entityId: r.id,
            action,
            actorKind: 'USER',
            actorId: actor.userId,
            at: { gte: new Date(Date.now() - LISTEN_WINDOW_MS) },
          },
          select: { id: true },
        }));
      if (!continues) {
        await writeAudit(prisma, actor, {
          action,
          entityType: 'Recording',
          entityId: r.id,
          detail: { callId: r.callId, ownerCentreId: r.centreId, range: range ? `${start}-${end}` : null },
          ip,
        });
      }
      return {
        unsatisfiable: false as const,
        size,
        start,
        end,
        partial: !!range,
        contentType: r.contentType,
        stream: blobs.read(r.blobKey, { start, end }),
      };
    },

    async placeHold(actor: UserActor, recordingId: string, reason: HoldReason, caseRef: string): Promise<RecordingSummary> {
      const r = await visible(actor, recordingId);
      try {
        await prisma.$transaction(async (tx) => {
          await tx.recordingHold.create({
            data: { id: newId(), recordingId: r.id, reason, caseRef, placedById: actor.userId, placedAt: new Date() },
          });
          await writeAudit(tx, actor, { action: 'recording.hold', entityType: 'Recording', entityId: r.id, detail: { reason, caseRef } });
        });
      } catch (e) {
        // The purge deleted it in the moment between our read and the hold (see purge.ts).
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2003')
          throw notFound('recording.justDeleted', { id: recordingId });
        throw e;
      }
      return (await summaries([await visible(actor, recordingId)]))[0]!;
    },

    async releaseHold(actor: UserActor, recordingId: string, holdId: string, why: string): Promise<RecordingSummary> {
      const r = await visible(actor, recordingId);
      const hold = r.holds.find((h) => h.id === holdId);
      if (!hold) throw notFound('recording.holdNotFound', { hold: holdId, id: recordingId });
      if (!hold.releasedAt) {
        await prisma.$transaction(async (tx) => {
          await tx.recordingHold.update({
            where: { id: holdId },
            data: { releasedAt: new Date(), releasedById: actor.userId, releaseReason: why },
          });
          await writeAudit(tx, actor, {
            action: 'recording.hold.release',
            entityType: 'Recording',
            entityId: r.id,
            detail: { holdId, reason: why, caseRef: hold.caseRef },
          });
        });
      }
      return (await summaries([await visible(actor, recordingId)]))[0]!;
    },
  };
}

export type RecordingsService = ReturnType<typeof createRecordingsService>;
