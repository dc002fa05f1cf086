// The supervisors' wall display and the quality indicators: figures, never patient details, so a
// region wall may show several centres side by side.
import { CENTRE_KINDS, SETTLEMENT_CLASSES } from '@amk/domain';
import { z } from 'zod';
import { CentreRef } from './auth.js';
import { IsoTime, Uuid } from './common.js';
import { MajorIncidentSummary } from './major-incidents.js';
import { MissionSummary, PreparednessReport } from './missions.js';
import { UnitSummary } from './units.js';
import { LineAnswerSummary, reportLimitMessage, withinReportLimit } from './stats.js';

export const WallCentre = z.object({
  centre: z.object({ id: Uuid, code: z.string(), name: z.string(), kind: z.enum(CENTRE_KINDS) }),
  openCalls: z.object({
    A: z.number().int(),
    H: z.number().int(),
    V: z.number().int(),
    none: z.number().int(),
    ringing: z.number().int(),
    oldestOpenAt: IsoTime.nullable(),
    /** when the longest-waiting open call of each kind rang: its age is what a supervisor watches */
    oldestAt: z.object({
      A: IsoTime.nullable(),
      H: IsoTime.nullable(),
      V: IsoTime.nullable(),
      none: IsoTime.nullable(),
      ringing: IsoTime.nullable(),
    }),
  }),
  unitsByStatus: z.record(z.string(), z.number().int()),
  stations: z.array(z.object({ name: z.string(), free: z.number().int(), busy: z.number().int(), unavailable: z.number().int() })),
  answerToday: z.array(LineAnswerSummary),
  /** share within the answer bar per hour today (Norwegian time), for the trend line */
  answerTrend: z.array(z.object({ hour: z.number().int(), share: z.number().nullable(), calls: z.number().int() })),
  responseToday: z.object({
    TOWN: z.object({ count: z.number().int(), share: z.number().nullable(), targetMinutes: z.number() }),
    RURAL: z.object({ count: z.number().int(), share: z.number().nullable(), targetMinutes: z.number() }),
  }),
  akutthjelperMissionsToday: z.number().int(),
  notificationsAwaitingAck: z.number().int(),
  /** notifications from other centres of the installation in this centre's inbox, not yet acknowledged */
  inboxAwaitingAck: z.number().int(),
  /** notifications between this centre and another of the installation (either way) unacknowledged after 60 s: red */
  centreNotificationsLate: z.number().int(),
  transfersWaiting: z.number().int(),
  /** lost callers not yet called back (tilbakeringing) */
  callbacksOpen: z.number().int(),
  /**
   * local accounts an administrator has opened for break-glass sign-in beside single sign-on:
   * whose, until when, and when it was last used to sign in (null: not used yet)
   */
  breakGlass: z.array(z.object({ name: z.string(), until: IsoTime, lastUsedAt: IsoTime.nullable() })),
  preparednessGaps: z.array(z.object({ kommunenummer: z.string(), kommunenavn: z.string() })),
  /**
   * stretches of the next 7 days with no doctor: for an LVS, no doctor on call in a district
   * (døgnkontinuerlig legevakt, § 6); for an AMK, no AMK doctor (§ 15 m, district null)
   */
  doctorGaps: z.array(z.object({ district: z.string().nullable(), from: IsoTime, to: IsoTime })),
  /** open major incidents (§ 15 o): patients per triage category and per hospital, counts only */
  majorIncidents: z.array(
    MajorIncidentSummary.pick({ id: true, level: true, description: true, declaredAt: true, byCategory: true, byHospital: true }).extend({
      /** units sent to it, and those not checked in at the holding area by when they should have */
      unitsSent: z.number().int(),
      unitsOverdue: z.number().int(),
    }),
  ),
  /** open takeovers (§ 15 p, § 12 d) this centre is in, as the centre taken over or its backup */
  takeovers: z.array(z.object({ centre: z.string(), backupCentre: z.string(), startedAt: IsoTime, endsAt: IsoTime.nullable() })),
});
export type WallCentre = z.infer<typeof WallCentre>;
export const WallQuery = z.object({ centres: z.string().max(300).optional().describe('comma-separated centre codes; default: my own') });
export const Wall = z.object({ at: IsoTime, centres: z.array(WallCentre) });
export type Wall = z.infer<typeof Wall>;

/** The centres whose figures I may show: on the wall, and in the quality indicators. */
export const WallCentreOptions = z.object({ centres: z.array(CentreRef) });
export type WallCentreOptions = z.infer<typeof WallCentreOptions>;

export const IndicatorsQuery = z
  .object({
    from: IsoTime,
    to: IsoTime,
    centre: z
      .string()
      .max(50)
      .optional()
      .describe('a centre code; default: my own. Same rule as the wall: own, neighbouring and legevakt centres of the area'),
  })
  .refine((q) => new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['from'] })
  .refine(withinReportLimit, { message: reportLimitMessage, path: ['from'] });
export const Indicators = z.object({
  from: IsoTime,
  to: IsoTime,
  answerTimes: z.array(LineAnswerSummary),
  responseTimes: z.array(
    z.object({
      urgency: z.string(),
      settlementClass: z.enum(SETTLEMENT_CLASSES),
      count: z.number().int(),
      withinTarget: z.number().int(),
      share: z.number().nullable(),
      medianMinutes: z.number().nullable(),
    }),
  ),
  callsByHour: z.array(z.object({ hour: z.number().int(), calls: z.number().int() })),
  callsByChapter: z.array(z.object({ chapter: z.number().int().nullable(), chapterTitle: z.string().nullable(), calls: z.number().int() })),
  /** hand-overs per pair of centres, with the time from offer to acceptance */
  transfers: z.array(
    z.object({
      direction: z.string(),
      fromCentre: z.string(),
      toCentre: z.string(),
      requested: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
      medianAcceptSeconds: z.number().nullable(),
      maxAcceptSeconds: z.number().nullable(),
    }),
  ),
  akutthjelper: z.object({ alertedMissions: z.number().int(), arrivals: z.number().int(), arrivedBeforeAmbulance: z.number().int() }),
  /** deviations from § 11: overrides of the crew refusal, to send a unit or to make it available */
  crewOverrides: z.object({ total: z.number().int(), dispatches: z.number().int(), statusChanges: z.number().int() }),
});
export type Indicators = z.infer<typeof Indicators>;

/**
 * § 14 e: what the region's coordinating AMK sees of every AMK in the region, read-only: its
 * preparedness per kommune, its units and its open missions (no patient details).
 */
export const RegionOverview = z.object({
  at: IsoTime,
  region: z.string(),
  centres: z.array(
    z.object({
      centre: z.object({ id: Uuid, code: z.string(), name: z.string() }),
      preparedness: PreparednessReport,
      units: z.array(UnitSummary),
      openMissions: z.array(MissionSummary),
    }),
  ),
});
export type RegionOverview = z.infer<typeof RegionOverview>;
