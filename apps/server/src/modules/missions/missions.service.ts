// Missions: created from a call (or on their own), one or more units alerted in the same
// transaction, every unit status change on the timeline, closed with an outcome.
import { isAvailable, releaseStatus } from '@amk/domain';
import { type CreateMissionRequest, type CrewOverride, journalMessage, type MissionDetail, type MissionSummary } from '@amk/contracts';
import { rooms, type UserActor } from '../../auth/actor.js';
import type { Db, Tx, Unit } from '@amk/db';
import { badRequest, conflict, forbidden, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { failsSection11, type UnitsService } from '../units/units.service.js';
import { section11Refusal } from '../units/section-11-refusal.js';
import { journalOnCall } from '../calls/call-journal.js';
import { readMission, summaryOf } from './mission-summary.js';
import type { Emit } from '../../realtime/event-log.js';
import { returnIfReleased } from '../units/unit-loans.js';

export function createMissionsService({
  prisma,
  transact,
  units,
  resolveKommune,
  onChanged,
}: {
  prisma: Db;
  transact: Transact;
  units: UnitsService;
  resolveKommune: (lat: number, lon: number) => string | null;
  /** Others who follow a mission (the akutthjelpere alerted to it). */
  onChanged?: (tx: Tx, emit: Emit, missionId: string) => Promise<void>;
}) {
  async function publish(tx: Tx, emit: Emit, missionId: string): Promise<MissionDetail> {
    const detail = await readMission(tx, missionId);
    emit({ type: 'mission.upserted', centreId: detail.centreId, audience: [rooms.centre(detail.centreId)], data: summaryOf(detail) });
    await onChanged?.(tx, emit, missionId);
    return detail;
  }

  /** Puts a unit on a mission and alerts it (the caller has checked that it may). */
  async function putOnMission(tx: Tx, emit: Emit, actor: UserActor, missionId: string, unit: Unit, crewOverrideReason: string | null) {
    await tx.missionUnit.create({ data: { missionId, unitId: unit.id, assignedAt: new Date(), crewOverrideReason } });
    await units.changeStatus(tx, emit, unit, 'ALERTED', new Date(), 'OPERATOR', actor.userId);
  }

  async function alertUnit(
    tx: Tx,
    emit: Emit,
    actor: UserActor,
    missionId: string,
    unitId: string,
    visibleCentres: string[],
    override: CrewOverride | undefined,
  ) {
    let unit = await tx.unit.findUnique({ where: { id: unitId } });
    if (!unit || !visibleCentres.includes(unit.centreId))
      throw notFound('mission.unitNotDispatchable', { id: unitId, centre: actor.centre.code });
    // § 10 d: a neighbour's unit is the neighbour's to send; it comes through mutual aid, when they say yes.
    if (unit.centreId !== actor.centre.id && unit.lentToCentreId !== actor.centre.id) {
      const owner = await tx.centre.findUniqueOrThrow({ where: { id: unit.centreId } });
      throw conflict('mission.unitOfNeighbour', { callSign: unit.callSign, owner: owner.name });
    }
    if (!isAvailable(unit.status))
      throw conflict('mission.unitNotFree', { callSign: unit.callSign, status: { code: `unitStatus.${unit.status}` } });
    // § 11: a crew that fails is not put on a mission unless an operator of its own centre
    // overrides with a reason, kept on the unit, on the mission and in the audit log.
    let crewOverrideReason: string | null = null;
    if (failsSection11(unit)) {
      if (!override) throw section11Refusal(unit.callSign, unit.crewProblem);
      unit = await units.recordOverride(tx, unit, { actor, reason: override.reason }, { missionId });
      crewOverrideReason = override.reason;
    }
    await putOnMission(tx, emit, actor, missionId, unit, crewOverrideReason);
  }

  async function dispatchableCentres(tx: Tx | Db, actor: UserActor): Promise<string[]> {
    const centre = await tx.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
    return [centre.id, ...centre.neighbourCentreIds];
  }

  /** A mission a lent unit may join: the borrower's own, open, for that call (or not made yet). */
  async function checkMissionForCall(tx: Tx, centreId: string, callId: string, missionId: string): Promise<boolean> {
    const mission = await tx.mission.findUnique({ where: { id: missionId } });
    if (!mission) return false;
    if (mission.centreId !== centreId || mission.callId !== callId) throw conflict('mission.notOfThisCall', { id: missionId });
    if (mission.closedAt) throw conflict('mission.closed');
    return true;
  }

  return {
    checkMissionForCall,

    /**
     * Mutual aid accepted (§ 10 d): the owner's operator puts the lent unit on the borrower's
     * mission: the one named (made now if new), else the call's open one, else a new one.
     * The caller has checked the loan. Returns the mission.
     */
    async alertLentUnit(
      tx: Tx,
      emit: Emit,
      owner: UserActor,
      borrower: { centreId: string; callId: string; missionId: string | null },
      unit: Unit,
    ): Promise<string> {
      const { centreId, callId } = borrower;
      const call = await tx.call.findUniqueOrThrow({ where: { id: callId } });
      const existing = borrower.missionId
        ? (await checkMissionForCall(tx, centreId, callId, borrower.missionId)) && borrower.missionId
        : (await tx.mission.findFirst({ where: { callId, centreId, closedAt: null }, orderBy: { createdAt: 'desc' } }))?.id;
      const missionId = existing || borrower.missionId || newId();
      if (!existing)
        await tx.mission.create({
          data: {
            id: missionId,
            centreId,
            callId,
            incidentId: call.incidentId,
            kind: 'AMBULANCE',
            urgency: call.urgency,
            lat: call.lat,
            lon: call.lon,
            kommunenummer: call.lat !== null && call.lon !== null ? resolveKommune(call.lat, call.lon) : null,
          },
        });
      if (!existing)
        await journalOnCall(tx, emit, {
          callId,
          authorId: owner.userId,
          author: owner.displayName,
          kind: 'SYSTEM',
          text: `Oppdrag opprettet (bistand fra ${owner.centre.name})`,
          message: journalMessage('mission.createdMutualAid', { centre: owner.centre.name }),
        });
      await putOnMission(tx, emit, owner, missionId, unit, unit.crewOverrideReason);
      await publish(tx, emit, missionId);
      return missionId;
    },

    /** Subscribed to the units' hooks: a status change of a unit on a mission updates the mission. */
    onMissionUnitStatus: async (tx: Tx, emit: Emit, missionId: string) => {
      await publish(tx, emit, missionId);
    },

    async create(actor: UserActor, req: CreateMissionRequest): Promise<{ mission: MissionDetail; created: boolean }> {
      const existing = await prisma.mission.findUnique({ where: { id: req.id } });
      if (existing) {
        if (existing.centreId !== actor.centre.id) throw conflict('mission.idInUse', { id: req.id });
        return { mission: await readMission(prisma, existing.id), created: false };
      }
      const mission = await transact(async (tx, emit) => {
        const call = req.callId ? await tx.call.findUnique({ where: { id: req.callId } }) : null;
        if (req.callId && (!call || call.centreId !== actor.centre.id))
          throw notFound('call.notFound', { id: req.callId, centre: actor.centre.code });
        const lat = req.lat ?? call?.lat ?? null;
        const lon = req.lon ?? call?.lon ?? null;
        if (req.kind === 'HOME_VISIT' && actor.centre.kind !== 'LVS') throw badRequest('mission.homeVisitByLvsOnly');
        // § 13 b: an acute case goes to AMK, which sends the ambulance; the legevakt sends its own doctor.
        if (req.kind === 'AMBULANCE' && actor.centre.kind === 'LVS') {
          throw forbidden('mission.lvsCannotSendAmbulance');
        }
        await tx.mission.create({
          data: {
            id: req.id,
            centreId: actor.centre.id,
            callId: call?.id ?? null,
            incidentId: call?.incidentId ?? null,
            kind: req.kind,
            urgency: req.urgency ?? call?.urgency ?? null,
            lat,
            lon,
            kommunenummer: lat !== null && lon !== null ? resolveKommune(lat, lon) : null,
          },
        });
        const centres = await dispatchableCentres(tx, actor);
        for (const unitId of new Set(req.unitIds)) await alertUnit(tx, emit, actor, req.id, unitId, centres, req.override);
        if (call) {
          await journalOnCall(tx, emit, {
            callId: call.id,
            authorId: actor.userId,
            author: actor.displayName,
            kind: 'SYSTEM',
            text: 'Oppdrag opprettet',
            message: journalMessage('mission.created', {}),
          });
        }
        return publish(tx, emit, req.id);
      });
      return { mission, created: true };
    },

    async assign(actor: UserActor, missionId: string, unitId: string, override?: CrewOverride): Promise<MissionDetail> {
      return transact(async (tx, emit) => {
        const mission = await tx.mission.findUnique({ where: { id: missionId } });
        if (!mission || mission.centreId !== actor.centre.id)
          throw notFound('mission.notFound', { id: missionId, centre: actor.centre.code });
        if (mission.closedAt) throw conflict('mission.closed');
        const already = await tx.missionUnit.findUnique({ where: { missionId_unitId: { missionId, unitId } } });
        if (already && !already.releasedAt) return readMission(tx, missionId);
        if (already) await tx.missionUnit.delete({ where: { missionId_unitId: { missionId, unitId } } });
        await alertUnit(tx, emit, actor, missionId, unitId, await dispatchableCentres(tx, actor), override);
        return publish(tx, emit, missionId);
      });
    },

    async close(actor: UserActor, missionId: string, outcome: string): Promise<MissionDetail> {
      return transact(async (tx, emit) => {
        const mission = await tx.mission.findUnique({ where: { id: missionId } });
        if (!mission || mission.centreId !== actor.centre.id)
          throw notFound('mission.notFound', { id: missionId, centre: actor.centre.code });
        if (mission.closedAt) return readMission(tx, missionId);
        const now = new Date();
        // Every unit still on the mission is freed first (while the mission is open, so the change
        // lands on its timeline with the reason): never left ALERTED with no open mission.
        const reason = `Oppdraget avsluttet (${outcome}): enheten frigitt`;
        const still = await tx.missionUnit.findMany({
          where: { missionId, releasedAt: null },
          include: { unit: true },
          orderBy: { assignedAt: 'asc' },
        });
        for (const { unit } of still) {
          const to = releaseStatus(unit.status);
          if (!to) continue;
          // A crew that fails § 11 (and has no standing override) is not made available: it is
          // released as unavailable, and the console shows why.
          if (failsSection11(unit) && !unit.crewOverrideReason)
            await units.changeStatus(
              tx,
              emit,
              unit,
              'UNAVAILABLE',
              now,
              'SYSTEM',
              actor.userId,
              `${reason}; ikke bemannet etter § 11, satt utilgjengelig`,
            );
          else await units.changeStatus(tx, emit, unit, to, now, 'SYSTEM', actor.userId, reason);
        }
        await tx.mission.update({ where: { id: missionId }, data: { closedAt: now, outcome } });
        await tx.missionUnit.updateMany({ where: { missionId, releasedAt: null }, data: { releasedAt: now } });
        // a lent unit left unavailable goes home too: its work for this centre is over
        for (const { unit } of still) {
          const fresh = await tx.unit.findUniqueOrThrow({ where: { id: unit.id } });
          if (fresh.lentToCentreId === mission.centreId)
            await units.publishUnit(emit, await returnIfReleased(tx, emit, fresh, reason, now), mission.centreId);
        }
        // Akutthjelpere who had not accepted are stood down; their pages say the mission is over.
        await tx.akutthjelperAlert.updateMany({
          where: { missionId, state: { in: ['PENDING', 'DELIVERED', 'SEEN'] } },
          data: { state: 'CANCELLED' },
        });
        return publish(tx, emit, missionId);
      });
    },

    async get(actor: UserActor, missionId: string): Promise<MissionDetail> {
      const mission = await prisma.mission.findUnique({ where: { id: missionId } });
      if (!mission || mission.centreId !== actor.centre.id)
        throw notFound('mission.notFound', { id: missionId, centre: actor.centre.code });
      return readMission(prisma, missionId);
    },

    async listOpen(db: Db | Tx, centreId: string): Promise<MissionSummary[]> {
      const rows = await db.mission.findMany({
        where: { centreId, closedAt: null },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
        take: 500,
      });
      const result: MissionSummary[] = [];
      for (const r of rows) result.push(summaryOf(await readMission(db, r.id)));
      return result;
    },
  };
}

export type MissionsService = ReturnType<typeof createMissionsService>;
