// Takeovers (§ 15 p reserve solutions for AMK, § 12 d alternative answering points for 116117):
// a supervisor of a designated backup centre takes over a centre that cannot work, or that
// centre's own supervisor hands over to one before evacuating. While it is open the backup's
// consoles hear the centre's work and may act for it (centre-cover.ts); ending it hands back,
// with a count of what the backup did meanwhile. One open takeover per centre.
import type { CentreBackups, StartTakeoverRequest, TakeoverList, TakeoverSummary, TakeoverWork } from '@amk/contracts';
import { Prisma, type Centre, type Db, type Takeover, type Tx } from '@amk/db';
import { rooms, type UserActor } from '../../auth/actor.js';
import { openTakeover } from '../../auth/centre-cover.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Emit } from '../../realtime/event-log.js';
import type { Transact } from '../../realtime/transact.js';
import { writeAudit } from '../audit/audit.service.js';
import { countTakeoverWork } from './takeover-work.js';

const MAX_PLANNED_MS = 7 * 24 * 3_600_000;
/** Ended takeovers stay in the list this long, so both walls show what was handed back. */
const RECENT_MS = 12 * 3_600_000;

const brief = (c: Pick<Centre, 'id' | 'code' | 'name'>) => ({ id: c.id, code: c.code, name: c.name });

