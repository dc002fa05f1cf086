// The read model of a callback (contracts' CallbackSummary): the lost call's number, line, ring
// time and how long the caller waited, with how calling back went once it is settled.
import type { CallbackSummary } from '@amk/contracts';
import type { Call, Callback, Db, Tx } from '@amk/db';
import { iso } from '../../lib/iso.js';

export type CallbackWithCall = Callback & { call: Call };

export function toCallbackSummary(cb: CallbackWithCall): CallbackSummary {
  const { call } = cb;
  const waited = call.endedAt ? Math.max(0, Math.round((call.endedAt.getTime() - call.ringingAt.getTime()) / 1000)) : 0;
  return {
    id: cb.id,
    callId: cb.callId,
    centreId: cb.centreId,
    line: call.line as CallbackSummary['line'],
    callerNumber: call.callerNumber,
    ringingAt: call.ringingAt.toISOString(),
    endedAt: iso(call.endedAt),
    waitedSeconds: waited,
    exercise: call.source === 'EXERCISE',
    resolvedAt: iso(cb.resolvedAt),
    outcome: cb.outcome,
    linkedCallId: cb.linkedCallId,
    resolvedBy: cb.resolvedBy,
    note: cb.note,
    updatedAt: cb.updatedAt.toISOString(),
  };
}

/** The centre's callbacks still waiting, the longest-lost caller first. Callers audit the read. */
export async function openCallbacks(db: Db | Tx, centreId: string): Promise<CallbackSummary[]> {
  const rows = await db.callback.findMany({
    where: { centreId, resolvedAt: null },
    include: { call: true },
    orderBy: { createdAt: 'asc' },
    take: 500,
  });
  return rows.map(toCallbackSummary);
}
