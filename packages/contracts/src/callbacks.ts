// Tilbakeringing: callers who hung up before anyone answered, waiting on the centre's callback list
// until an operator says how calling back went. Each item carries the caller's number: patient
// data, so every read is audited.
import { CALLBACK_OUTCOMES, OPERATOR_CALLBACK_OUTCOMES } from '@amk/domain';
import { z } from 'zod';
import { IsoTime, Line, Uuid } from './common.js';

export const CallbackOutcome = z.enum(CALLBACK_OUTCOMES);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;

export const CallbackSummary = z.object({
  id: Uuid,
  /** the call that rang out unanswered */
  callId: Uuid,
  centreId: Uuid,
  line: Line,
  callerNumber: z.string().nullable(),
  ringingAt: IsoTime,
  endedAt: IsoTime.nullable(),
  /** how long the caller waited before hanging up */
  waitedSeconds: z.number().int().nonnegative(),
  exercise: z.boolean(),
  resolvedAt: IsoTime.nullable(),
  outcome: CallbackOutcome.nullable(),
  linkedCallId: Uuid.nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: IsoTime,
});
export type CallbackSummary = z.infer<typeof CallbackSummary>;

export const CallbackList = z.object({ callbacks: z.array(CallbackSummary) });
export type CallbackList = z.infer<typeof CallbackList>;

export const CallbackIdParams = z.object({ callbackId: Uuid });

/** An operator settles a callback: how calling back went, or the later call from the same number. */
export const ResolveCallbackRequest = z.object({
  outcome: z.enum(OPERATOR_CALLBACK_OUTCOMES).describe('REACHED, NO_ANSWER, WRONG_NUMBER, or LINKED with linkedCallId'),
  linkedCallId: Uuid.optional().describe('with outcome LINKED: a later call from the same number'),
  note: z.string().trim().max(500).optional(),
});
export type ResolveCallbackRequest = z.infer<typeof ResolveCallbackRequest>;
