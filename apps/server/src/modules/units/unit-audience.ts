// Which centres see a unit: its own, and every centre that lists its centre as a neighbour
// (§ 15 i: an overview of preparedness outside the own area). Centres change rarely; the map is
// read once and refreshed every minute.
import { rooms } from '../../auth/actor.js';
import type { Db } from '@amk/db';

const REFRESH_MS = 60_000;

export function createUnitAudience(prisma: Db) {
  let watchers = new Map<string, string[]>(); // centreId → centres that watch its units
  let loadedAt = 0;

  async function refresh() {
    const centres = await prisma.centre.findMany({ select: { id: true, neighbourCentreIds: true } });
    const next = new Map<string, string[]>(centres.map((c) => [c.id, [c.id]]));
    for (const c of centres) for (const n of c.neighbourCentreIds) next.get(n)?.push(c.id);
    watchers = next;
    loadedAt = Date.now();
  }

  return {
    /** Rooms that may see units of this centre. */
    async roomsFor(centreId: string): Promise<string[]> {
      if (Date.now() - loadedAt > REFRESH_MS || !watchers.has(centreId)) await refresh();
      return (watchers.get(centreId) ?? [centreId]).map(rooms.centre);
    },
  };
}

export type UnitAudience = ReturnType<typeof createUnitAudience>;
