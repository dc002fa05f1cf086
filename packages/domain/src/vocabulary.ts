// The shared words of the dispatch domain: each vocabulary is written once, here, as a list of
// its values. The contracts build their zod enums from these lists, and the schema test checks
// that prisma/schema.prisma's enums hold the same values, so the three cannot drift apart.

/** The number the caller rang: 113 (AMK, § 15), 116117 or the local legevakt number (LVS, § 13). */
export const LINES = ['113', '116117', 'LEGEVAKT'] as const;
export type Line = (typeof LINES)[number];

/** Hastegrad: A = akutt (red), H = haster (yellow), V = vanlig (green). */
export const URGENCIES = ['A', 'H', 'V'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const ROLES = ['amk_operator', 'amk_doctor', 'lv_operator', 'supervisor', 'admin', 'responder', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const CENTRE_KINDS = ['AMK', 'LVS'] as const;
export type CentreKind = (typeof CENTRE_KINDS)[number];

/** The lines each kind of centre answers: AMK the 113 line (§ 15), a legevaktsentral 116117 and its own number (§ 13). */
export const LINES_BY_CENTRE_KIND: Readonly<Record<CentreKind, readonly [Line, ...Line[]]>> = { AMK: ['113'], LVS: ['116117', 'LEGEVAKT'] };

export const CALL_STATES = ['RINGING', 'ANSWERED', 'ENDED', 'ABANDONED'] as const;
export type CallState = (typeof CALL_STATES)[number];

export const CALL_SOURCES = ['CTI', 'MANUAL', 'EXERCISE'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

export const UNIT_KINDS = ['AMBULANCE_CAR', 'AMBULANCE_BOAT', 'HELICOPTER', 'PLANE', 'LEGEVAKT_CAR'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_STATUSES = [
  'AVAILABLE_AT_STATION',
  'AVAILABLE_ON_THE_MOVE',
  'ALERTED',
  'EN_ROUTE',
  'ON_SCENE',
  'TRANSPORTING',
  'AT_HOSPITAL',
  'UNAVAILABLE',
  'OUT_OF_SERVICE',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Triagekategori in a major incident (§ 15 o): rød (immediate), gul (urgent), grønn (can wait), død (dead). */
export const TRIAGE_CATEGORIES = ['RED', 'YELLOW', 'GREEN', 'DEAD'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

/** The level a major incident is declared with: gul (raised) or rød (full) beredskap. */
export const MAJOR_INCIDENT_LEVELS = ['YELLOW', 'RED'] as const;
export type MajorIncidentLevel = (typeof MAJOR_INCIDENT_LEVELS)[number];

/** A calendar date without time or zone, 'YYYY-MM-DD'. Compares correctly as a string. */
export type IsoDate = string;

/** A WGS84 position in decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}
