// Mutual aid between centres (§ 10 d, § 15 i): a centre asks a neighbouring centre for one of its
// free units for one of its calls; the owner accepts (the unit is lent and alerted on the
// borrower's mission, by the owner's operator) or declines with a reason; the borrower may
// withdraw a request not yet answered. The unit returns by itself when released (unit-loans.ts).
// Each step is written with its event in one transaction and audited under both centres.
import { isAvailable } from '@amk/domain';
import type { RequestMutualAid, UnitLoanSummary } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import { type Db, Prisma, type Tx, type UnitLoan } from '@amk/db';
import { writeAudit } from '../audit/audit.service.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/http-error.js';
import { section11Refusal } from '../units/section-11-refusal.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import type { Emit } from '../../realtime/event-log.js';
import type { MissionsService } from '../missions/missions.service.js';
import { publishLoan, toLoanSummary } from '../units/unit-loans.js';
import { failsSection11 } from '../units/units.service.js';

/** Answered loans stay in view this long (as transfers do). */
const RECENT_MS = 12 * 3_600_000;

export function createMutualAidService({ prisma, transact, missions }: { prisma: Db; transact: Transact; missions: MissionsService }) {
  /** Filed under both centres: each sees in its own log what was asked and answered. */
  async function audit(tx: Tx, actor: UserActor, loan: UnitLoan, action: string, detail: Record<string, unknown> = {}) {
    for (const centreId of [loan.ownerCentreId, loan.borrowerCentreId])
      await writeAudit(tx, actor, {
        action,
        entityType: 'UnitLoan',
        entityId: loan.id,
        centreId,
        detail: { unitId: loan.unitId, missionId: loan.missionId, callId: loan.callId, ...detail },
      });
  }

  async function change(
    actor: UserActor,
    loanId: string,
    side: 'owner' | 'borrower',
    apply: (tx: Tx, emit: Emit, loan: UnitLoan) => Promise<UnitLoan>,
  ): Promise<UnitLoanSummary> {
    return transact(async (tx, emit) => {
      // the row is locked: two operators answering at once are served one after the other
      await tx.$queryRaw`SELECT 1 FROM "UnitLoan" WHERE "id" = ${loanId}::uuid FOR UPDATE`;
      const loan = await tx.unitLoan.findUnique({ where: { id: loanId } });
      const mine = loan && (side === 'owner' ? loan.ownerCentreId : loan.borrowerCentreId) === actor.centre.id;
      const party = loan && [loan.ownerCentreId, loan.borrowerCentreId].includes(actor.centre.id);
      if (!loan || !party) throw notFound('mutualAid.notFound', { id: loanId, centre: actor.centre.code });
      if (!mine) throw side === 'owner' ? forbidden('mutualAid.ownerAnswers') : forbidden('mutualAid.borrowerCancels');
      if (loan.state !== 'REQUESTED') throw conflict('mutualAid.alreadySettled', { state: { code: `mutualAid.state.${loan.state}` } });
      return publishLoan(tx, emit, await apply(tx, emit, loan));
    });
  }

  return {
    async request(actor: UserActor, req: RequestMutualAid): Promise<UnitLoanSummary> {
      try {
        return await transact(async (tx, emit) => {
          const own = await tx.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
          if (own.kind !== 'AMK') throw forbidden('mutualAid.amkOnly');
          const call = await tx.call.findUnique({ where: { id: req.callId } });
          if (!call || call.centreId !== own.id) throw notFound('call.notFound', { id: req.callId, centre: own.code });
          if (call.closedAt) throw conflict('call.closed');
          if (req.missionId) await missions.checkMissionForCall(tx, own.id, call.id, req.missionId);
          const unit = await tx.unit.findUnique({ where: { id: req.unitId } });
          if (!unit) throw notFound('mutualAid.unknownUnit', { id: req.unitId });
          const owner = await tx.centre.findUniqueOrThrow({ where: { id: unit.centreId } });
          if (owner.id === own.id) throw badRequest('mutualAid.ownUnit', { callSign: unit.callSign });
          // the neighbours agreed on beforehand, either way round (§ 15 i); anyone else is not asked from here
          if (!own.neighbourCentreIds.includes(owner.id) && !owner.neighbourCentreIds.includes(own.id))
            throw notFound('mutualAid.notNeighboursUnit', { id: req.unitId, centre: own.code });
          if (!isAvailable(unit.status) || unit.lentToCentreId)
            throw conflict('mutualAid.unitNotFree', {
              callSign: unit.callSign,
              status: { code: unit.lentToCentreId ? 'mutualAid.lent' : `unitStatus.${unit.status}` },
            });
          if (failsSection11(unit) && !unit.crewOverrideReason) throw section11Refusal(unit.callSign, unit.crewProblem);
          const asked = await tx.unitLoan.findFirst({ where: { unitId: unit.id, state: 'REQUESTED' } });
          if (asked) {
            if (asked.borrowerCentreId === own.id)
              throw conflict('mutualAid.alreadyAskedByYou', { callSign: unit.callSign, owner: owner.name });
            const by = (await tx.centre.findUniqueOrThrow({ where: { id: asked.borrowerCentreId } })).name;
            throw conflict('mutualAid.alreadyAskedBy', { callSign: unit.callSign, by, owner: owner.name });
          }
          const loan = await tx.unitLoan.create({
            data: {
              id: newId(),
              unitId: unit.id,
              ownerCentreId: owner.id,
              borrowerCentreId: own.id,
              callId: call.id,
              missionId: req.missionId ?? null,
              note: req.note || null,
              state: 'REQUESTED',
              requestedAt: new Date(),
              requestedById: actor.userId,
              requestedBy: actor.displayName,
            },
          });
          await audit(tx, actor, loan, 'mutual_aid.request', { callSign: unit.callSign });
          return publishLoan(tx, emit, loan);
        });
      } catch (err) {
        // two centres asking at once: the partial unique index lets one through
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw conflict('mutualAid.askedByAnother');
        throw err;
      }
    },

    /** The owner says yes: the unit is lent and alerted on the borrower's mission. */
    async accept(actor: UserActor, loanId: string): Promise<UnitLoanSummary> {
      return change(actor, loanId, 'owner', async (tx, emit, loan) => {
        const unit = await tx.unit.findUniqueOrThrow({ where: { id: loan.unitId } });
        if (!isAvailable(unit.status))
          throw conflict('mutualAid.noLongerFree', { callSign: unit.callSign, status: { code: `unitStatus.${unit.status}` } });
        if (failsSection11(unit) && !unit.crewOverrideReason) throw section11Refusal(unit.callSign, unit.crewProblem);
        if ((await tx.call.findUniqueOrThrow({ where: { id: loan.callId! } })).closedAt) throw conflict('mutualAid.callClosed');
        const lent = await tx.unit.update({ where: { id: unit.id }, data: { lentToCentreId: loan.borrowerCentreId } });
        const missionId = await missions.alertLentUnit(
          tx,
          emit,
          actor,
          { centreId: loan.borrowerCentreId, callId: loan.callId!, missionId: loan.missionId },
          lent,
        );
        const row = await tx.unitLoan.update({
          where: { id: loan.id },
          data: { state: 'ACCEPTED', missionId, decidedAt: new Date(), decidedBy: actor.displayName },
        });
        await audit(tx, actor, row, 'mutual_aid.accept', { callSign: unit.callSign });
        return row;
      });
    },

    async decline(actor: UserActor, loanId: string, reason: string): Promise<UnitLoanSummary> {
      return change(actor, loanId, 'owner', async (tx, _emit, loan) => {
        const row = await tx.unitLoan.update({
          where: { id: loan.id },
          data: { state: 'DECLINED', decidedAt: new Date(), decidedBy: actor.displayName, declineReason: reason },
        });
        await audit(tx, actor, row, 'mutual_aid.decline', { reason });
        return row;
      });
    },

    /** The borrower no longer needs it (a request not yet answered). */
    async cancel(actor: UserActor, loanId: string): Promise<UnitLoanSummary> {
      return change(actor, loanId, 'borrower', async (tx, _emit, loan) => {
        const row = await tx.unitLoan.update({
          where: { id: loan.id },
          data: { state: 'CANCELLED', decidedAt: new Date(), decidedBy: actor.displayName },
        });
        await audit(tx, actor, row, 'mutual_aid.cancel');
        return row;
      });
    },

    /** Asked or lent now, and answered in the last 12 hours, either side. */
    async listFor(centreId: string, db: Db | Tx = prisma): Promise<UnitLoanSummary[]> {
      const since = new Date(Date.now() - RECENT_MS);
      const rows = await db.unitLoan.findMany({
        where: {
          OR: [{ ownerCentreId: centreId }, { borrowerCentreId: centreId }],
          AND: [{ OR: [{ state: { in: ['REQUESTED', 'ACCEPTED'] } }, { requestedAt: { gte: since } }] }],
        },
        orderBy: { requestedAt: 'desc' },
        take: 200,
      });
      return Promise.all(rows.map((r) => toLoanSummary(db as Tx, r)));
    },
  };
}

export type MutualAidService = ReturnType<typeof createMutualAidService>;
