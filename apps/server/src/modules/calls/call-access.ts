// Who may see a call record: the centre that owns the call; a centre the call is being handed to
// (so it can decide whether to accept); and a centre that handed the call on, for reading only,
// while any of its own units or doctors is still on a mission for the call. Everyone else gets
// 404, not 403: a centre does not learn that another centre's call exists.
import type { UserActor } from '../../auth/actor.js';
import type { Call, Db, Tx } from '@amk/db';
import { notFound } from '../../lib/http-error.js';

export async function callVisibleTo(db: Db | Tx, actor: UserActor, callId: string, mode: 'read' | 'write'): Promise<Call> {
  const call = await db.call.findUnique({ where: { id: callId } });
  if (call && call.centreId === actor.centre.id) return call;
  if (call && mode === 'read') {
    const pending = await db.transfer.findFirst({ where: { callId, toCentreId: actor.centre.id, state: 'REQUESTED' } });
    if (pending) return call;
    const stillOnIt = await db.missionUnit.findFirst({
      where: { releasedAt: null, unit: { centreId: actor.centre.id }, mission: { callId, closedAt: null } },
      select: { missionId: true },
    });
    if (
      stillOnIt &&
      (await db.transfer.findFirst({ where: { callId, fromCentreId: actor.centre.id, state: 'ACCEPTED' }, select: { id: true } }))
    )
      return call;
  }
  throw notFound('call.notFound', { id: callId, centre: actor.centre.code });
}
