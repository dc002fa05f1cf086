// The shared words of the dispatch domain, as plain string unions.
// They mirror the enums in packages/contracts/src/common.ts (and prisma/schema.prisma); they are
// repeated here on purpose because this package imports nothing, not even our own contracts.

/** The number the caller rang: 113 (AMK, § 15), 116117 or the local legevakt number (LVS, § 13). */
export type Line = '113' | '116117' | 'LEGEVAKT';
export const LINES: readonly Line[] = ['113', '116117', 'LEGEVAKT'];

/** Hastegrad: A = akutt (red), H = haster (yellow), V = vanlig (green). */
export type Urgency = 'A' | 'H' | 'V';

export type Role = 'amk_operator' | 'amk_doctor' | 'lv_operator' | 'supervisor' | 'admin' | 'responder' | 'auditor';

export type CentreKind = 'AMK' | 'LVS';

export type UnitKind = 'AMBULANCE_CAR' | 'AMBULANCE_BOAT' | 'HELICOPTER' | 'PLANE' | 'LEGEVAKT_CAR';

export type UnitStatus =
  | 'AVAILABLE_AT_STATION'
  | 'AVAILABLE_ON_THE_MOVE'
  | 'ALERTED'
  | 'EN_ROUTE'
  | 'ON_SCENE'
  | 'TRANSPORTING'
  | 'AT_HOSPITAL'
  | 'UNAVAILABLE'
  | 'OUT_OF_SERVICE';

export const UNIT_STATUSES: readonly UnitStatus[] = [
  'AVAILABLE_AT_STATION',
  'AVAILABLE_ON_THE_MOVE',
  'ALERTED',
  'EN_ROUTE',
  'ON_SCENE',
  'TRANSPORTING',
  'AT_HOSPITAL',
  'UNAVAILABLE',
  'OUT_OF_SERVICE',
];

/** A calendar date without time or zone, 'YYYY-MM-DD'. Compares correctly as a string. */
export type IsoDate = string;

/** A WGS84 position in decimal degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}
