// Hand-overs between centres of this installation: § 13 b (LVS → AMK, LVS → LVS), § 15 e
// (AMK → AMK) and § 15 g (AMK → the LVS that covers the patient's kommune).
import { TRANSFER_STATES } from '@amk/domain';
import { z } from 'zod';
import { CentreRef } from './auth.js';
import { CallSummary } from './calls.js';
import { IsoTime, Uuid } from './common.js';

export const TransferState = z.enum(TRANSFER_STATES);

export const TransferSummary = z.object({
  id: Uuid,
  callId: Uuid,
  fromCentre: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  toCentre: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  reason: z.string(),
  state: TransferState,
  requestedAt: IsoTime,
  requestedBy: z.string(),
  answeredAt: IsoTime.nullable(),
  answeredBy: z.string().nullable(),
  /** Seconds from the offer to its answer (acceptance or refusal); null while it waits. */
  answerSeconds: z.number().nonnegative().nullable(),
  /** The paragraph the hand-over rests on, e.g. '§ 15 e'. */
  basis: z.string().nullable(),
  /** The caller was conference-connected to the receiving centre. */
  conference: z.boolean(),
  /** The call as it stands, so the receiving centre can decide before it owns the record. */
  call: CallSummary,
});
export type TransferSummary = z.infer<typeof TransferSummary>;

export const RequestTransferRequest = z.object({
  toCentre: z.string().trim().min(1).max(50).describe('centre code, e.g. AMK-BERGEN'),
  reason: z.string().trim().min(1, 'say why the call is handed over').max(1000),
  conference: z.boolean().optional().describe('the caller is conference-connected to the receiving centre'),
});
export const AnswerTransferRequest = z.object({ decision: z.enum(['ACCEPT', 'DECLINE']), note: z.string().trim().max(1000).optional() });
export const TransferIdParams = z.object({ transferId: Uuid });
export const TransferList = z.object({ transfers: z.array(TransferSummary) });

/** A centre a call can be handed to or notified, with the kommuner it covers (§ 15 g: the LVS of the patient's kommune). */
export const CentreOption = CentreRef.extend({ kommuner: z.array(z.string()) });
export type CentreOption = z.infer<typeof CentreOption>;
