import { z } from 'zod';
import { IsoTime, Line, Uuid } from './common.js';

/**
 * The longest period a report covers: a year with room for comparing the same month. Longer
 * periods are refused, since no report needs them and each one costs the database work per day.
 */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 86_400_000;
/** Whether from/to (both given) span at most MAX_REPORT_DAYS. */
export const withinReportLimit = (q: { from?: string; to?: string }) =>
  !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_DAYS * DAY_MS;
export const reportLimitMessage = `the period is at most ${MAX_REPORT_DAYS} days`;

export const AnswerTimePeriod = z.enum(['hour', 'today', 'month']);

export const AnswerTimeQuery = z
  .object({
    period: AnswerTimePeriod.optional().describe('hour: the last 60 minutes; today / month: since midnight / the 1st, Norwegian time'),
    from: IsoTime.optional(),
    to: IsoTime.optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to come together', path: ['from'] })
  .refine((q) => !(q.period && q.from), { message: 'give either period or from/to', path: ['period'] })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['from'] })
  .refine(withinReportLimit, { message: reportLimitMessage, path: ['from'] });
export type AnswerTimeQuery = z.infer<typeof AnswerTimeQuery>;

export const LineAnswerSummary = z.object({
  line: Line,
  target: z.object({ withinSeconds: z.number(), targetShare: z.number() }),
  total: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  ringing: z.number().int(),
  withinTarget: z.number().int(),
  shareWithinTarget: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  meetsTarget: z.boolean(),
  histogram: z.array(z.object({ fromSeconds: z.number(), toSeconds: z.number().nullable(), count: z.number().int() })),
});
export type LineAnswerSummary = z.infer<typeof LineAnswerSummary>;

export const AnswerTimeReport = z.object({
  centreId: Uuid,
  from: IsoTime,
  to: IsoTime,
  lines: z.object({ '113': LineAnswerSummary, '116117': LineAnswerSummary, LEGEVAKT: LineAnswerSummary }),
});
export type AnswerTimeReport = z.infer<typeof AnswerTimeReport>;
