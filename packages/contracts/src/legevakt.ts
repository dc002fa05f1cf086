// The legevakt's doctor-on-call roster with the § 7 competence facts, and the unit crew for a
// shift with the § 11 check.
import { AUTHORISATIONS, CREW_MANNINGS, exemptionProblem } from '@amk/domain';
import { z } from 'zod';
import { IsoTime, Uuid } from './common.js';

const CalendarDate = z.iso.date().describe('YYYY-MM-DD');
export const Section7Exemption = z
  .object({
    reference: z.string().trim().min(1).max(100).describe("the statsforvalter's case reference"),
    validFrom: CalendarDate,
    validTo: CalendarDate,
  })
  .superRefine((e, ctx) => {
    const problem = exemptionProblem(e);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['validTo'] });
  });

export const DoctorShiftInput = z
  .object({
    district: z.string().trim().min(1).max(100),
    doctorName: z.string().trim().min(1).max(200),
    fromAt: IsoTime,
    toAt: IsoTime,
    isBackup: z.boolean().default(false),
    specialistGeneralPractice: z.boolean().default(false),
    approvedGp: z.boolean().default(false),
    watchesDone: z.number().int().min(0).max(10_000).default(0),
    monthsInMunicipalService: z.number().int().min(0).max(1_000).default(0),
    courseEmergencyMedicine: z.boolean().default(false),
    courseViolenceAndAbuse: z.boolean().default(false),
    /** § 7 third paragraph: the statsforvalter's exemption (not for a backup doctor) */
    exemption: Section7Exemption.optional(),
  })
  .refine((s) => new Date(s.fromAt) < new Date(s.toAt), { message: 'the shift must end after it starts', path: ['toAt'] })
  .refine((s) => !(s.isBackup && s.exemption), { message: 'a backup doctor cannot be exempted (§ 7 tredje ledd)', path: ['exemption'] });
export type DoctorShiftInput = z.infer<typeof DoctorShiftInput>;

export const RosterFlagSummary = z.object({ code: z.string(), message: z.string(), reasons: z.array(z.string()) });

export const DoctorShiftSummary = z.object({
  id: Uuid,
  district: z.string(),
  doctorName: z.string(),
  fromAt: IsoTime,
  toAt: IsoTime,
  isBackup: z.boolean(),
  /** § 7 first paragraph: may this doctor be on call alone? */
  mayBeAlone: z.boolean(),
  reasons: z.array(z.string()),
  flags: z.array(RosterFlagSummary),
  exemption: Section7Exemption.nullable(),
});
export type DoctorShiftSummary = z.infer<typeof DoctorShiftSummary>;
/** A stretch with no doctor on call in a district (døgnkontinuerlig legevakt, § 6). */
export const RosterGap = z.object({ district: z.string(), from: IsoTime, to: IsoTime });
export type RosterGap = z.infer<typeof RosterGap>;
export const Roster = z.object({ shifts: z.array(DoctorShiftSummary), gaps: z.array(RosterGap) });
export const RosterQuery = z.object({ from: IsoTime.optional(), to: IsoTime.optional() });

/** § 11: ambulance worker (paramedic included), other health personnel with authorisation or licence, nurse, doctor, rescue man, boat driver. */
export const Authorisation = z.enum(AUTHORISATIONS);
export const CrewMemberInput = z.object({
  personName: z.string().trim().min(1).max(200),
  authorisation: Authorisation,
  /** § 11 first paragraph: driving licence for the vehicle class; absent: held */
  drivingLicence: z.boolean().optional(),
  /** § 11 first paragraph: certificate for drivers of emergency vehicles; absent: held */
  emergencyDrivingCertificate: z.boolean().optional(),
  /** § 11 sixth paragraph: a temporary post of up to two months may be exempt from both */
  temporaryPost: z
    .object({ from: CalendarDate, to: CalendarDate })
    .refine((p) => p.from <= p.to, { message: 'the temporary post ends before it begins', path: ['to'] })
    .optional(),
});
export type CrewMemberInput = z.infer<typeof CrewMemberInput>;
export const SetCrewRequest = z.object({
  members: z.array(CrewMemberInput).max(10),
  /** § 11 second paragraph: on site (tilstedevakt, the rule) or on call from home; default on site */
  manning: z.enum(CREW_MANNINGS).optional(),
});
/** § 11 second paragraph: the low-volume exception from tilstedevakt decided for a car, or null to withdraw it. */
export const OnCallExemptionRequest = z.object({ ref: z.string().trim().min(3, 'skriv vedtakets referanse').max(200).nullable() });

/** § 15 m: a shift of the AMK's doctor with emergency-medicine competence. */
export const AmkDoctorShiftInput = z
  .object({
    doctorName: z.string().trim().min(1, 'skriv legens navn').max(200),
    reachAt: z.string().trim().max(100).optional().describe('how AMK reaches the doctor: a phone number or a call sign'),
    fromAt: IsoTime,
    toAt: IsoTime,
  })
  .refine((s) => new Date(s.fromAt) < new Date(s.toAt), { message: 'vakten må slutte etter at den begynner', path: ['toAt'] })
  .refine((s) => new Date(s.toAt).getTime() - new Date(s.fromAt).getTime() <= 7 * 24 * 3_600_000, {
    message: 'en vakt kan vare høyst 7 døgn',
    path: ['toAt'],
  });
export type AmkDoctorShiftInput = z.infer<typeof AmkDoctorShiftInput>;
export const AmkDoctorShift = z.object({
  id: Uuid,
  doctorName: z.string(),
  reachAt: z.string().nullable(),
  fromAt: IsoTime,
  toAt: IsoTime,
});
export type AmkDoctorShift = z.infer<typeof AmkDoctorShift>;
/** The AMK doctor roster for a period, and the stretches of it with no AMK doctor (§ 15 m: around the clock). */
export const AmkDoctorRoster = z.object({
  shifts: z.array(AmkDoctorShift),
  gaps: z.array(z.object({ from: IsoTime, to: IsoTime })),
});
export type AmkDoctorRoster = z.infer<typeof AmkDoctorRoster>;
