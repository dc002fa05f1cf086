// Unit status and position: from unit terminals (integration keys) and operators. Status follows
// the state machine in @amk/domain; every change is kept with its time (UnitStatusChange) and, when
// the unit is on a mission, lands on the mission's timeline. Reports older than what the unit
// already has are ignored, so a terminal that retries or delivers out of order does no harm.
import {
  canTransition,
  checkCrew,
  type CrewManning,
  type CrewMember,
  isAvailable,
  isSubjectToSection11,
  norwegianDate,
  type StatusChangeSource,
} from '@amk/domain';
import type { CrewMemberInput, CrewOverride, UnitPositionReport, UnitStatusReport, UnitSummary } from '@amk/contracts';
import { type IntegrationActor, rooms, type UserActor } from '../../auth/actor.js';
import type { CrewAssignment, Db, Tx, Unit, UnitStatus } from '@amk/db';
import { writeAudit } from '../audit/audit.service.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/http-error.js';
import { section11Refusal } from './section-11-refusal.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import type { PositionWriter } from './position-writer.js';
import type { UnitAudience } from './unit-audience.js';
import type { createUnitHooks } from './unit-hooks.js';
import { returnIfReleased } from './unit-loans.js';
import { toUnitSummary } from './unit-summary.js';
import type { Emit } from '../../realtime/event-log.js';

/** The crew fails § 11 (only the kinds § 11 speaks of; a legevakt car's flag is shown, not enforced). */
export function failsSection11(unit: Pick<Unit, 'kind' | 'crewOk'>): boolean {
  return !unit.crewOk && isSubjectToSection11(unit.kind);
}

