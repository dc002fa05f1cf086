// What the telephony system (CTI) reports after a call rings: answered, ended. Every message is
// idempotent — telephony retries, and the same message twice must change nothing — and a call that
// ends before anyone answered is recorded as abandoned (it counts against the answer-time bar).
import type { CallAnsweredRequest, CallEndedRequest, CallSummary } from '@amk/contracts';
import { rooms, type IntegrationActor, type UserActor } from '../../auth/actor.js';
import { openTakeover } from '../../auth/centre-cover.js';
import type { Db, Tx } from '@amk/db';
import { badRequest, conflict, notFound } from '../../lib/http-error.js';
import type { Transact } from '../../realtime/transact.js';
import { toCallSummary } from './call-summary.js';
import { requireCompetent } from '../users/competence-guard.js';
import { assessCompetence } from '@amk/domain';
import { writeAudit } from '../audit/audit.service.js';
import { openCallbackFor, settleAnsweredLate } from '../callbacks/on-abandoned.js';

export function createTelephonyService({ prisma, transact }: { prisma: Db; transact: Transact }) {
  async function findByExternalId(actor: IntegrationActor, externalId: string) {
    const call = await prisma.call.findUnique({ where: { centreId_externalId: { centreId: actor.centre.id, externalId } } });
    if (!call) throw notFound('call.unknownExternalId', { externalId, centre: actor.centre.code });
    return call;
  }

  /**
   * The call as it is now, locked until the transaction ends: "answered" and "ended" for one call
   * may arrive together, and each must see what the other wrote.
   */
  async function locked(tx: Tx, callId: string) {
    await tx.$queryRaw`SELECT 1 FROM "Call" WHERE "id" = ${callId}::uuid FOR UPDATE`;
    return tx.call.findUniqueOrThrow({ where: { id: callId } });
  }

  /**
   * The user telephony names: one of the centre's own, or, while a backup centre has taken it over
   * (§ 15 p), one of the backup's, whose operators answer its lines then.
   */
  async function operatorWhoAnswered(actor: IntegrationActor, username: string) {
    const backups = await prisma.takeover.findMany({
      where: { centreId: actor.centre.id, ...openTakeover() },
      select: { backupCentreId: true },
    });
    return prisma.user.findFirst({
      where: { username, centreId: { in: [actor.centre.id, ...backups.map((t) => t.backupCentreId)] } },
    });
  }

  /** A time before the ring would make a negative wait count as answered at once. */
  function notBeforeRinging(call: { ringingAt: Date }, field: 'answeredAt' | 'endedAt', at: Date): void {
    if (at < call.ringingAt)
      throw badRequest('call.timeBeforeRinging', { field, at: at.toISOString(), rang: call.ringingAt.toISOString() });
  }

  return {
    async answered(actor: IntegrationActor, externalId: string, req: CallAnsweredRequest): Promise<CallSummary> {
      const found = await findByExternalId(actor, externalId);
      if (found.answeredAt) return toCallSummary(found); // already known: a retry changes nothing
      const answeredAt = new Date(req.answeredAt);
      notBeforeRinging(found, 'answeredAt', answeredAt);
      const operator = req.operator ? await operatorWhoAnswered(actor, req.operator) : null;
      return transact(async (tx, emit) => {
        const call = await locked(tx, found.id);
        if (call.answeredAt) return toCallSummary(call);
        // "ended" overtook "answered" on the way and recorded the call as abandoned: it was not, so
        // it comes back to the list for its record to be finished.
        const overtaken = call.state === 'ABANDONED';
        const row = await tx.call.update({
          where: { id: call.id },
          data: {
            answeredAt,
            state: call.state === 'RINGING' ? 'ANSWERED' : overtaken ? 'ENDED' : call.state,
            ...(overtaken && { closedAt: null }),
            operatorId: call.operatorId ?? operator?.id ?? null,
          },
        });
        const summary = toCallSummary(row);
        emit({ type: 'call.upserted', centreId: row.centreId, audience: [rooms.centre(row.centreId)], data: summary });
        if (overtaken) await settleAnsweredLate(tx, emit, row);
        // The phone was picked up: refusing the report would lose a fact. An operator who does not
        // meet § 15 l / § 13 f is still recorded as the one who answered, and the breach is audited.
        const competence = operator && assessCompetence(operator.role, actor.centre.kind, operator, answeredAt);
        if (operator && competence && !competence.ok && row.operatorId === operator.id) {
          await writeAudit(tx, actor, {
            action: 'call.answered-without-competence',
            entityType: 'Call',
            entityId: row.id,
            detail: { operator: operator.username, problems: competence.problems },
          });
        }
        return summary;
      });
    },

    async ended(actor: IntegrationActor, externalId: string, req: CallEndedRequest): Promise<CallSummary> {
      const found = await findByExternalId(actor, externalId);
      if (found.endedAt) return toCallSummary(found);
      const endedAt = new Date(req.endedAt);
      notBeforeRinging(found, 'endedAt', endedAt);
      return transact(async (tx, emit) => {
        const call = await locked(tx, found.id);
        if (call.endedAt) return toCallSummary(call);
        const abandoned = !call.answeredAt;
        const row = await tx.call.update({
          where: { id: call.id },
          data: {
            endedAt,
            state: abandoned ? 'ABANDONED' : 'ENDED',
            // An abandoned call leaves the queue; an answered one stays open until the operator
            // has finished the record.
            closedAt: abandoned ? endedAt : call.closedAt,
          },
        });
        const summary = toCallSummary(row);
        emit({ type: 'call.upserted', centreId: row.centreId, audience: [rooms.centre(row.centreId)], data: summary });
        // a lost caller goes on the callback list (an exercise call had nobody on the line)
        if (abandoned && row.source !== 'EXERCISE') await openCallbackFor(tx, emit, row);
        return summary;
      });
    },

    /** An operator takes a ringing call from the queue. The first one owns it; others get 409. */
    async take(actor: UserActor, callId: string): Promise<CallSummary> {
      await requireCompetent(prisma, actor);
      return transact(async (tx, emit) => {
        const call = await tx.call.findUnique({ where: { id: callId } });
        if (!call || call.centreId !== actor.centre.id) throw notFound('call.notFound', { id: callId, centre: actor.centre.code });
        if (call.operatorId === actor.userId) return toCallSummary(call);
        const takenAt = new Date();
        const { count } = await tx.call.updateMany({
          where: { id: callId, operatorId: null, closedAt: null },
          data: { operatorId: actor.userId, ...(call.state === 'RINGING' ? { state: 'ANSWERED', answeredAt: takenAt } : {}) },
        });
        if (count === 0) {
          // Someone else got there first (perhaps a moment ago): read who.
          const now = await tx.call.findUniqueOrThrow({ where: { id: callId } });
          const owner = now.operatorId ? await tx.user.findUnique({ where: { id: now.operatorId } }) : null;
          throw owner ? conflict('call.alreadyTaken', { by: owner.displayName }) : conflict('call.closed');
        }
        const row = await tx.call.findUniqueOrThrow({ where: { id: callId } });
        const summary = toCallSummary(row);
        emit({ type: 'call.upserted', centreId: row.centreId, audience: [rooms.centre(row.centreId)], data: summary });
        return summary;
      });
    },
  };
}

export type TelephonyService = ReturnType<typeof createTelephonyService>;
