// Answer times (§ 15 b: 90 % of 113 calls within 10 s; § 13 d: 80 % of the legevaktsentral's
// calls within 2 minutes), summarised in the database. A period is read in two parts:
//   - the whole Norwegian calendar days in it that are over (before yesterday) come from the
//     AnswerTimeDay roll-up, which this service builds the first time a report needs a day;
//   - the rest (a partial first day, yesterday and today) is counted from the calls themselves.
// Both give the same groups (line × whole second of waiting × within × abandoned): a few thousand
// rows however many calls, which the pure rules in @amk/domain turn into shares and medians. A
// month of a million calls is then ~30 roll-ups plus two days of calls. A trigger on Call drops a
// day's roll-up when one of its calls changes (see the answer_time_days migration), and both take
// the same advisory lock per centre (one lock, however long the period: a lock per day exhausted
// PostgreSQL's lock table), so a report never shows a stale day.
// Calls count for the centre whose line rang (answeringCentreId), also after a transfer. Exercise
// calls are left out, and so are calls an operator registered by hand: nobody measured their wait.
import { answerTarget, summariseAnswerTimeCounts } from '@amk/domain';
import type { AnswerTimeQuery, AnswerTimeReport, Line } from '@amk/contracts';
import { Prisma, type Db } from '@amk/db';

interface GroupRow {
  line: Line;
  /** -1 when the call was not answered. */
  wait_s: number;
  within: boolean;
  abandoned: boolean;
  n: number;
}

/** The split of a period: whole days [firstDay, endDay) from the roll-up, the rest from calls. */
interface Split {
  firstDay: string;
  endDay: string;
  /** Calls are counted in [from, headEnd) and [tailStart, to). */
  headEnd: Date;
  tailStart: Date;
}

const NOT_ANSWERED = -1;
/** Calls whose wait was measured by the telephony system. */
export const MEASURED = Prisma.sql`"source" NOT IN ('EXERCISE', 'MANUAL')`;

/** Whether a call (a row of "Call") was answered within its line's bar; false when not answered. */
export function withinTargetSql(): Prisma.Sql {
  const limit113 = answerTarget('113').withinSeconds * 1000;
  const limitLvs = answerTarget('116117').withinSeconds * 1000;
  return Prisma.sql`COALESCE(EXTRACT(EPOCH FROM ("answeredAt" - "ringingAt")) * 1000
             <= CASE WHEN "line" = '113' THEN ${limit113}::int ELSE ${limitLvs}::int END, false)`;
}

/** The grouping both the roll-up and the direct count use, over rows of "Call". */
function groupColumns(): Prisma.Sql {
  return Prisma.sql`
    "line",
    CASE WHEN "answeredAt" IS NULL THEN ${NOT_ANSWERED}::int
         ELSE GREATEST(0, FLOOR(EXTRACT(EPOCH FROM ("answeredAt" - "ringingAt"))))::int END AS wait_s,
    ${withinTargetSql()} AS within,
    ("state" = 'ABANDONED') AS abandoned`;
}

