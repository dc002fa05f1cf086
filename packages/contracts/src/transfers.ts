// Transfers between AMK and the legevaktsentral (§ 15 g AMK → LVS, § 13 b LVS → AMK).
import { z } from 'zod';
import { CallSummary } from './calls.js';
import { IsoTime, Uuid } from './common.js';

export const TransferState = z.enum(['REQUESTED', 'ACCEPTED', 'DECLINED']);

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
  /** The call as it stands, so the receiving centre can decide before it owns the record. */
  call: CallSummary,
});
export type TransferSummary = z.infer<typeof TransferSummary>;

export const RequestTransferRequest = z.object({
  toCentre: z.string().trim().min(1).max(50).describe('centre code, e.g. AMK-BERGEN'),
  reason: z.string().trim().min(1, 'say why the call is handed over').max(1000),
});
export const AnswerTransferRequest = z.object({ decision: z.enum(['ACCEPT', 'DECLINE']), note: z.string().trim().max(1000).optional() });
export const TransferIdParams = z.object({ transferId: Uuid });
export const TransferList = z.object({ transfers: z.array(TransferSummary) });
