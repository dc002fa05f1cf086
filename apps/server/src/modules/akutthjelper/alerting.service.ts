// Alerting akutthjelpere on a mission: one action alerts the proposed members; their
// acknowledgements (delivered, seen, accepted/declined, arrived) come back live to the AMK
// console; when too few accept in time, the next nearest are alerted (escalation, escalation.ts).
import type { AlertSummary, UnitAlertSummary } from '@amk/contracts';
import { isAkutthjelperEventType, mayOverrideMainRule, type NotificationChannel } from '@amk/domain';
import type { UserActor } from '../../auth/actor.js';
import type { Db, Tx } from '@amk/db';
import { conflict, forbidden, notFound, unprocessableEntity } from '../../lib/http-error.js';
import { noneNearby } from './none-nearby.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { writeAudit } from '../audit/audit.service.js';
import { loadAlert, publishAlert, toAlertSummary } from './alert-views.js';
import { eligibility, type Candidate, type UnitCandidate } from './eligibility.js';
import { alertUnitsVia110, listUnitAlerts } from './unit-alerts.js';
import type { Emit } from '../../realtime/event-log.js';

export function createAlertingService({
  prisma,
  transact,
  channelName,
}: {
  prisma: Db;
  transact: Transact;
  /** how a notification to 110 leaves: a unit alerted through 110 rides on one */
  channelName: NotificationChannel;
}) {
  async function ownMission(db: Db | Tx, actor: UserActor, missionId: string) {
    const mission = await db.mission.findUnique({ where: { id: missionId } });
    if (!mission || mission.centreId !== actor.centre.id) throw notFound('mission.notFound', { id: missionId, centre: actor.centre.code });
    return mission;
  }

  /** Creates alerts for these candidates in round `round`; page alerts are pushed at commit. */
  async function createAlerts(
    tx: Tx,
    emit: Emit,
    missionId: string,
    chosen: Candidate[],
    round: number,
    override?: { reason: string; by: string },
  ) {
    const now = new Date();
    for (const c of chosen) {
      const id = newId();
      await tx.akutthjelperAlert.create({
        data: {
          id,
          missionId,
          memberId: c.memberId,
          channel: c.channel,
          round,
          distanceM: Math.round(c.distanceKm * 1000),
          state: 'PENDING',
          alertedAt: now,
          mainRuleOverrideReason: override?.reason ?? null,
          mainRuleOverrideBy: override?.by ?? null,
        },
      });
      await publishAlert(tx, emit, id);
    }
  }

  return {
    createAlerts,

    /** `eventType` as the operator asked for it: one outside the scheme is refused by the rule, in words. */
    async candidates(actor: UserActor, missionId: string, eventType?: string, override = false) {
      const mission = await ownMission(prisma, actor, missionId);
      const type = eventType ?? mission.eventType ?? null;
      const overriding = override && mayOverrideMainRule(actor.role, actor.centre.kind);
      const { refusal, candidates, unitCandidates, reach } = await eligibility(prisma, actor, mission, type, overriding);
      const alreadyAlerted = new Set(
        (await prisma.akutthjelperAlert.findMany({ where: { missionId }, select: { memberId: true } })).map((a) => a.memberId),
      );
      const unitsAlerted = new Set(
        (await prisma.akutthjelperUnitAlert.findMany({ where: { missionId }, select: { unitId: true } })).map((a) => a.unitId),
      );
      return {
        eventType: isAkutthjelperEventType(type) ? type : null,
        allowed: !refusal,
        refusal: refusal ? { code: refusal.code, reason: refusal.reason, offerBistand: refusal.offerBistand } : null,
        candidates: candidates.filter((c) => !alreadyAlerted.has(c.memberId)),
        unitCandidates: unitCandidates.filter((u) => !unitsAlerted.has(u.unitId)),
        reach,
      };
    },

    async alert(
      actor: UserActor,
      missionId: string,
      req: { eventType: string; required: number; memberIds?: string[]; unitIds?: string[]; override?: { reason: string } },
    ): Promise<{ alerts: AlertSummary[]; unitAlerts: UnitAlertSummary[] }> {
      return transact(async (tx, emit) => {
        const mission = await ownMission(tx, actor, missionId);
        if (mission.closedAt) throw conflict('mission.closed');
        // The main rule is lifted only where it applies: one of the four needs no override.
        const overriding = !!req.override && !isAkutthjelperEventType(req.eventType);
        if (overriding && !mayOverrideMainRule(actor.role, actor.centre.kind)) throw forbidden('akutthjelper.overrideAmkOnly');
        const { refusal, candidates, unitCandidates, reach } = await eligibility(tx, actor, mission, req.eventType, overriding);
        if (refusal) {
          const refuse = refusal.code === 'NOT_AMK' ? forbidden : unprocessableEntity;
          throw refusal.offerBistand
            ? refuse('akutthjelper.refusedOfferBistand', { reason: refusal.reason })
            : refuse('akutthjelper.refused', { reason: refusal.reason });
        }
        const already = new Set(
          (await tx.akutthjelperAlert.findMany({ where: { missionId }, select: { memberId: true } })).map((a) => a.memberId),
        );
        const open = candidates.filter((c) => !already.has(c.memberId));
        const unitsAlerted = new Set(
          (await tx.akutthjelperUnitAlert.findMany({ where: { missionId }, select: { unitId: true } })).map((a) => a.unitId),
        );
        const openUnits = unitCandidates.filter((u) => !unitsAlerted.has(u.unitId));
        let chosen: Candidate[];
        let chosenUnits: UnitCandidate[];
        if (req.memberIds?.length || req.unitIds?.length) {
          const byId = new Map(open.map((c) => [c.memberId, c]));
          const unitById = new Map(openUnits.map((u) => [u.unitId, u]));
          const unknown = [
            ...(req.memberIds ?? []).filter((id) => !byId.has(id)),
            ...(req.unitIds ?? []).filter((id) => !unitById.has(id)),
          ];
          if (unknown.length) throw unprocessableEntity('akutthjelper.notEligible', { ids: unknown.join(', ') });
          chosen = (req.memberIds ?? []).map((id) => byId.get(id)!);
          chosenUnits = (req.unitIds ?? []).map((id) => unitById.get(id)!);
        } else {
          chosen = open.slice(0, req.required * 2);
          chosenUnits = openUnits;
        }
        if (chosenUnits.length && !mission.callId) {
          throw unprocessableEntity('akutthjelper.noCallFor110');
        }
        if (!chosen.length && !chosenUnits.length) {
          throw noneNearby(reach);
        }
        await tx.mission.update({ where: { id: missionId }, data: { eventType: req.eventType, requiredResponders: req.required } });
        const round = ((await tx.akutthjelperAlert.aggregate({ where: { missionId }, _max: { round: true } }))._max.round ?? 0) + 1;
        const override = overriding ? { reason: req.override!.reason, by: actor.displayName } : undefined;
        await createAlerts(tx, emit, missionId, chosen, round, override);
        if (chosenUnits.length) {
          await alertUnitsVia110(tx, emit, actor, { ...mission, callId: mission.callId! }, chosenUnits, {
            channelName,
            round,
            eventType: req.eventType,
            override,
          });
        }
        if (override) {
          await writeAudit(tx, actor, {
            action: 'akutthjelper.main_rule_override',
            entityType: 'Mission',
            entityId: missionId,
            detail: {
              eventType: req.eventType,
              reason: override.reason,
              memberIds: chosen.map((c) => c.memberId),
              unitIds: chosenUnits.map((u) => u.unitId),
              round,
            },
          });
        }
        const rows = await tx.akutthjelperAlert.findMany({ where: { missionId }, select: { id: true }, orderBy: { alertedAt: 'asc' } });
        return {
          alerts: await Promise.all(rows.map(async (r) => toAlertSummary(await loadAlert(tx, r.id)))),
          unitAlerts: await listUnitAlerts(tx, missionId),
        };
      });
    },

    async list(actor: UserActor, missionId: string): Promise<{ alerts: AlertSummary[]; unitAlerts: UnitAlertSummary[] }> {
      await ownMission(prisma, actor, missionId);
      const rows = await prisma.akutthjelperAlert.findMany({
        where: { missionId },
        select: { id: true },
        orderBy: [{ round: 'asc' }, { distanceM: 'asc' }],
      });
      return {
        alerts: await Promise.all(rows.map(async (r) => toAlertSummary(await loadAlert(prisma, r.id)))),
        unitAlerts: await listUnitAlerts(prisma, missionId),
      };
    },
  };
}

export type AlertingService = ReturnType<typeof createAlertingService>;
