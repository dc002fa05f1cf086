import { z } from 'zod';
import { IsoTime, Line, Uuid } from './common.js';

export const AnswerTimePeriod = z.enum(['hour', 'today', 'month']);

export const AnswerTimeQuery = z
  .object({
    period: AnswerTimePeriod.optional().describe('hour: the last 60 minutes; today / month: since midnight / the 1st, Norwegian time'),
    from: IsoTime.optional(),
    to: IsoTime.optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from and to come together', path: ['from'] })
  .refine((q) => !(q.period && q.from), { message: 'give either period or from/to', path: ['period'] })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'from must be before to', path: ['from'] });
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