/** An operator overriding the § 11 refusal, with the reason. */
export interface CrewOverrideBy {
  actor: UserActor;
  reason: string;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A crew row as the § 11 rule reads it. */
const crewMemberOf = (c: CrewAssignment): CrewMember => ({
  authorisation: c.authorisation,
  personName: c.personName,
  drivingLicence: c.drivingLicence,
  emergencyDrivingCertificate: c.emergencyDrivingCertificate,
  temporaryPost: c.temporaryPostFrom && c.temporaryPostTo ? { from: day(c.temporaryPostFrom)!, to: day(c.temporaryPostTo)! } : null,
});

export function createUnitsService({
  prisma,
  transact,
  audience,
  hooks,
  positions,
}: {
  prisma: Db;
  transact: Transact;
  audience: UnitAudience;
  hooks: Pick<ReturnType<typeof createUnitHooks>, 'statusChangedOnMission'>;
  positions: Pick<PositionWriter, 'submit'>;
}) {
  /** `alsoCentreId`: a centre that must hear this change too (the borrower of a unit just returned). */
  async function publishUnit(emit: Emit, unit: Unit, alsoCentreId: string | null = null) {
    // a lent unit is heard by the centre it works for too (mutual aid, § 10 d)
    const lentTo = [unit.lentToCentreId, alsoCentreId].filter((c) => c !== null).map(rooms.centre);
    const audienceRooms = [...new Set([...(await audience.roomsFor(unit.centreId)), ...lentTo])];
    emit({ type: 'unit.upserted', centreId: unit.centreId, audience: audienceRooms, data: toUnitSummary(unit) });
  }

  /**
   * Keeps an operator's override of the § 11 refusal on the unit (until its crew changes) and in
   * the audit log. `context` names what was overridden (a status change, a dispatch).
   */
  async function recordOverride(tx: Tx, unit: Unit, override: CrewOverrideBy, context: Record<string, unknown>): Promise<Unit> {
    if (override.actor.centre.id !== unit.centreId) throw forbidden('unit.overrideOwnCentreOnly', { callSign: unit.callSign });
    const row = await tx.unit.update({
      where: { id: unit.id },
      data: { crewOverrideReason: override.reason, crewOverrideAt: new Date(), crewOverrideBy: override.actor.displayName },
    });
    await writeAudit(tx, override.actor, {
      action: 'unit.crew_override',
      entityType: 'Unit',
      entityId: unit.id,
      detail: { callSign: unit.callSign, reason: override.reason, crewProblem: unit.crewProblem, ...context },
    });
    return row;
  }

  /** Applies a status change in a transaction; the caller has checked who may do it. */
  async function changeStatus(
    tx: Tx,
    emit: Emit,
    unit: Unit,
    status: UnitStatus,
    at: Date,
    source: StatusChangeSource,
    byUserId: string | null,
    reason: string | null = null,
    override?: CrewOverrideBy,
  ): Promise<Unit> {
    const allowed = canTransition(unit.status, status);
    if (!allowed.ok)
      throw conflict('unit.transitionRefused', {
        from: { code: `unitStatus.${unit.status}` },
        to: { code: `unitStatus.${status}` },
        hint: { code: `unitStatus.hint.${allowed.hint}` },
      });
    // § 11: a crew that fails cannot become available, unless an operator overrides with a reason
    // (now, or standing on the unit since an earlier override for this crew).
    if (isAvailable(status) && !isAvailable(unit.status) && failsSection11(unit) && !unit.crewOverrideReason) {
      if (!override) throw section11Refusal(unit.callSign, unit.crewProblem);
      unit = await recordOverride(tx, unit, override, { status });
    }
    const open = await tx.missionUnit.findFirst({ where: { unitId: unit.id, releasedAt: null, mission: { closedAt: null } } });
    // Alerted means alerted to a mission: a unit is never left ALERTED with no open mission.
    if (status === 'ALERTED' && !open) throw conflict('unit.alertOnlyViaMission', { callSign: unit.callSign });
    let row = await tx.unit.update({ where: { id: unit.id }, data: { status, statusAt: at } });
    await tx.unitStatusChange.create({
      data: { id: newId(), unitId: unit.id, status, at, missionId: open?.missionId ?? null, source, byUserId, reason },
    });
    const borrower = row.lentToCentreId;
    if (open && isAvailable(status)) {
      // Free again: the unit's part in the mission is over, and a lent unit goes home.
      await tx.missionUnit.update({
        where: { missionId_unitId: { missionId: open.missionId, unitId: unit.id } },
        data: { releasedAt: at },
      });
      row = await returnIfReleased(tx, emit, row, reason ?? 'Frigitt fra oppdraget', at);
    }
    await publishUnit(emit, row, borrower);
    if (open) await hooks.statusChangedOnMission(tx, emit, open.missionId);
    return row;
  }

  async function unitOfIntegration(actor: IntegrationActor, callSign: string): Promise<Unit> {
    const unit = await prisma.unit.findUnique({ where: { callSign } });
    if (!unit) throw notFound('unit.unknownCallSign', { callSign });
    if (unit.centreId !== actor.centre.id) throw forbidden('unit.otherCentreThanKey', { callSign, centre: actor.centre.code });
    return unit;
  }

  return {
    publishUnit,
    changeStatus,
    recordOverride,

    async reportStatus(
      actor: IntegrationActor,
      callSign: string,
      report: UnitStatusReport,
    ): Promise<{ unit: UnitSummary; applied: boolean }> {
      const unit = await unitOfIntegration(actor, callSign);
      const at = new Date(report.at);
      if (at <= unit.statusAt || unit.status === report.status) return { unit: toUnitSummary(unit), applied: false };
      return transact(async (tx, emit) => {
        const fresh = await tx.unit.findUniqueOrThrow({ where: { id: unit.id } });
        if (at <= fresh.statusAt || fresh.status === report.status) return { unit: toUnitSummary(fresh), applied: false };
        const row = await changeStatus(tx, emit, fresh, report.status, at, 'TERMINAL', null); // a terminal cannot override § 11
        return { unit: toUnitSummary(row), applied: true };
      });
    },

    async setStatus(actor: UserActor, unitId: string, status: UnitStatus, override?: CrewOverride): Promise<UnitSummary> {
      return transact(async (tx, emit) => {
        const unit = await tx.unit.findUnique({ where: { id: unitId } });
        if (!unit || unit.centreId !== actor.centre.id) throw notFound('unit.notFound', { id: unitId, centre: actor.centre.code });
        if (unit.status === status) return toUnitSummary(unit);
        return toUnitSummary(
          await changeStatus(
            tx,
            emit,
            unit,
            status,
            new Date(),
            'OPERATOR',
            actor.userId,
            null,
            override && { actor, reason: override.reason },
          ),
        );
      });
    },

    /** The crew for the shift: the old crew's shift ends, the § 11 check is run and shown on the unit. */
    async setCrew(actor: UserActor, unitId: string, members: CrewMemberInput[], manning: CrewManning = 'ON_SITE'): Promise<UnitSummary> {
      return transact(async (tx, emit) => {
        const unit = await tx.unit.findUnique({ where: { id: unitId } });
        if (!unit || unit.centreId !== actor.centre.id) throw notFound('unit.notFound', { id: unitId, centre: actor.centre.code });
        const now = new Date();
        await tx.crewAssignment.updateMany({ where: { unitId, toAt: null }, data: { toAt: now } });
        for (const m of members) {
          await tx.crewAssignment.create({
            data: {
              id: newId(),
              unitId,
              personName: m.personName,
              authorisation: m.authorisation,
              fromAt: now,
              drivingLicence: m.drivingLicence ?? true,
              emergencyDrivingCertificate: m.emergencyDrivingCertificate ?? true,
              temporaryPostFrom: m.temporaryPost ? new Date(`${m.temporaryPost.from}T00:00:00Z`) : null,
              temporaryPostTo: m.temporaryPost ? new Date(`${m.temporaryPost.to}T00:00:00Z`) : null,
            },
          });
        }
        const check = checkCrew(unit.kind, members, { on: norwegianDate(now), manning, onCallExemptionRef: unit.onCallExemptionRef });
        // A new crew is a new check: an override given for the old one no longer stands.
        const row = await tx.unit.update({
          where: { id: unitId },
          data: {
            manning,
            crewOk: check.ok,
            crewProblem: check.ok ? null : (check.problem ?? check.problems.join(' ')),
            crewOverrideReason: null,
            crewOverrideAt: null,
            crewOverrideBy: null,
          },
        });
        await publishUnit(emit, row);
        return toUnitSummary(row);
      });
    },

    /**
     * § 11 second paragraph: the low-volume exception from tilstedevakt for a car (the HF's
     * reference), or null to withdraw it. The crew on duty is checked again at once; audited.
     */
    async setOnCallExemption(actor: UserActor, unitId: string, ref: string | null): Promise<UnitSummary> {
      return transact(async (tx, emit) => {
        const unit = await tx.unit.findUnique({ where: { id: unitId } });
        if (!unit || unit.centreId !== actor.centre.id) throw notFound('unit.notFound', { id: unitId, centre: actor.centre.code });
        if (unit.kind !== 'AMBULANCE_CAR') throw badRequest('unit.onCallExemptionCarsOnly', { callSign: unit.callSign });
        const crew = await tx.crewAssignment.findMany({ where: { unitId, toAt: null } });
        const check = checkCrew(unit.kind, crew.map(crewMemberOf), {
          on: norwegianDate(new Date()),
          manning: unit.manning,
          onCallExemptionRef: ref,
        });
        const row = await tx.unit.update({
          where: { id: unitId },
          data: { onCallExemptionRef: ref, crewOk: check.ok, crewProblem: check.ok ? null : (check.problem ?? check.problems.join(' ')) },
        });
        await writeAudit(tx, actor, {
          action: ref ? 'unit.on_call_exemption.set' : 'unit.on_call_exemption.withdraw',
          entityType: 'Unit',
          entityId: unitId,
          detail: { callSign: unit.callSign, ref },
        });
        await publishUnit(emit, row);
        return toUnitSummary(row);
      });
    },

    /** Answers once the report's batch is stored (see position-writer.ts); `arrivedAt` is PriorityGate.stamp(). */
    async reportPosition(
      actor: IntegrationActor,
      callSign: string,
      report: UnitPositionReport,
      arrivedAt: number,
    ): Promise<{ unit: UnitSummary; applied: boolean }> {
      const { unit, applied } = await positions.submit(actor.centre, callSign, report, arrivedAt);
      return { unit: toUnitSummary(unit), applied };
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
