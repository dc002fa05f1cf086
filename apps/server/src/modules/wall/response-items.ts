// Missions in a period as response-time items: call answered (or the mission created, when it
// had no call) → the first unit on scene, with the town/rural class of the mission's kommune.
import type { ResponseItem } from '@amk/domain';
import type { Db } from '@amk/db';

export async function responseItems(
  prisma: Db,
  centreId: string,
  from: Date,
  to: Date,
): Promise<(ResponseItem & { urgencyOfMission: string | null })[]> {
  const rows = await prisma.$queryRaw<{ start: Date; on_scene: Date | null; class: 'TOWN' | 'RURAL' | null; urgency: string | null }[]>`
    SELECT COALESCE(c."answeredAt", c."ringingAt", m."createdAt") AS start,
           (SELECT MIN(s."at") FROM "UnitStatusChange" s WHERE s."missionId" = m."id" AND s."status" = 'ON_SCENE') AS on_scene,
           k."settlementClass" AS class,
           m."urgency"::text AS urgency
    FROM "Mission" m
    LEFT JOIN "Call" c ON c."id" = m."callId"
    LEFT JOIN "Kommune" k ON k."nummer" = m."kommunenummer"
    WHERE m."centreId" = ${centreId}::uuid AND m."createdAt" >= ${from} AND m."createdAt" < ${to} AND m."kind" = 'AMBULANCE'
      AND (c."source" IS NULL OR c."source" <> 'EXERCISE')`;
  return rows.map((r) => ({
    answeredAt: r.start.getTime(),
    firstOnSceneAt: r.on_scene?.getTime() ?? null,
    settlementClass: r.class ?? 'RURAL',
    urgencyOfMission: r.urgency,
  }));
}
