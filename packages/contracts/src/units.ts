import { z } from 'zod';
import { IsoTime, UnitKind, UnitStatus, Uuid } from './common.js';

export const StationSummary = z.object({
  id: Uuid,
  centreId: Uuid,
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  kommunenummer: z.string(),
});
export type StationSummary = z.infer<typeof StationSummary>;

/** A unit whose centreId is not the viewer's is a neighbouring centre's (§ 15 i overview). */
export const UnitSummary = z.object({
  id: Uuid,
  callSign: z.string(),
  kind: UnitKind,
  centreId: Uuid,
  stationId: Uuid.nullable(),
  status: UnitStatus,
  statusAt: IsoTime,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  positionAt: IsoTime.nullable(),
  crewOk: z.boolean(),
  crewProblem: z.string().nullable(),
  /** An operator let the unit work although its crew fails § 11: why, when, who. Kept until the crew changes. */
  crewOverride: z.object({ reason: z.string(), at: IsoTime, by: z.string() }).nullable(),
  /** Lent to this centre (mutual aid, § 10 d) until it is released there; null: at home. */
  lentToCentreId: Uuid.nullable(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

/** A unit terminal reports its status. A report older than the unit's last status is ignored. */
export const UnitStatusReport = z.object({ status: UnitStatus, at: IsoTime });
export type UnitStatusReport = z.infer<typeof UnitStatusReport>;

/** A unit terminal reports its position. A report older than the last one is ignored. */
export const UnitPositionReport = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  at: IsoTime,
  speedKmh: z.number().min(0).max(1000).optional(),
  headingDeg: z.number().min(0).max(360).optional(),
});
export type UnitPositionReport = z.infer<typeof UnitPositionReport>;

export const UnitReportAnswer = z.object({
  unit: UnitSummary,
  /** false when the report was older than what the unit already had, or repeated it */
  applied: z.boolean(),
});

export const CallSignParams = z.object({ callSign: z.string().trim().min(1).max(30) });
export const UnitIdParams = z.object({ unitId: Uuid });

/**
 * Overrides the § 11 refusal: the unit becomes available, or is sent, although its crew fails
 * § 11. The reason is kept on the unit (and the mission), shown and audited.
 */
export const CrewOverride = z.object({ reason: z.string().trim().min(3, 'skriv en begrunnelse for overstyringen').max(500) });
export type CrewOverride = z.infer<typeof CrewOverride>;

/** An operator sets a unit's status by hand. */
export const SetUnitStatusRequest = z.object({ status: UnitStatus, override: CrewOverride.optional() });

/**
 * A unit moved. Positions are a stream, not history: they are not kept in the event log (the
 * snapshot has each unit's latest position) and arrive batched as the socket event `positions`.
 */
export const UnitMoved = z.object({
  id: Uuid,
  lat: z.number(),
  lon: z.number(),
  at: IsoTime,
  speedKmh: z.number().nullable(),
  headingDeg: z.number().nullable(),
});
export type UnitMoved = z.infer<typeof UnitMoved>;
