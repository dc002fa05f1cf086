// The doctor-on-call roster per legevakt district. Each shift carries the § 7 facts; a doctor who
// may not be alone is flagged unless a qualified backup doctor (bakvakt) covers the whole shift,
// or the statsforvalter's exemption (§ 7 third paragraph) covers the shift's days. Stretches with
// no doctor on call at all are listed per district (døgnkontinuerlig legevakt, § 6).
import {
  exemptionCovers,
  mayBeAloneOnCall,
  norwegianDate,
  rosterFlags,
  uncoveredPeriods,
  type DoctorCompetence,
  type Section7Exemption,
} from '@amk/domain';
import type { DoctorShiftInput } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import type { Db, DoctorShift } from '@amk/db';
import { badRequest } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';

const dateOnly = (d: Date) => d.toISOString().slice(0, 10); // a DATE column arrives as UTC midnight

const exemptionOf = (s: DoctorShift): Section7Exemption | null =>
  s.exemptionRef && s.exemptionFrom && s.exemptionTo
    ? { reference: s.exemptionRef, validFrom: dateOnly(s.exemptionFrom), validTo: dateOnly(s.exemptionTo) }
    : null;

const competence = (s: DoctorShift): DoctorCompetence => ({
  specialistGeneralPractice: s.specialistGeneralPractice,
  approvedGeneralPractitioner: s.approvedGp,
  legevaktWatches: s.watchesDone,
  monthsAsMunicipalGp: s.monthsInMunicipalService,
  courseEmergencyMedicine: s.courseEmergencyMedicine,
  courseViolenceAndAbuse: s.courseViolenceAndAbuse,
  // The last moment of the shift is what counts for its last day (a shift ending at 08:00 ends that day).
  statsforvalterExemption:
    !s.isBackup && exemptionCovers(exemptionOf(s), norwegianDate(s.fromAt), norwegianDate(new Date(s.toAt.getTime() - 1))),
});

/**
 * Stretches of a period with no doctor on call, per district (døgnkontinuerlig legevakt, § 6):
 * every district rostered in the last 90 days counts, so one with no shift in the period is the
 * worst gap of all (a district not rostered for 90 days is taken to be retired). For the LVS's own
 * console and for its wall.
 */
export async function gapsPerDistrict(db: Db, centreId: string, from: Date, to: Date) {
  const since = new Date(from.getTime() - 90 * 24 * 3_600_000);
  const shifts = await db.doctorShift.findMany({ where: { centreId, toAt: { gt: since }, fromAt: { lt: to } } });
  const districts = [...new Set(shifts.map((s) => s.district))].sort((a, b) => a.localeCompare(b, 'nb'));
  return districts.flatMap((district) =>
    uncoveredPeriods(
      from.getTime(),
      to.getTime(),
      shifts
        .filter((s) => s.district === district && s.toAt > from)
        .map((s) => ({ fromAt: s.fromAt.getTime(), toAt: s.toAt.getTime(), isBackup: s.isBackup })),
    ).map((g) => ({ district, from: new Date(g.from).toISOString(), to: new Date(g.to).toISOString() })),
  );
}

export function createRosterService(prisma: Db) {
  return {
    async list(actor: UserActor, from: Date, to: Date) {
      const shifts = await prisma.doctorShift.findMany({
        where: { centreId: actor.centre.id, toAt: { gt: from }, fromAt: { lt: to } },
        orderBy: [{ district: 'asc' }, { fromAt: 'asc' }],
      });
      // Flags are worked out per district: a backup doctor covers only their own district.
      const flags = new Map<string, { code: string; message: string; reasons: string[] }[]>();
      for (const district of new Set(shifts.map((s) => s.district))) {
        const inDistrict = shifts.filter((s) => s.district === district);
        for (const f of rosterFlags(
          inDistrict.map((s) => ({
            id: s.id,
            doctorName: s.doctorName,
            fromAt: s.fromAt.getTime(),
            toAt: s.toAt.getTime(),
            isBackup: s.isBackup,
            competence: competence(s),
          })),
        )) {
          flags.set(f.shiftId, [...(flags.get(f.shiftId) ?? []), { code: f.code, message: f.message, reasons: f.reasons }]);
        }
      }
      const gaps = await gapsPerDistrict(prisma, actor.centre.id, from, to);
      return {
        shifts: shifts.map((s) => {
          const alone = mayBeAloneOnCall(competence(s));
          return {
            id: s.id,
            district: s.district,
            doctorName: s.doctorName,
            fromAt: s.fromAt.toISOString(),
            toAt: s.toAt.toISOString(),
            isBackup: s.isBackup,
            mayBeAlone: alone.ok,
            reasons: alone.reasons,
            flags: flags.get(s.id) ?? [],
            exemption: exemptionOf(s),
          };
        }),
        gaps,
      };
    },

    async add(actor: UserActor, input: DoctorShiftInput) {
      if (actor.centre.kind !== 'LVS') throw badRequest('roster.lvsOnly');
      const { exemption, ...shift } = input;
      const row = await prisma.doctorShift.create({
        data: {
          id: newId(),
          centreId: actor.centre.id,
          ...shift,
          fromAt: new Date(input.fromAt),
          toAt: new Date(input.toAt),
          ...(exemption && {
            exemptionRef: exemption.reference,
            exemptionFrom: new Date(exemption.validFrom),
            exemptionTo: new Date(exemption.validTo),
          }),
        },
      });
      return row.id;
    },
  };
}

export type RosterService = ReturnType<typeof createRosterService>;
