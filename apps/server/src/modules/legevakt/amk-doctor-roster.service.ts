// § 15 m: an AMK has a doctor with emergency-medicine competence available around the clock. The
// AMK keeps the roster of that doctor; every stretch of a period with nobody on it is a gap, shown
// live on the AMK's console and its wall (the same rule as the legevakt's døgnkontinuerlig roster).
import { uncoveredPeriods } from '@amk/domain';
import type { AmkDoctorRoster, AmkDoctorShiftInput } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { UserActor } from '../../auth/actor.js';
import { forbidden, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';

const amkOnly = (actor: UserActor) => {
  if (actor.centre.kind !== 'AMK') throw forbidden('roster.amkDoctorAmkOnly');
};

/** The roster of one AMK for a period, with its gaps. For the AMK's own console and its wall. */
export async function amkDoctorRoster(db: Db, centreId: string, from: Date, to: Date): Promise<AmkDoctorRoster> {
  const shifts = await db.amkDoctorShift.findMany({
    where: { centreId, toAt: { gt: from }, fromAt: { lt: to } },
    orderBy: { fromAt: 'asc' },
  });
  const gaps = uncoveredPeriods(
    from.getTime(),
    to.getTime(),
    shifts.map((s) => ({ fromAt: s.fromAt.getTime(), toAt: s.toAt.getTime(), isBackup: false })),
  );
  return {
    shifts: shifts.map((s) => ({
      id: s.id,
      doctorName: s.doctorName,
      reachAt: s.reachAt,
      fromAt: s.fromAt.toISOString(),
      toAt: s.toAt.toISOString(),
    })),
    gaps: gaps.map((g) => ({ from: new Date(g.from).toISOString(), to: new Date(g.to).toISOString() })),
  };
}

export function createAmkDoctorRosterService(prisma: Db) {
  return {
    list(actor: UserActor, from: Date, to: Date): Promise<AmkDoctorRoster> {
      amkOnly(actor);
      return amkDoctorRoster(prisma, actor.centre.id, from, to);
    },

    async add(actor: UserActor, input: AmkDoctorShiftInput): Promise<string> {
      amkOnly(actor);
      const row = await prisma.amkDoctorShift.create({
        data: {
          id: newId(),
          centreId: actor.centre.id,
          doctorName: input.doctorName,
          reachAt: input.reachAt || null,
          fromAt: new Date(input.fromAt),
          toAt: new Date(input.toAt),
          createdBy: actor.displayName,
        },
      });
      return row.id;
    },

    /** A shift entered by mistake is removed; another centre's shift is not found. */
    async remove(actor: UserActor, id: string): Promise<void> {
      amkOnly(actor);
      const { count } = await prisma.amkDoctorShift.deleteMany({ where: { id, centreId: actor.centre.id } });
      if (!count) throw notFound('roster.amkDoctorShiftNotFound', { id, centre: actor.centre.code });
    },
  };
}

export type AmkDoctorRosterService = ReturnType<typeof createAmkDoctorRosterService>;
