// Takeovers seen from the infrastructure (§ 15 p, § 12 d): which centres a centre is covering right
// now, and a user of the backup acting for one of them. A takeover is open until it is ended or its
// planned end passes; both are read here on every use, so an expired one grants nothing even
// before the sweep closes it.
import type { Db, Prisma, Tx } from '@amk/db';
import { forbidden } from '../lib/http-error.js';
import type { UserActor } from './actor.js';

/** Open takeovers: not ended, and not past their planned end. */
export const openTakeover = (now = new Date()): Prisma.TakeoverWhereInput => ({
  endedAt: null,
  OR: [{ endsAt: null }, { endsAt: { gt: now } }],
});

/** The centres this centre is working for as their backup now. */
export async function coveredCentres(db: Db | Tx, backupCentreId: string) {
  const open = await db.takeover.findMany({ where: { backupCentreId, ...openTakeover() }, select: { centreId: true } });
  if (!open.length) return [];
  return db.centre.findMany({ where: { id: { in: open.map((t) => t.centreId) } }, orderBy: { code: 'asc' } });
}

/**
 * The same user acting for a centre their centre has taken over: the request is the taken-over
 * centre's (its calls, units, agreements), and every audit entry names the backup it came from.
 * Without an open takeover this is a 403: centre isolation is exactly as strict as before.
 */
export async function actingFor(db: Db, user: UserActor, centreCode: string): Promise<UserActor> {
  if (centreCode === user.centre.code) return user;
  const centre = await db.centre.findUnique({ where: { code: centreCode } });
  const open =
    centre && (await db.takeover.findFirst({ where: { centreId: centre.id, backupCentreId: user.centre.id, ...openTakeover() } }));
  if (!centre || !open) throw forbidden('takeover.notCovering', { own: user.centre.code, centre: centreCode.slice(0, 50) });
  const { id, code, name, kind, lat, lon } = centre;
  return {
    ...user,
    centre: { id, code, name, kind, lat, lon },
    actingFrom: { id: user.centre.id, code: user.centre.code, name: user.centre.name, takeoverId: open.id },
  };
}
