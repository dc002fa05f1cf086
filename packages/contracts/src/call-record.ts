// The full call record (patient data: every read is audited) and the commands that change it.
import { JOURNAL_KINDS, SEXES } from '@amk/domain';
import { z } from 'zod';
import { CallSummary } from './calls.js';
import { IsoDate, IsoTime, Latitude, Longitude, Urgency, Uuid } from './common.js';
import { JournalMessage } from './journal-messages.js';

export const Sex = z.enum(SEXES);

export const JournalEntry = z.object({
  id: Uuid,
  at: IsoTime,
  author: z.string(),
  kind: z.enum(JOURNAL_KINDS),
  /** As written, in Norwegian. */
  text: z.string(),
  /** For a line the system wrote: its key and values, to be worded in the reader's language. */
  message: JournalMessage.nullable(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const CallRecord = CallSummary.extend({
  patientName: z.string().nullable(),
  nationalId: z.string().nullable().describe('fødselsnummer or d-nummer; patient data'),
  birthDate: z.string().nullable(),
  ageYears: z.number().int().nullable(),
  sex: Sex.nullable(),
  language: z.string().nullable(),
  interpreterUsed: z.boolean(),
  urgencyReason: z.string().nullable(),
  positionMethod: z.string().nullable(),
  positionAt: IsoTime.nullable(),
  incidentId: Uuid.nullable(),
  linkedCalls: z.array(z.object({ id: Uuid, ringingAt: IsoTime, callerNumber: z.string().nullable(), state: z.string() })),
  /** missions made for this call, open or closed: none means it is finished with a stated reason */
  missionCount: z.number().int().nonnegative(),
  journal: z.array(JournalEntry),
});
export type CallRecord = z.infer<typeof CallRecord>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Change the record; only the fields sent change. null clears a field. */
export const UpdateCallRequest = z
  .object({
    callerName: optionalText(200),
    patientName: optionalText(200),
    nationalId: z.string().trim().nullable().optional().describe('11 digits; checked by its check digits'),
    birthDate: IsoDate.nullable().optional(),
    ageYears: z.number().int().min(0).max(130).nullable().optional(),
    sex: Sex.nullable().optional(),
    addressText: optionalText(500),
    lat: Latitude.nullable().optional(),
    lon: Longitude.nullable().optional(),
    language: optionalText(50),
    interpreterUsed: z.boolean().optional(),
    summary: optionalText(2000),
  })
  .strict()
  .refine((c) => (c.lat === undefined) === (c.lon === undefined), { message: 'lat and lon come together', path: ['lat'] })
  .refine((c) => Object.keys(c).length > 0, { message: 'send at least one field to change' });
export type UpdateCallRequest = z.infer<typeof UpdateCallRequest>;

export const AddJournalEntryRequest = z.object({ text: z.string().trim().min(1, 'write something').max(4000) });

export const TriageRequest = z.object({
  criterionCode: z
    .string()
    .trim()
    .regex(/^[AHV]\.\d{2}\.\d{2}$/, 'a criterion code looks like A.06.01'),
  urgency: Urgency.optional().describe('defaults to the urgency the criterion gives'),
  reason: z.string().trim().max(1000).optional().describe('required when the urgency differs from the criterion'),
});
export type TriageRequest = z.infer<typeof TriageRequest>;

export const LinkCallsRequest = z.object({ otherCallId: Uuid });

export const TriageCriterion = z.object({
  code: z.string(),
  urgency: Urgency,
  chapter: z.number().int(),
  chapterTitle: z.string(),
  text: z.string(),
  isSample: z.boolean(),
});
export type TriageCriterion = z.infer<typeof TriageCriterion>;

export const CriteriaImportResult = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
