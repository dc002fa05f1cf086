import { norwegianDate } from '@amk/domain';
import type { Db } from '@amk/db';

/** Retention at a glance for an administrator: what is due soon, what is held, what went. */
export async function retentionOverview(prisma: Db, centreId: string) {
  const today = norwegianDate(new Date());
  const [[counts], perMonth, runs] = await Promise.all([
    prisma.$queryRaw<{ total: number; due: number; held: number }[]>`
      SELECT COUNT(*)::int AS total,
             COUNT(*) FILTER (WHERE r."deleteAfter" <= (${today}::date + 30))::int AS due,
             COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM "RecordingHold" h WHERE h."recordingId" = r."id" AND h."releasedAt" IS NULL))::int AS held
      FROM "Recording" r WHERE r."centreId" = ${centreId}::uuid`,
    prisma.$queryRaw<{ month: string; count: number }[]>`
      SELECT to_char(date_trunc('month', "deletedAt" AT TIME ZONE 'Europe/Oslo'), 'YYYY-MM') AS month, COUNT(*)::int AS count
      FROM "RecordingTombstone" WHERE "centreId" = ${centreId}::uuid GROUP BY 1 ORDER BY 1 DESC LIMIT 24`,
    prisma.purgeRun.findMany({ orderBy: { startedAt: 'desc' }, take: 20 }),
  ]);
  return {
    today,
    total: counts?.total ?? 0,
    dueWithin30Days: counts?.due ?? 0,
    held: counts?.held ?? 0,
    deletedPerMonth: perMonth,
    purgeRuns: runs.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      asOfDate: r.asOfDate.toISOString().slice(0, 10),
      deletedCount: r.deletedCount,
      error: r.error,
    })),
  };
}
