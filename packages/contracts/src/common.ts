// Vocabulary shared by every contract: the zod enums are built from the domain's lists (one
// source per vocabulary; prisma/schema.prisma's enums are checked against them in the schema test).
import { CALL_SOURCES, CALL_STATES, CENTRE_KINDS, LINES, ROLES, UNIT_KINDS, UNIT_STATUSES, URGENCIES } from '@amk/domain';
import { z } from 'zod';

export const Line = z.enum(LINES).describe('The number the caller rang: 113 (AMK), 116117 or the local legevakt number (LVS)');
export type Line = z.infer<typeof Line>;

export const Urgency = z.enum(URGENCIES).describe('Hastegrad: A = akutt (red), H = haster (yellow), V = vanlig (green)');
export type Urgency = z.infer<typeof Urgency>;

export const CallState = z.enum(CALL_STATES);
export type CallState = z.infer<typeof CallState>;

export const CallSource = z.enum(CALL_SOURCES);
export type CallSource = z.infer<typeof CallSource>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CentreKind = z.enum(CENTRE_KINDS);
export type CentreKind = z.infer<typeof CentreKind>;

export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitStatus = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatus>;

/**
 * The times the product can mean, from 1900 up to the end of 2999 (UTC). Wider than any call,
 * birth or report needs, and well inside what PostgreSQL stores: "0000-01-01T00:00:00Z" or
 * "9999-12-31T23:59:59-14:00" (year 10000 in UTC) look valid but make the database fail.
 */
export const EARLIEST_TIME = '1900-01-01T00:00:00Z';
export const LATEST_TIME = '2999-12-31T23:59:59.999Z';
const TIME_RANGE_MESSAGE = 'a time between 1900 and 2999';
const withinTimeRange = (v: string) => {
  const t = Date.parse(v);
  return t >= Date.parse(EARLIEST_TIME) && t <= Date.parse(LATEST_TIME);
};

/** An ISO 8601 time with an offset, e.g. 2026-11-22T09:15:00Z. Read as a string, used as a Date. */
export const IsoTime = z.iso
  .datetime({ offset: true })
  .refine(withinTimeRange, TIME_RANGE_MESSAGE)
  .describe('ISO 8601 time with offset, e.g. 2026-11-22T09:15:00+01:00');

/** A calendar date, YYYY-MM-DD, in the same range as IsoTime. */
export const IsoDate = z.iso
  .date()
  .refine((d) => d >= EARLIEST_TIME.slice(0, 10) && d <= LATEST_TIME.slice(0, 10), 'a date between 1900-01-01 and 2999-12-31')
  .describe('a calendar date, YYYY-MM-DD');

export const Uuid = z.uuid();

export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);

/** Phone numbers as the network gives them: digits with an optional leading +. */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{3,15}$/, 'a phone number is 3 to 15 digits, optionally starting with +');

/**
 * The body of every 4xx/5xx answer. `message` is written for the person who sent the request, in the
 * language its Accept-Language asks for (bokmål for nb/nn/no, English for en or no header); `code`
 * names the message (stable, e.g. 'call.alreadyTaken') for clients that act on which refusal it was.
 */
export const ApiError = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  code: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;