export function createTakeoversService({ prisma, transact }: { prisma: Db; transact: Transact }) {
  async function summaryOf(db: Db | Tx, t: Takeover): Promise<TakeoverSummary> {
    const [centres, users] = await Promise.all([
      db.centre.findMany({ where: { id: { in: [t.centreId, t.backupCentreId] } } }),
      db.user.findMany({ where: { id: { in: [t.startedById, t.endedById].filter((x): x is string => !!x) } } }),
    ]);
    const centre = (id: string) => brief(centres.find((c) => c.id === id)!);
    const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.displayName ?? 'ukjent') : null);
    return {
      id: t.id,
      centre: centre(t.centreId),
      backupCentre: centre(t.backupCentreId),
      reason: t.reason,
      startedAt: t.startedAt.toISOString(),
      startedBy: name(t.startedById) ?? 'ukjent',
      endsAt: t.endsAt?.toISOString() ?? null,
      endedAt: t.endedAt?.toISOString() ?? null,
      endedBy: t.endedAt ? (name(t.endedById) ?? 'system (planlagt slutt)') : null,
      work: (t.summary as TakeoverWork | null) ?? null,
    };
  }

  async function publish(tx: Tx, emit: Emit, t: Takeover): Promise<TakeoverSummary> {
    const s = await summaryOf(tx, t);
    emit({
      type: 'takeover.upserted',
      centreId: t.centreId,
      audience: [rooms.centre(t.centreId), rooms.centre(t.backupCentreId)],
      data: s,
    });
    return s;
  }

  /** Ends an open takeover: counts the work, hands back, tells both centres. `actor` null: its planned end passed. */
  async function close(tx: Tx, emit: Emit, open: Takeover, actor: UserActor | null): Promise<TakeoverSummary> {
    const endedAt = new Date();
    const work = await countTakeoverWork(tx, open, endedAt);
    const ended = await tx.takeover.update({
      where: { id: open.id },
      data: { endedAt, endedById: actor?.userId ?? null, summary: work as unknown as Prisma.InputJsonObject },
    });
    for (const centreId of [open.centreId, open.backupCentreId])
      await writeAudit(tx, actor, { action: 'takeover.end', entityType: 'Takeover', entityId: open.id, centreId, detail: { work } });
    return publish(tx, emit, ended);
  }

  return {
    async start(actor: UserActor, code: string, req: StartTakeoverRequest): Promise<TakeoverSummary> {
      const centre = await prisma.centre.findUnique({ where: { code } });
      if (!centre) throw notFound('centre.unknown', { centre: code.slice(0, 50) });
      const ownCentre = centre.id === actor.centre.id;
      if (ownCentre && !req.backupCentre) throw badRequest('takeover.nameBackup');
      const backup = ownCentre
        ? await prisma.centre.findUnique({ where: { code: req.backupCentre! } })
        : await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
      if (!backup) throw badRequest('takeover.unknownBackup', { centre: req.backupCentre!.slice(0, 50) });
      if (!ownCentre && req.backupCentre && req.backupCentre !== backup.code)
        throw badRequest('takeover.onlyForOwnCentre', { centre: centre.code, own: backup.code });
      if (!centre.backupCentreIds.includes(backup.id))
        throw forbidden('takeover.notDesignated', { backup: backup.code, centre: centre.code });
      const now = new Date();
      const endsAt = req.endsAt ? new Date(req.endsAt) : null;
      if (endsAt && endsAt <= now) throw badRequest('takeover.endsInPast');
      if (endsAt && endsAt.getTime() - now.getTime() > MAX_PLANNED_MS) throw badRequest('takeover.endsTooLate');
      try {
        return await transact(async (tx, emit) => {
          const held = await tx.takeover.findFirst({ where: { centreId: centre.id, ...openTakeover(now) } });
          if (held) throw conflict('takeover.alreadyTakenOverSince', { centre: centre.code, since: held.startedAt.toISOString() });
          // A centre that is itself taken over cannot carry another's lines as well.
          const backupHeld = await tx.takeover.findFirst({ where: { centreId: backup.id, ...openTakeover(now) } });
          if (backupHeld) throw conflict('takeover.backupTakenOver', { backup: backup.code, centre: centre.code });
          // An expired takeover that the sweep has not closed yet is closed now, so the new one can open.
          const stale = await tx.takeover.findFirst({ where: { centreId: centre.id, endedAt: null } });
          if (stale) await close(tx, emit, stale, null);
          const t = await tx.takeover.create({
            data: {
              id: newId(),
              centreId: centre.id,
              backupCentreId: backup.id,
              reason: req.reason,
              startedAt: now,
              startedById: actor.userId,
              endsAt,
            },
          });
          for (const centreId of [centre.id, backup.id])
            await writeAudit(tx, actor, {
              action: 'takeover.start',
              entityType: 'Takeover',
              entityId: t.id,
              centreId,
              detail: { centre: centre.code, backupCentre: backup.code, reason: req.reason, endsAt: req.endsAt ?? null },
            });
          return publish(tx, emit, t);
        });
      } catch (err) {
        // two supervisors at once: the partial unique index lets one through
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
          throw conflict('takeover.alreadyTakenOver', { centre: centre.code });
        throw err;
      }
    },

    async end(actor: UserActor, code: string): Promise<TakeoverSummary> {
      const centre = await prisma.centre.findUnique({ where: { code } });
      if (!centre) throw notFound('centre.unknown', { centre: code.slice(0, 50) });
      return transact(async (tx, emit) => {
        const open = await tx.takeover.findFirst({ where: { centreId: centre.id, endedAt: null } });
        if (!open || (actor.centre.id !== open.centreId && actor.centre.id !== open.backupCentreId))
          throw notFound('takeover.notOpen', { centre: centre.code });
        return close(tx, emit, open, actor);
      });
    },

    /** Closes takeovers whose planned end has passed; run periodically on every instance. */
    async sweep(): Promise<number> {
      const due = await prisma.takeover.findMany({ where: { endedAt: null, endsAt: { lte: new Date() } }, select: { id: true } });
      for (const { id } of due)
        await transact(async (tx, emit) => {
          // claimed inside the transaction: another instance may have closed it meanwhile
          const open = await tx.takeover.findFirst({ where: { id, endedAt: null } });
          if (open) await close(tx, emit, open, null);
        });
      return due.length;
    },

    /** Open takeovers my centre is in, either side, and those that ended in the last 12 hours. */
    async listFor(centreId: string, options: { openOnly?: boolean } = {}, db: Db | Tx = prisma): Promise<TakeoverSummary[]> {
      const since = new Date(Date.now() - RECENT_MS);
      const rows = await db.takeover.findMany({
        where: {
          AND: [
            { OR: [{ centreId }, { backupCentreId: centreId }] },
            options.openOnly ? openTakeover() : { OR: [{ endedAt: null }, { endedAt: { gte: since } }] },
          ],
        },
        orderBy: { startedAt: 'desc' },
        take: 50,
      });
      return Promise.all(rows.map((t) => summaryOf(db, t)));
    },

    /** For the console: the takeovers my centre is in, and whom it may take over or hand over to. */
    async overview(actor: UserActor): Promise<TakeoverList> {
      const [takeovers, own, designating] = await Promise.all([
        this.listFor(actor.centre.id),
        prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } }),
        prisma.centre.findMany({ where: { backupCentreIds: { has: actor.centre.id } }, orderBy: { code: 'asc' } }),
      ]);
      const backups = await prisma.centre.findMany({ where: { id: { in: own.backupCentreIds } }, orderBy: { code: 'asc' } });
      return { takeovers, canTakeOver: designating.map(brief), backupCentres: backups.map(brief) };
    },

    async backupsOf(code: string): Promise<CentreBackups> {
      const centre = await prisma.centre.findUnique({ where: { code } });
      if (!centre) throw notFound('centre.unknown', { centre: code.slice(0, 50) });
      const backups = await prisma.centre.findMany({ where: { id: { in: centre.backupCentreIds } }, orderBy: { code: 'asc' } });
      return { centre: brief(centre), backupCentres: backups.map(brief) };
    },

    /** An administrator designates their own centre's backups: centres of the same kind, never itself. */
    async setBackups(actor: UserActor, code: string, codes: string[]): Promise<CentreBackups> {
      if (code !== actor.centre.code) throw forbidden('takeover.designateOwnOnly', { centre: actor.centre.code });
      const unique = [...new Set(codes)];
      const backups = await prisma.centre.findMany({ where: { code: { in: unique } } });
      const unknown = unique.filter((c) => !backups.some((b) => b.code === c));
      if (unknown.length) throw badRequest('takeover.unknownCentres', { centres: unknown.map((c) => c.slice(0, 50)).join(', ') });
      const wrong = backups.filter((b) => b.id === actor.centre.id || b.kind !== actor.centre.kind);
      if (wrong.length)
        throw badRequest(actor.centre.kind === 'AMK' ? 'takeover.sameKindAmk' : 'takeover.sameKindLvs', {
          centres: wrong.map((b) => b.code).join(', '),
        });
      await prisma.$transaction(async (tx) => {
        await tx.centre.update({ where: { id: actor.centre.id }, data: { backupCentreIds: backups.map((b) => b.id) } });
        await writeAudit(tx, actor, {
          action: 'centre.backups.set',
          entityType: 'Centre',
          entityId: actor.centre.id,
          detail: { backups: unique },
        });
      });
      return this.backupsOf(code);
    },
  };
}

export type TakeoversService = ReturnType<typeof createTakeoversService>;
