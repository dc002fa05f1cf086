// Missions (oppdrag): units sent to an incident, every status change of every unit on the
// mission's timeline, closed with an outcome (§ 15 h).
import { MISSION_KINDS, SETTLEMENT_CLASSES, STATUS_CHANGE_SOURCES } from '@amk/domain';
import { z } from 'zod';
import { IsoTime, Latitude, Longitude, UnitKind, UnitStatus, Urgency, Uuid } from './common.js';
import { CrewOverride } from './units.js';

export const MissionKind = z.enum(MISSION_KINDS);

export const MissionSummary = z.object({
  id: Uuid,
  centreId: Uuid,
  callId: Uuid.nullable(),
  incidentId: Uuid.nullable(),
  kind: MissionKind,
  urgency: Urgency.nullable(),
  eventType: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  kommunenummer: z.string().nullable(),
  createdAt: IsoTime,
  closedAt: IsoTime.nullable(),
  outcome: z.string().nullable(),
  units: z.array(
    z.object({
      unitId: Uuid,
      callSign: z.string(),
      assignedAt: IsoTime,
      releasedAt: IsoTime.nullable(),
      /** sent although its crew failed § 11: the operator's reason */
      crewOverrideReason: z.string().nullable(),
    }),
  ),
  /** call answered → first unit on scene, in minutes; null until a unit is on scene */
  responseMinutes: z.number().nullable(),
  /**
   * The latest moment on the mission (created, a unit assigned or released, a status change,
   * closed). It never goes backwards, so a console keeps the newer of two copies.
   */
  updatedAt: IsoTime,
});
export type MissionSummary = z.infer<typeof MissionSummary>;

export const TimelineEntry = z.object({
  at: IsoTime,
  unitId: Uuid,
  callSign: z.string(),
  status: UnitStatus,
  source: z.enum(STATUS_CHANGE_SOURCES),
  /** why, when the system made the change (e.g. the mission was closed and released the unit) */
  reason: z.string().nullable(),
});
export const MissionDetail = MissionSummary.extend({ timeline: z.array(TimelineEntry) });
export type MissionDetail = z.infer<typeof MissionDetail>;

export const CreateMissionRequest = z
  .object({
    id: Uuid.describe('chosen by the client; the same id again returns the same mission'),
    callId: Uuid.optional(),
    kind: MissionKind.default('AMBULANCE'),
    unitIds: z.array(Uuid).min(1, 'choose at least one unit').max(20),
    urgency: Urgency.optional(),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
    /** sends units whose crew fails § 11 anyway, with the reason */
    override: CrewOverride.optional(),
  })
  .refine((m) => (m.lat === undefined) === (m.lon === undefined), { message: 'lat and lon come together', path: ['lat'] });
export type CreateMissionRequest = z.infer<typeof CreateMissionRequest>;

export const AssignUnitRequest = z.object({ unitId: Uuid, override: CrewOverride.optional() });
export const CloseMissionRequest = z.object({ outcome: z.string().trim().min(1, 'write the outcome').max(1000) });
export const MissionIdParams = z.object({ missionId: Uuid });

/** A unit as the ranking names it, recommended or left out. */
const RankedUnit = z.object({
  unitId: Uuid,
  callSign: z.string(),
  kind: UnitKind,
  status: UnitStatus,
  centreId: Uuid,
  /** false: a neighbouring centre's unit */
  own: z.boolean(),
});
export const Recommendation = RankedUnit.extend({
  etaMinutes: z.number(),
  distanceKm: z.number(),
  method: z.enum(['road', 'sea', 'straight', 'routing']),
});
/** Why a unit the operator might expect is not in the ranking. */
export const ExclusionReason = z.enum(['CREW_FAILS_SECTION_11', 'POSITION_STALE', 'OTHER_CENTRE', 'ON_ANOTHER_MISSION']);
export type ExclusionReason = z.infer<typeof ExclusionReason>;
export const ExcludedUnit = RankedUnit.extend({
  reason: ExclusionReason,
  /** the § 11 problem in words, or the age of the last position in minutes */
  crewProblem: z.string().nullable(),
  positionAgeMinutes: z.number().nullable(),
  /** the unit's standing § 11 override, if an operator gave one */
  crewOverrideReason: z.string().nullable(),
  distanceKm: z.number().nullable(),
});
export type ExcludedUnit = z.infer<typeof ExcludedUnit>;
export const RecommendationList = z.object({
  target: z.object({ lat: z.number(), lon: z.number() }),
  units: z.array(Recommendation),
  /** units left out of the ranking, nearest first, with the reason */
  excluded: z.array(ExcludedUnit),
  /** a position older than this many minutes is not trusted */
  maxPositionAgeMinutes: z.number(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const KommunePreparedness = z.object({
  kommunenummer: z.string(),
  kommunenavn: z.string(),
  settlementClass: z.enum(SETTLEMENT_CLASSES),
  guidelineMinutes: z.number(),
  /** free ambulances (car, boat, helicopter; own and neighbouring) that reach it within the guideline */
  freeAmbulances: z.number().int(),
  nearestFreeEtaMinutes: z.number().nullable(),
  nearestFreeCallSign: z.string().nullable(),
  /** no free ambulance can reach the kommune within its guideline time */
  gap: z.boolean(),
});
export const PreparednessReport = z.object({ at: IsoTime, kommuner: z.array(KommunePreparedness) });
export type PreparednessReport = z.infer<typeof PreparednessReport>;
export type RecommendationList = z.infer<typeof RecommendationList>;
