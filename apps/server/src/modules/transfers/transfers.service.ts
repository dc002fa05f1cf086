// Handing a call to another centre where the law allows it (packages/domain hand-over.ts):
// § 13 b (LVS → AMK, LVS → LVS), § 15 e (AMK → AMK) and § 15 g (AMK → the LVS that covers the
// patient's kommune). The record travels with the call: on acceptance the receiving centre owns
// it, journal and all. Both sides see where the hand-over stands; the time from offer to answer is
// kept. A hand-over the law does not allow is refused with the reason, and nothing is written.
import { handOverVerdict } from '@amk/domain';
import { journalMessage, type TransferSummary } from '@amk/contracts';
import { rooms, type UserActor } from '../../auth/actor.js';
import type { Call, Centre, Db, Transfer, Tx, User } from '@amk/db';
import { badRequest, conflict, notFound } from '../../lib/http-error.js';
import { handOverRefusal } from './hand-over-refusal.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { toCallSummary } from '../calls/call-summary.js';
import { callVisibleTo } from '../calls/call-access.js';
import { requireCompetent } from '../users/competence-guard.js';
import type { Emit } from '../../realtime/event-log.js';

type Loaded = Transfer & { call: Call };

export function createTransfersService({ prisma, transact }: { prisma: Db; transact: Transact }) {
  async function summary(tx: Tx | Db, t: Loaded): Promise<TransferSummary> {
    const [centres, users] = await Promise.all([
      tx.centre.findMany({ where: { id: { in: [t.fromCentreId, t.toCentreId] } } }),
      tx.user.findMany({ where: { id: { in: [t.requestedById, t.answeredById].filter((x): x is string => !!x) } } }),
    ]);
    const centre = (id: string) => {
      const c = centres.find((x: Centre) => x.id === id)!;
      return { id: c.id, code: c.code, name: c.name };
    };
    const name = (id: string | null) => (id ? (users.find((u: User) => u.id === id)?.displayName ?? null) : null);
    return {
      id: t.id,
      callId: t.callId,
      fromCentre: centre(t.fromCentreId),
      toCentre: centre(t.toCentreId),
      reason: t.reason,
      state: t.state,
      requestedAt: t.requestedAt.toISOString(),
      requestedBy: name(t.requestedById) ?? 'ukjent',
      answeredAt: t.answeredAt?.toISOString() ?? null,
      answeredBy: name(t.answeredById),
      answerSeconds: t.answeredAt ? Math.max(0, (t.answeredAt.getTime() - t.requestedAt.getTime()) / 1000) : null,
      basis: t.basis,
      conference: t.conference,
      call: toCallSummary(t.call),
    };
  }

  function publish(emit: Emit, s: TransferSummary) {
    emit({
      type: 'transfer.upserted',
      centreId: s.fromCentre.id,
      audience: [rooms.centre(s.fromCentre.id), rooms.centre(s.toCentre.id)],
      data: s,
    });
  }

  return {
    async request(actor: UserActor, callId: string, toCentreCode: string, reason: string, conference = false): Promise<TransferSummary> {
      const to = await prisma.centre.findUnique({ where: { code: toCentreCode } });
      if (!to) throw badRequest('centre.unknown', { centre: toCentreCode });
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        if (call.closedAt) throw conflict('transfer.callClosed');
        const centres = await tx.centre.findMany({ select: { id: true, code: true, kind: true, kommuner: true } });
        const from = centres.find((c) => c.id === actor.centre.id)!;
        // The patient's kommune decides which LVS is the line for § 15 g; refused before anything is written.
        const verdict = handOverVerdict(from, to, call.kommunenummer, centres);
        if (!verdict.ok) throw handOverRefusal(verdict);
        const pending = await tx.transfer.findFirst({ where: { callId, state: 'REQUESTED' } });
        if (pending) throw conflict('transfer.pending');
        const t = await tx.transfer.create({
          data: {
            id: newId(),
            callId,
            fromCentreId: actor.centre.id,
            toCentreId: to.id,
            reason,
            state: 'REQUESTED',
            requestedAt: new Date(),
            requestedById: actor.userId,
            basis: verdict.basis,
            conference,
          },
          include: { call: true },
        });
        await tx.callJournalEntry.create({
          data: {
            id: newId(),
            callId,
            authorId: actor.userId,
            author: actor.displayName,
            kind: 'TRANSFER',
            text: `Overføring til ${to.name} bedt om (${verdict.basis}${conference ? ', satt over i konferanse' : ''}): ${reason}`,
            message: journalMessage(conference ? 'transfer.requestedConference' : 'transfer.requested', {
              centre: to.name,
              basis: verdict.basis,
              reason,
            }),
          },
        });
        const s = await summary(tx, t);
        publish(emit, s);
        return s;
      });
    },

    async answer(actor: UserActor, transferId: string, decision: 'ACCEPT' | 'DECLINE', note?: string): Promise<TransferSummary> {
      return transact(async (tx, emit) => {
        const t = await tx.transfer.findUnique({ where: { id: transferId }, include: { call: true } });
        if (!t || t.toCentreId !== actor.centre.id) throw notFound('transfer.notFound', { id: transferId, centre: actor.centre.code });
        if (t.state !== 'REQUESTED') {
          if (t.state === (decision === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED')) return summary(tx, t); // a retry
          throw conflict(t.state === 'ACCEPTED' ? 'transfer.alreadyAccepted' : 'transfer.alreadyDeclined');
        }
        const now = new Date();
        const accepted = decision === 'ACCEPT';
        // Accepting makes this operator the call's owner, so it is taking a call (§ 15 l / § 13 f).
        if (accepted) await requireCompetent(tx, actor);
        const updated = await tx.transfer.update({
          where: { id: t.id },
          data: { state: accepted ? 'ACCEPTED' : 'DECLINED', answeredAt: now, answeredById: actor.userId },
          include: { call: true },
        });
        let call = updated.call;
        if (accepted) {
          // The record moves: the receiving centre owns the call from now on; the operator who
          // accepted it is its new owner.
          call = await tx.call.update({ where: { id: t.callId }, data: { centreId: actor.centre.id, operatorId: actor.userId } });
        }
        await tx.callJournalEntry.create({
          data: {
            id: newId(),
            callId: t.callId,
            authorId: actor.userId,
            author: actor.displayName,
            kind: 'TRANSFER',
            text: `${accepted ? 'Overføring godtatt' : 'Overføring avslått'} av ${actor.centre.name}${note ? `: ${note}` : ''}`,
            message: note
              ? journalMessage(accepted ? 'transfer.acceptedNote' : 'transfer.declinedNote', { centre: actor.centre.name, note })
              : journalMessage(accepted ? 'transfer.accepted' : 'transfer.declined', { centre: actor.centre.name }),
          },
        });
        const s = await summary(tx, { ...updated, call });
        publish(emit, s);
        // Both centres learn where the call now is: the sender's list drops it, the receiver's gains it.
        emit({
          type: 'call.upserted',
          centreId: call.centreId,
          audience: [rooms.centre(t.fromCentreId), rooms.centre(t.toCentreId)],
          data: toCallSummary(call),
        });
        return s;
      });
    },

    /** Transfers my centre sent or received that are pending, or were answered in the last 12 hours. */
    async listFor(centreId: string, db: Db | Tx = prisma): Promise<TransferSummary[]> {
      const since = new Date(Date.now() - 12 * 3_600_000);
      const rows = await db.transfer.findMany({
        where: {
          OR: [{ fromCentreId: centreId }, { toCentreId: centreId }],
          AND: [{ OR: [{ state: 'REQUESTED' }, { answeredAt: { gte: since } }] }],
        },
        include: { call: true },
        orderBy: { requestedAt: 'asc' },
        take: 200,
      });
      const summaries: TransferSummary[] = [];
      for (const t of rows) summaries.push(await summary(db, t));
      return summaries;
    },
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
