import { z } from 'zod';
import { CallSource, CallState, IsoTime, Latitude, Line, Longitude, PhoneNumber, Urgency, Uuid } from './common.js';

/** Telephony (CTI) registers a ringing call. The same externalId again returns the same call. */
export const RegisterCallRequest = z.object({
  externalId: z.string().trim().min(1, 'externalId is required').max(200),
  centre: z.string().trim().min(1).max(50).describe('Centre code, e.g. AMK-BERGEN'),
  line: Line,
  callerNumber: PhoneNumber,
  ringingAt: IsoTime,
  exercise: z.boolean().optional().describe('a training call from `pnpm simulate`: marked as such and kept out of the quality indicators'),
});
export type RegisterCallRequest = z.infer<typeof RegisterCallRequest>;

/** An operator registers a call by hand. The console chooses the id, so a retry cannot duplicate. */
export const CreateCallRequest = z
  .object({
    id: Uuid.describe('Chosen by the client; sending the same id again returns the same call'),
    line: Line,
    callerNumber: PhoneNumber.optional(),
    callerName: z.string().trim().max(200).optional(),
    addressText: z.string().trim().max(500).optional(),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
    urgency: Urgency.optional(),
    summary: z.string().trim().max(2000).optional(),
  })
  .refine((c) => (c.lat === undefined) === (c.lon === undefined), { message: 'lat and lon come together', path: ['lat'] });
export type CreateCallRequest = z.infer<typeof CreateCallRequest>;

/** What every console of the centre sees of a call: no fødselsnummer, no journal. */
export const CallSummary = z.object({
  id: Uuid,
  centreId: Uuid,
  externalId: z.string().nullable(),
  line: Line,
  source: CallSource,
  state: CallState,
  callerNumber: z.string().nullable(),
  callerName: z.string().nullable(),
  ringingAt: IsoTime,
  answeredAt: IsoTime.nullable(),
  endedAt: IsoTime.nullable(),
  operatorId: Uuid.nullable(),
  urgency: Urgency.nullable(),
  criterionCode: z.string().nullable(),
  addressText: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  positionRadiusM: z.number().nullable(),
  kommunenummer: z.string().nullable(),
  summary: z.string().nullable(),
  closedAt: IsoTime.nullable(),
  updatedAt: IsoTime,
});
export type CallSummary = z.infer<typeof CallSummary>;

export const CallList = z.object({ calls: z.array(CallSummary) });

/** Telephony: the call was answered. Idempotent: a second message changes nothing. */
export const CallAnsweredRequest = z.object({
  answeredAt: IsoTime,
  operator: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Username of the operator who answered, if the telephony system knows it'),
});
export type CallAnsweredRequest = z.infer<typeof CallAnsweredRequest>;

/** Telephony: the call ended. A call that ends before it was answered is recorded as abandoned. */
export const CallEndedRequest = z.object({ endedAt: IsoTime });
export type CallEndedRequest = z.infer<typeof CallEndedRequest>;

export const ExternalIdParams = z.object({ externalId: z.string().trim().min(1).max(200) });
export const CallIdParams = z.object({ id: Uuid });

export const PositionMethod = z.enum(['GNSS', 'WIFI', 'CELL', 'FUSED', 'UNKNOWN', 'MANUAL']);

/** What the AML gateway gets back: where the caller is, which call it went to, which kommune. */
export const AmlResponse = z.object({
  callId: Uuid.nullable().describe('null while the call has not been registered yet; the position waits up to an hour'),
  position: z.object({ lat: z.number(), lon: z.number(), radiusM: z.number(), at: IsoTime, method: PositionMethod }),
  kommunenummer: z.string().nullable(),
  kommunenavn: z.string().nullable(),
});
export type AmlResponse = z.infer<typeof AmlResponse>;

export const AmlQuery = z.object({ msisdn: PhoneNumber.optional() });
