// Mutual aid (§ 10 d, § 15 i), the part that belongs to the unit: the loan as both centres see it,
// and its end. A lent unit returns to its owner when it is released from the borrower's mission
// (free again there, or the mission closed); the units module ends the loan in the same
// transaction as the status change that released it, so a unit is never lent with no work.
import type { UnitLoanSummary } from '@amk/contracts';
import { rooms } from '../../auth/actor.js';
import type { Centre, Tx, Unit, UnitLoan } from '@amk/db';
import type { Emit } from '../../realtime/event-log.js';
import { iso } from '../../lib/iso.js';

const brief = (c: Pick<Centre, 'id' | 'code' | 'name'>) => ({ id: c.id, code: c.code, name: c.name });

export async function toLoanSummary(db: Tx, loan: UnitLoan): Promise<UnitLoanSummary> {
  const [unit, centres] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: loan.unitId }, select: { id: true, callSign: true, kind: true } }),
    db.centre.findMany({
      where: { id: { in: [loan.ownerCentreId, loan.borrowerCentreId] } },
      select: { id: true, code: true, name: true },
    }),
  ]);
  const centre = (id: string) => brief(centres.find((c) => c.id === id)!);
  return {
    id: loan.id,
    unit,
    owner: centre(loan.ownerCentreId),
    borrower: centre(loan.borrowerCentreId),
    callId: loan.callId,
    missionId: loan.missionId,
    note: loan.note,
    state: loan.state,
    requestedAt: loan.requestedAt.toISOString(),
    requestedBy: loan.requestedBy,
    decidedAt: iso(loan.decidedAt),
    decidedBy: loan.decidedBy,
    declineReason: loan.declineReason,
    returnedAt: iso(loan.returnedAt),
    returnReason: loan.returnReason,
  };
}

/** Both centres hear every step of a loan. */
export async function publishLoan(tx: Tx, emit: Emit, loan: UnitLoan): Promise<UnitLoanSummary> {
  const data = await toLoanSummary(tx, loan);
  emit({
    type: 'unit-loan.upserted',
    centreId: loan.ownerCentreId,
    audience: [rooms.centre(loan.ownerCentreId), rooms.centre(loan.borrowerCentreId)],
    data,
  });
  return data;
}

/**
 * Ends the loan of a lent unit that has no open mission left at the borrower: the unit is its
 * owner's again. Returns the unit as it now is (unchanged when it is still at work there).
 */
export async function returnIfReleased(tx: Tx, emit: Emit, unit: Unit, reason: string, at = new Date()): Promise<Unit> {
  if (!unit.lentToCentreId) return unit;
  const stillOn = await tx.missionUnit.findFirst({
    where: { unitId: unit.id, releasedAt: null, mission: { closedAt: null, centreId: unit.lentToCentreId } },
  });
  if (stillOn) return unit;
  const loan = await tx.unitLoan.findFirst({ where: { unitId: unit.id, state: 'ACCEPTED' } });
  if (loan) {
    const returned = await tx.unitLoan.update({
      where: { id: loan.id },
      data: { state: 'RETURNED', returnedAt: at, returnReason: reason },
    });
    await publishLoan(tx, emit, returned);
  }
  return tx.unit.update({ where: { id: unit.id }, data: { lentToCentreId: null } });
}
