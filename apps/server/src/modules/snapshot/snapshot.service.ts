// The console's starting picture, read in one REPEATABLE READ transaction together with the last
// event seq it reflects: replaying events after that seq brings it exactly up to date.
import type { Snapshot } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import type { Db, Tx } from '@amk/db';
import { toCallSummary } from '../calls/call-summary.js';
import { openCallbacks } from '../callbacks/callback-summary.js';
import { writeAudit, writeListAudit } from '../audit/audit.service.js';
import { toStationSummary, toUnitSummary } from '../units/unit-summary.js';

export interface SnapshotDeps {
  transfersFor: (centreId: string, db: Tx) => Promise<Snapshot['transfers']>;
  notificationsFor: (db: Tx, centreId: string) => Promise<Snapshot['notifications']>;
  missionsFor: (db: Tx, centreId: string) => Promise<Snapshot['missions']>;
}

export function createSnapshotService(prisma: Db, deps: SnapshotDeps) {
  return {
    async forUser(actor: UserActor, ip?: string): Promise<Snapshot> {
      return prisma.$transaction(
        async (tx) => {
          const centre = await tx.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
          const visibleCentres = [centre.id, ...centre.neighbourCentreIds];
          const [latest, calls, units, stations, notifications, transfers, missions, operators, callbacks] = await Promise.all([
            tx.event.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }),
            tx.call.findMany({ where: { centreId: centre.id, closedAt: null }, orderBy: { ringingAt: 'asc' }, take: 1000 }),
            tx.unit.findMany({ where: { centreId: { in: visibleCentres } }, orderBy: { callSign: 'asc' } }),
            tx.station.findMany({ where: { centreId: { in: visibleCentres } }, orderBy: { name: 'asc' } }),
            deps.notificationsFor(tx, centre.id),
            deps.transfersFor(centre.id, tx),
            deps.missionsFor(tx, centre.id),
            // names for the operatorId on calls: disabled users too, an open call may still be theirs
            tx.user.findMany({
              where: { centreId: centre.id, role: { notIn: ['responder', 'auditor'] } },
              select: { id: true, displayName: true },
              orderBy: { displayName: 'asc' },
            }),
            openCallbacks(tx, centre.id),
          ]);
          await writeAudit(tx, actor, { action: 'call.list', entityType: 'Call', detail: { count: calls.length, open: true }, ip });
          // the hand-overs carry callers' names and numbers, other centres' among them
          // lost callers' numbers
          await writeAudit(tx, actor, {
            action: 'callback.list',
            entityType: 'Callback',
            detail: { count: callbacks.length, callIds: callbacks.map((c) => c.callId) },
            ip,
          });
          await writeListAudit(tx, actor, {
            action: 'transfer.list',
            entityType: 'Transfer',
            calls: transfers.map((t) => t.call),
            ...(ip && { ip }),
          });
          return {
            seq: latest ? Number(latest.seq) : 0,
            centre: { id: centre.id, code: centre.code, name: centre.name, kind: centre.kind, lat: centre.lat, lon: centre.lon },
            calls: calls.map(toCallSummary),
            units: units.map(toUnitSummary),
            stations: stations.map(toStationSummary),
            transfers,
            notifications,
            missions,
            operators,
            callbacks,
          };
        },
        { isolationLevel: 'RepeatableRead' },
      );
    },
  };
}
