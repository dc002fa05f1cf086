// Answer times (§ 15 b: 90 % of 113 calls within 10 s; § 13 d: 80 % of the legevaktsentral's
// calls within 2 minutes), summarised in the database: one GROUP BY returns at most a few thousand
// rows (line × whole second of waiting) however many calls there are, and the pure rules in
// @amk/domain turn them into shares and medians. Exercise calls are left out.
import { answerTarget, summariseAnswerTimeCounts, type AnswerTimeCount } from '@amk/domain';
import type { AnswerTimeQuery, AnswerTimeReport } from '@amk/contracts';
import type { Db } from '../../db/prisma.js';

interface GroupRow {
  line: AnswerTimeCount['line'];
  wait_s: number | null;
  within: boolean;
  abandoned: boolean;
  n: number;
}

export function createAnswerTimeService(prisma: Db) {
  async function periodBounds(query: AnswerTimeQuery): Promise<{ from: Date; to: Date }> {
    if (query.from && query.to) return { from: new Date(query.from), to: new Date(query.to) };
    const [row] = await prisma.$queryRaw<{ now: Date; today: Date; month: Date }[]>`
      SELECT now() AS now,
             date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'Europe/Oslo' AS today,
             date_trunc('month', now() AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'Europe/Oslo' AS month`;
    const period = query.period ?? 'today';
    const from = period === 'hour' ? new Date(row!.now.getTime() - 3_600_000) : period === 'month' ? row!.month : row!.today;
    return { from, to: row!.now };
  }

  return {
    async report(centreId: string, query: AnswerTimeQuery): Promise<AnswerTimeReport> {
      const { from, to } = await periodBounds(query);
      const limit113 = answerTarget('113').withinSeconds * 1000;
      const limitLvs = answerTarget('116117').withinSeconds * 1000;
      const rows = await prisma.$queryRaw<GroupRow[]>`
        SELECT "line",
               CASE WHEN "answeredAt" IS NULL THEN NULL
                    ELSE GREATEST(0, FLOOR(EXTRACT(EPOCH FROM ("answeredAt" - "ringingAt"))))::int END AS wait_s,
               COALESCE(EXTRACT(EPOCH FROM ("answeredAt" - "ringingAt")) * 1000
                        <= CASE WHEN "line" = '113' THEN ${limit113}::int ELSE ${limitLvs}::int END, false) AS within,
               ("state" = 'ABANDONED') AS abandoned,
               COUNT(*)::int AS n
        FROM "Call"
        WHERE "centreId" = ${centreId}::uuid AND "ringingAt" >= ${from} AND "ringingAt" < ${to} AND "source" <> 'EXERCISE'
        GROUP BY 1, 2, 3, 4`;
      const summary = summariseAnswerTimeCounts(
        rows.map((r) => ({ line: r.line, waitSeconds: r.wait_s, withinTarget: r.within, abandoned: r.abandoned, count: r.n })),
      );
      return { centreId, from: from.toISOString(), to: to.toISOString(), lines: summary };
    },
  };
}

export type AnswerTimeService = ReturnType<typeof createAnswerTimeService>;
