// The audit log: who read or changed patient data, when, from which centre. Written in the same
// breath as the read it records; a read whose audit row cannot be written is not served.
import type { Actor } from '../../auth/actor.js';
import type { Db, Tx } from '../../db/prisma.js';

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
      detail: (entry.detail ?? undefined) as object | undefined,
      ip: entry.ip ?? null,
    },
  });
}
