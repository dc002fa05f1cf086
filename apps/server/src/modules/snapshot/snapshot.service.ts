// The console's starting picture, read in one REPEATABLE READ transaction, and a seq it reflects
// at least: every event up to that seq was delivered (so committed) before the transaction began. Replaying the
// events after it (some of them already in the picture; the console applies events idempotently)
// brings it exactly up to date.
import type { Snapshot } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import { coveredCentres } from '../../auth/centre-cover.js';
import type { Db, Tx } from '@amk/db';
import { toCallSummary } from '../calls/call-summary.js';
import { openCallbacks } from '../callbacks/callback-summary.js';
import { writeAudit, writeListAudit } from '../audit/audit.service.js';
import { toStationSummary, toUnitSummary } from '../units/unit-summary.js';

export interface SnapshotDeps {
  transfersFor: (centreId: string, db: Tx) => Promise<Snapshot['transfers']>;
  notificationsFor: (db: Tx, centreId: string) => Promise<Snapshot['notifications']>;
  missionsFor: (db: Tx, centreId: string) => Promise<Snapshot['missions']>;
  takeoversFor: (centreId: string, options: { openOnly?: boolean }, db: Tx) => Promise<NonNullable<Snapshot['takeovers']>>;
  unitLoansFor: (centreId: string, db: Tx) => Promise<NonNullable<Snapshot['unitLoans']>>;
  /**
   * The last event seq this instance's pump has delivered: every event up to it has committed.
   * Not the log's settled seq: that takes the event lock exclusive, and a console that reloads
   * must not be able to hold back other centres' writes.
   */
  deliveredSeq: () => number;
}

/** Per-centre lists of the centres I work for, as one list (a hand-over between two of them appears once). */
async function forEach<T extends { id: string }>(centreIds: string[], read: (centreId: string) => Promise<T[]>): Promise<T[]> {
  const lists = await Promise.all(centreIds.map(read));
  return [...new Map(lists.flat().map((x) => [x.id, x])).values()];
}

export function createSnapshotService(prisma: Db, deps: SnapshotDeps) {
  return {
    async forUser(actor: UserActor, ip?: string): Promise<Snapshot> {
      // read before the transaction starts, so its snapshot holds everything up to seq
      const seq = deps.deliveredSeq();
      return prisma.$transaction(
        async (tx) => {
          const centre = await tx.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
          // § 15 p: a backup centre works the centres it has taken over as its own (an auditor only reads the log)
          const covered = actor.role === 'auditor' ? [] : await coveredCentres(tx, centre.id);
          const workCentres = [centre.id, ...covered.map((c) => c.id)];
          const visibleCentres = [
            ...new Set([...workCentres, centre.neighbourCentreIds, ...covered.map((c) => c.neighbourCentreIds)].flat()),
          ];
          const [calls, units, stations, notifications, transfers, missions, operators, callbacks, takeovers, unitLoans] =
            await Promise.all([
              tx.call.findMany({ where: { centreId: { in: workCentres }, closedAt: null }, orderBy: { ringingAt: 'asc' }, take: 1000 }),
              // and the units lent to us (mutual aid, § 10 d), whoever owns them
              tx.unit.findMany({
                where: { OR: [{ centreId: { in: visibleCentres } }, { lentToCentreId: { in: workCentres } }] },
                orderBy: { callSign: 'asc' },
              }),
              tx.station.findMany({ where: { centreId: { in: visibleCentres } }, orderBy: { name: 'asc' } }),
              forEach(workCentres, (id) => deps.notificationsFor(tx, id)),
              forEach(workCentres, (id) => deps.transfersFor(id, tx)),
              forEach(workCentres, (id) => deps.missionsFor(tx, id)),
              // names for the operatorId on calls: disabled users too, an open call may still be theirs
              tx.user.findMany({
                where: { centreId: { in: workCentres }, role: { notIn: ['responder', 'auditor'] } },
                select: { id: true, displayName: true },
                orderBy: { displayName: 'asc' },
              }),
              forEach(workCentres, (id) => openCallbacks(tx, id)),
              deps.takeoversFor(centre.id, { openOnly: true }, tx),
              forEach(workCentres, (id) => deps.unitLoansFor(id, tx)),
            ]);
          const own = calls.filter((c) => c.centreId === centre.id);
          await writeAudit(tx, actor, { action: 'call.list', entityType: 'Call', detail: { count: own.length, open: true }, ip });
          // the taken-over centres' callers, read on their behalf: filed under each of them
          for (const c of covered) {
            const theirs = calls.filter((x) => x.centreId === c.id);
            await writeAudit(tx, actor, {
              action: 'call.list',
              entityType: 'Call',
              centreId: c.id,
              detail: { count: theirs.length, open: true, readerCentre: centre.code, takeover: true },
              ip,
            });
          }
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
            seq,
            centre: { id: centre.id, code: centre.code, name: centre.name, kind: centre.kind, lat: centre.lat, lon: centre.lon },
            calls: calls.map(toCallSummary),
            units: units.map(toUnitSummary),
            stations: stations.map(toStationSummary),
            transfers,
            notifications,
            missions,
            operators,
            callbacks,
            takeovers,
            unitLoans,
          };
        },
        { isolationLevel: 'RepeatableRead' },
      );
    },
  };
}
