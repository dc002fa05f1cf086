// Settling a callback: the operator says how calling the lost caller back went, or links the lost
// call to a later call from the same number. The change, its audit row and its event commit
// together; every console of the centre takes the caller off its list when the event arrives.
import { type CallbackSummary, journalMessage, type ResolveCallbackRequest } from '@amk/contracts';
import { callbackLinkRefusal } from '@amk/domain';
import { rooms, type UserActor } from '../../auth/actor.js';
import type { Db } from '@amk/db';
import { badRequest, conflict, notFound } from '../../lib/http-error.js';
import type { Transact } from '../../realtime/transact.js';
import { writeAudit } from '../audit/audit.service.js';
import { openCallbacks, toCallbackSummary } from './callback-summary.js';

const OUTCOME_WORDS: Record<string, string> = {
  REACHED: 'nådd',
  NO_ANSWER: 'ikke svar',
  WRONG_NUMBER: 'feil nummer',
  LINKED: 'koblet til ny henvendelse',
  ANSWERED: 'besvart likevel',
};

export function createCallbacksService({ prisma, transact }: { prisma: Db; transact: Transact }) {
  return {
    async listOpen(actor: UserActor, ip?: string): Promise<CallbackSummary[]> {
      const callbacks = await openCallbacks(prisma, actor.centre.id);
      await writeAudit(prisma, actor, {
        action: 'callback.list',
        entityType: 'Callback',
        detail: { count: callbacks.length, callIds: callbacks.map((c) => c.callId) },
        ...(ip && { ip }),
      });
      return callbacks;
    },

    async resolve(actor: UserActor, callbackId: string, req: ResolveCallbackRequest, ip?: string): Promise<CallbackSummary> {
      if (req.outcome === 'LINKED' && !req.linkedCallId) throw badRequest('callback.linkedCallIdRequired');
      if (req.outcome !== 'LINKED' && req.linkedCallId) throw badRequest('callback.linkedCallIdOnlyWhenLinked', { outcome: req.outcome });
      return transact(async (tx, emit) => {
        // locked, so two operators settling the same caller at once cannot both win
        await tx.$queryRaw`SELECT 1 FROM "Callback" WHERE "id" = ${callbackId}::uuid FOR UPDATE`;
        const cb = await tx.callback.findUnique({ where: { id: callbackId }, include: { call: true } });
        if (!cb || cb.centreId !== actor.centre.id) throw notFound('callback.notFound', { id: callbackId, centre: actor.centre.code });
        if (cb.resolvedAt) {
          // the same operator's retry of the same verdict is answered as before; anything else is late
          if (cb.resolvedById === actor.userId && cb.outcome === req.outcome && (cb.linkedCallId ?? undefined) === req.linkedCallId)
            return toCallbackSummary(cb);
          throw conflict('callback.alreadyResolved', {
            by: cb.resolvedBy ?? { code: 'callback.someoneElse' },
            outcome: cb.outcome ? { code: `callback.outcome.${cb.outcome}` } : '',
          });
        }
        if (req.linkedCallId) {
          const later = await tx.call.findUnique({ where: { id: req.linkedCallId } });
          if (!later || later.centreId !== actor.centre.id)
            throw notFound('callback.linkedCallNotFound', { id: req.linkedCallId, centre: actor.centre.code });
          const refusal = callbackLinkRefusal(cb.call, later);
          if (refusal)
            throw refusal.code === 'OTHER_NUMBER'
              ? conflict('callback.link.OTHER_NUMBER', { number: refusal.number ?? { code: 'callback.unknownNumber' } })
              : conflict(`callback.link.${refusal.code}`);
        }
        const now = new Date();
        const row = await tx.callback.update({
          where: { id: cb.id },
          data: {
            resolvedAt: now,
            outcome: req.outcome,
            linkedCallId: req.linkedCallId ?? null,
            resolvedById: actor.userId,
            resolvedBy: actor.displayName,
            note: req.note || null,
          },
          include: { call: true },
        });
        const text = `Tilbakeringing: ${OUTCOME_WORDS[req.outcome]}${req.note ? ` – ${req.note}` : ''}`;
        await tx.callJournalEntry.create({
          data: {
            id: crypto.randomUUID(),
            callId: cb.callId,
            authorId: actor.userId,
            author: actor.displayName,
            kind: 'SYSTEM',
            text,
            message: req.note
              ? journalMessage('callback.doneNote', { outcome: req.outcome, note: req.note })
              : journalMessage('callback.done', { outcome: req.outcome }),
          },
        });
        await writeAudit(tx, actor, {
          action: 'callback.resolve',
          entityType: 'Callback',
          entityId: cb.id,
          detail: { callId: cb.callId, outcome: req.outcome, linkedCallId: req.linkedCallId ?? null },
          ...(ip && { ip }),
        });
        const summary = toCallbackSummary(row);
        emit({ type: 'callback.upserted', centreId: row.centreId, audience: [rooms.centre(row.centreId)], data: summary });
        return summary;
      });
    },
  };
}

export type CallbacksService = ReturnType<typeof createCallbacksService>;
