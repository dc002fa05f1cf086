// The audit log: who read or changed patient data, when, from which centre. Written in the same
// breath as the read it records; a read whose audit row cannot be written is not served.
import type { Actor, UserActor } from '../../auth/actor.js';
import type { Db, Tx } from '@amk/db';

export interface AuditEntry {
  action: string; // e.g. call.list, call.read, recording.play
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string;
  /** The centre the entry is filed under; default the actor's (a read of another centre's record is filed under both). */
  centreId?: string;
}

export async function writeAudit(db: Db | Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorKind: actor ? (actor.kind === 'user' ? 'USER' : 'INTEGRATION') : 'SYSTEM',
      actorId: actor ? (actor.kind === 'user' ? actor.userId : actor.keyId) : null,
      actorName: actor ? (actor.kind === 'user' ? actor.username : actor.name) : 'system',
      centreId: entry.centreId ?? actor?.centre.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      detail: withActingFrom(actor, entry.detail) as object | undefined,
      ip: entry.ip ?? null,
    },
  });
}

/** Work done for a taken-over centre (§ 15 p) names the backup centre and the takeover it came from. */
function withActingFrom(actor: Actor | null, detail: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (actor?.kind !== 'user' || !actor.actingFrom) return detail;
  return { ...detail, actingFrom: actor.actingFrom.code, takeoverId: actor.actingFrom.takeoverId };
}

/**
 * A read of a list whose items carry calls' caller data, some of them other centres' (offered to
 * the reader's centre, or handed on by it): one row under the reader's centre for the list, and
 * one per other centre's call under that call's centre, naming the reader's centre, so each
 * owning centre sees who read its callers' names and numbers during a hand-over.
 */
export async function writeListAudit(
  db: Db | Tx,
  actor: UserActor,
  entry: { action: string; entityType: string; calls: { id: string; centreId: string }[]; ip?: string },
): Promise<void> {
  const { action, entityType, calls, ip } = entry;
  await writeAudit(db, actor, { action, entityType, detail: { count: calls.length, callIds: calls.map((c) => c.id) }, ip });
  const others = calls.filter((c) => c.centreId !== actor.centre.id);
  if (!others.length) return;
  await db.auditLog.createMany({
    data: others.map((c) => ({
      actorKind: 'USER' as const,
      actorId: actor.userId,
      actorName: actor.username,
      centreId: c.centreId,
      action,
      entityType: 'Call',
      entityId: c.id,
      detail: withActingFrom(actor, { readerCentre: actor.centre.code }) as object,
      ip: ip ?? null,
    })),
  });
}
