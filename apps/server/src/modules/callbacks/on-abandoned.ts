// What telephony's "ended" and "answered" mean for the callback list, inside their transaction so
// the call's state and the list never disagree: an unanswered call that ended puts its caller on
// the list; an "answered" that arrives after "ended" (the call was not lost after all) takes it off.
import { rooms } from '../../auth/actor.js';
import type { Call, Tx } from '@amk/db';
import type { Emit } from '../../realtime/event-log.js';
import { toCallbackSummary } from './callback-summary.js';

export async function openCallbackFor(tx: Tx, emit: Emit, call: Call): Promise<void> {
  const existing = await tx.callback.findUnique({ where: { callId: call.id } });
  if (existing) return;
  const cb = await tx.callback.create({
    data: { id: crypto.randomUUID(), callId: call.id, centreId: call.centreId },
    include: { call: true },
  });
  emit({ type: 'callback.upserted', centreId: cb.centreId, audience: [rooms.centre(cb.centreId)], data: toCallbackSummary(cb) });
}

export async function settleAnsweredLate(tx: Tx, emit: Emit, call: Call): Promise<void> {
  const now = new Date();
  const { count } = await tx.callback.updateMany({
    where: { callId: call.id, resolvedAt: null },
    data: { resolvedAt: now, outcome: 'ANSWERED', resolvedBy: 'Telefoni', updatedAt: now },
  });
  if (!count) return;
  const cb = await tx.callback.findUniqueOrThrow({ where: { callId: call.id }, include: { call: true } });
  emit({ type: 'callback.upserted', centreId: cb.centreId, audience: [rooms.centre(cb.centreId)], data: toCallbackSummary(cb) });
}
