// Sound recordings (lydlogg) and their retention under § 20: kept three years from the
// recording date (Norwegian calendar), then deleted, unless a hold says they are still needed.
import { HOLD_REASONS } from '@amk/domain';
import { z } from 'zod';
import { IsoDate, IsoTime, Uuid } from './common.js';

export const HoldReason = z.enum(HOLD_REASONS);
export type HoldReason = z.infer<typeof HoldReason>;

export const IngestedRecording = z.object({
  id: Uuid,
  callId: Uuid.nullable().describe('null until the call is known; linked when it arrives'),
  recordedAt: IsoTime,
  deleteAfter: z.iso.date().describe('first Norwegian calendar date on which it may be deleted'),
});

export const RecordingHoldSummary = z.object({
  id: Uuid,
  reason: HoldReason,
  caseRef: z.string(),
  placedBy: z.string(),
  placedAt: IsoTime,
  releasedAt: IsoTime.nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string().nullable(),
});

export const RecordingSummary = z.object({
  id: Uuid,
  callId: Uuid.nullable(),
  callExternalId: z.string(),
  recordedAt: IsoTime,
  deleteAfter: z.iso.date(),
  sizeBytes: z.number().int(),
  contentType: z.string(),
  sha256: z.string(),
  holds: z.array(RecordingHoldSummary),
});
export type RecordingSummary = z.infer<typeof RecordingSummary>;

export const PlaceHoldRequest = z.object({
  reason: HoldReason,
  caseRef: z.string().trim().min(1, 'give the case reference').max(200),
});
export const ReleaseHoldRequest = z.object({ reason: z.string().trim().min(1, 'say why the hold is released').max(1000) });
export const RecordingIdParams = z.object({ recordingId: Uuid });
export const HoldParams = z.object({ recordingId: Uuid, holdId: Uuid });

export const PurgePreviewQuery = z.object({ date: IsoDate.describe('the day to imagine the purge running, YYYY-MM-DD') });
export const PurgePreview = z.object({
  date: z.iso.date(),
  wouldDelete: z.number().int(),
  heldBack: z.number().int().describe('due, but kept by an active hold'),
  sample: z.array(z.object({ id: Uuid, recordedAt: IsoTime, deleteAfter: z.iso.date() })),
});

export const RetentionOverview = z.object({
  today: z.iso.date(),
  total: z.number().int(),
  dueWithin30Days: z.number().int(),
  held: z.number().int(),
  deletedPerMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  purgeRuns: z.array(
    z.object({
      id: Uuid,
      startedAt: IsoTime,
      finishedAt: IsoTime.nullable(),
      asOfDate: z.iso.date(),
      deletedCount: z.number().int(),
      error: z.string().nullable(),
    }),
  ),
});
