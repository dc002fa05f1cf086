// What a backup centre did on a taken-over centre's behalf (§ 15 p), counted from the audit log
// when the takeover ends: every read and write done for it carries the takeover's id.
import type { TakeoverWork } from '@amk/contracts';
import type { Tx } from '@amk/db';

export async function countTakeoverWork(tx: Tx, t: { id: string; centreId: string; startedAt: Date }, until: Date): Promise<TakeoverWork> {
  const [byAction, calls, missions, received] = await Promise.all([
    tx.$queryRaw<{ action: string; count: bigint }[]>`
      SELECT "action", count(*) AS count FROM "AuditLog"
      WHERE "centreId" = ${t.centreId}::uuid AND "detail"->>'takeoverId' = ${t.id}
      GROUP BY "action" ORDER BY count(*) DESC, "action"`,
    tx.$queryRaw<{ count: bigint }[]>`
      SELECT count(DISTINCT coalesce("detail"->>'callId', CASE WHEN "entityType" = 'Call' THEN "entityId" END)) AS count FROM "AuditLog"
      WHERE "centreId" = ${t.centreId}::uuid AND "detail"->>'takeoverId' = ${t.id}`,
    tx.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "AuditLog"
      WHERE "centreId" = ${t.centreId}::uuid AND "detail"->>'takeoverId' = ${t.id} AND "action" = 'takeover.write'
        AND "detail"->>'route' = 'POST /api/v1/missions'`,
    tx.call.count({ where: { centreId: t.centreId, ringingAt: { gte: t.startedAt, lte: until } } }),
  ]);
  return {
    actions: byAction.reduce((n, r) => n + Number(r.count), 0),
    callsReceived: received,
    callsWorked: Number(calls[0]?.count ?? 0),
    missionsCreated: Number(missions[0]?.count ?? 0),
    byAction: byAction.map((r) => ({ action: r.action, count: Number(r.count) })),
  };
}