/** The advisory lock's first key; the second is hashtext(centre id). The trigger uses the same. */
export const ANSWER_TIME_LOCK = 'answer-time-centre';

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

  async function split(from: Date, to: Date): Promise<Split> {
    // first whole day: the Norwegian date of `from`, or the next one unless `from` is midnight;
    // end: the date of `to`, but never past the day before yesterday (recent days still change).
    const [row] = await prisma.$queryRaw<{ first_day: string; end_day: string }[]>`
      WITH d AS (
        SELECT ((${from}::timestamptz AT TIME ZONE 'Europe/Oslo') - interval '1 microsecond')::date + 1 AS first_day,
               LEAST((${to}::timestamptz AT TIME ZONE 'Europe/Oslo')::date, (now() AT TIME ZONE 'Europe/Oslo')::date - 1) AS end_day)
      SELECT first_day::text, GREATEST(first_day, end_day)::text AS end_day FROM d`;
    const { first_day: firstDay, end_day: endDay } = row!;
    if (firstDay === endDay) return { firstDay, endDay, headEnd: to, tailStart: to };
    const [bounds] = await prisma.$queryRaw<{ head_end: Date; tail_start: Date }[]>`
      SELECT (${firstDay}::date::timestamp AT TIME ZONE 'Europe/Oslo') AS head_end,
             (${endDay}::date::timestamp AT TIME ZONE 'Europe/Oslo') AS tail_start`;
    return { firstDay, endDay, headEnd: bounds!.head_end, tailStart: bounds!.tail_start };
  }

  /** Builds the roll-up of every day in [firstDay, endDay) that has none yet. */
  async function ensureDays(centreId: string, firstDay: string, endDay: string): Promise<void> {
    const missing = await prisma.$queryRaw<{ day: string }[]>`
      SELECT d::date::text AS day FROM generate_series(${firstDay}::date, ${endDay}::date - 1, interval '1 day') d
      WHERE NOT EXISTS (SELECT 1 FROM "AnswerTimeDay" a WHERE a."centreId" = ${centreId}::uuid AND a."day" = d::date)
      ORDER BY 1`;
    if (!missing.length) return;
    const days = missing.map((m) => m.day);
    await prisma.$transaction(
      async (tx) => {
        // The trigger's lock, one per centre; a later statement then sees every change committed
        // before it, and a change that comes after waits for this build and then drops the day.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ANSWER_TIME_LOCK}::text), hashtext(${centreId}::text))`;
        const built = await tx.$queryRaw<{ day: string }[]>`
        INSERT INTO "AnswerTimeDay" ("centreId", "day")
        SELECT ${centreId}::uuid, d FROM unnest(${days}::date[]) d
        ON CONFLICT DO NOTHING RETURNING "day"::text AS day`;
        if (!built.length) return; // another report built them meanwhile
        const builtDays = built.map((b) => b.day).sort();
        await tx.$executeRaw`
        INSERT INTO "AnswerTimeDayCount" ("centreId", "day", "line", "waitS", "within", "abandoned", "n")
        SELECT ${centreId}::uuid, day, "line", wait_s, within, abandoned, COUNT(*)::int
        FROM (SELECT (c."ringingAt" AT TIME ZONE 'Europe/Oslo')::date AS day, ${groupColumns()}
              FROM "Call" c
              WHERE c."answeringCentreId" = ${centreId}::uuid AND ${MEASURED}
                AND c."ringingAt" >= (${builtDays[0]}::date::timestamp AT TIME ZONE 'Europe/Oslo')
                AND c."ringingAt" < ((${builtDays.at(-1)}::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo')) calls
        WHERE day = ANY(${builtDays}::date[])
        GROUP BY 2, 3, 4, 5, 6`;
      },
      { timeout: 120_000 },
    );
  }

  return {
    /**
     * Builds the roll-ups of the last `days` days that are over, for every centre, so that no
     * supervisor waits for them when opening a month. Run in the background; cheap once built.
     */
    async warm(days = 40): Promise<void> {
      const [range] = await prisma.$queryRaw<{ first_day: string; end_day: string }[]>`
        SELECT ((now() AT TIME ZONE 'Europe/Oslo')::date - ${days}::int)::text AS first_day,
               ((now() AT TIME ZONE 'Europe/Oslo')::date - 1)::text AS end_day`;
      for (const centre of await prisma.centre.findMany({ select: { id: true } })) {
        await ensureDays(centre.id, range!.first_day, range!.end_day);
      }
    },

    async report(centreId: string, query: AnswerTimeQuery): Promise<AnswerTimeReport> {
      const { from, to } = await periodBounds(query);
      const s = await split(from, to);
      if (s.firstDay !== s.endDay) await ensureDays(centreId, s.firstDay, s.endDay);
      const rows = await prisma.$queryRaw<GroupRow[]>`
        SELECT "line", wait_s, within, abandoned, SUM(n)::int AS n FROM (
          SELECT "line", "waitS" AS wait_s, "within", "abandoned", "n" FROM "AnswerTimeDayCount"
          WHERE "centreId" = ${centreId}::uuid AND "day" >= ${s.firstDay}::date AND "day" < ${s.endDay}::date
          UNION ALL
          SELECT ${groupColumns()}, 1 AS n FROM "Call"
          WHERE "answeringCentreId" = ${centreId}::uuid AND ${MEASURED}
            AND (("ringingAt" >= ${from} AND "ringingAt" < ${s.headEnd}) OR ("ringingAt" >= ${s.tailStart} AND "ringingAt" < ${to}))
        ) counted
        GROUP BY 1, 2, 3, 4`;
      const lines = summariseAnswerTimeCounts(
        rows.map((r) => ({
          line: r.line,
          waitSeconds: r.wait_s === NOT_ANSWERED ? null : r.wait_s,
          withinTarget: r.within,
          abandoned: r.abandoned,
          count: r.n,
        })),
      );
      return { centreId, from: from.toISOString(), to: to.toISOString(), lines };
    },
  };
}

export type AnswerTimeService = ReturnType<typeof createAnswerTimeService>;
