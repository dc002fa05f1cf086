// Quality indicators for a period and centre (the national strategy asks for them): answer times,
// response times by urgency and town/rural, call volume by hour and by index chapter, hand-overs
// per pair of centres with the time from offer to acceptance, akutthjelper arrivals before the
// ambulance, and the § 11 crew overrides as deviations. Exercise calls are left out.
import { SETTLEMENT_CLASSES, summariseResponseTimes } from '@amk/domain';
import type { Indicators } from '@amk/contracts';
import type { Db } from '@amk/db';
import type { AnswerTimeService } from '../stats/answer-times.service.js';
import { responseItems } from './response-items.js';

export function createIndicatorsService({ prisma, answerTimes }: { prisma: Db; answerTimes: AnswerTimeService }) {
  return {
    async indicators(centreId: string, kind: 'AMK' | 'LVS', from: Date, to: Date): Promise<Indicators> {
      const [answer, items, byHour, byChapter, transfers, akutt, overrides] = await Promise.all([
        answerTimes.report(centreId, { from: from.toISOString(), to: to.toISOString() }),
        responseItems(prisma, centreId, from, to),
        prisma.$queryRaw<{ hour: number; calls: number }[]>`
          SELECT EXTRACT(HOUR FROM "ringingAt" AT TIME ZONE 'Europe/Oslo')::int AS hour, COUNT(*)::int AS calls
          FROM "Call" WHERE "answeringCentreId" = ${centreId}::uuid AND "ringingAt" >= ${from} AND "ringingAt" < ${to} AND "source" <> 'EXERCISE' GROUP BY 1 ORDER BY 1`,
        prisma.$queryRaw<{ chapter: number | null; chapterTitle: string | null; calls: number }[]>`
          SELECT t."chapter", t."chapterTitle", COUNT(*)::int AS calls
          FROM "Call" c LEFT JOIN "TriageCriterion" t ON t."code" = c."criterionCode"
          WHERE c."centreId" = ${centreId}::uuid AND c."ringingAt" >= ${from} AND c."ringingAt" < ${to} AND c."source" <> 'EXERCISE'
          GROUP BY 1, 2 ORDER BY 1 NULLS LAST`,
        // per pair of centres, with the time from offer to acceptance (median and longest)
        prisma.$queryRaw<Indicators['transfers']>`
          SELECT fc."kind"::text || '→' || tc."kind"::text AS direction, fc."code" AS "fromCentre", tc."code" AS "toCentre", COUNT(*)::int AS requested,
                 COUNT(*) FILTER (WHERE t."state" = 'ACCEPTED')::int AS accepted, COUNT(*) FILTER (WHERE t."state" = 'DECLINED')::int AS declined,
                 (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM t."answeredAt" - t."requestedAt")) FILTER (WHERE t."state" = 'ACCEPTED'))::float8 AS "medianAcceptSeconds",
                 (MAX(EXTRACT(EPOCH FROM t."answeredAt" - t."requestedAt")) FILTER (WHERE t."state" = 'ACCEPTED'))::float8 AS "maxAcceptSeconds"
          FROM "Transfer" t JOIN "Centre" fc ON fc."id" = t."fromCentreId" JOIN "Centre" tc ON tc."id" = t."toCentreId" JOIN "Call" c ON c."id" = t."callId"
          WHERE (t."fromCentreId" = ${centreId}::uuid OR t."toCentreId" = ${centreId}::uuid) AND t."requestedAt" >= ${from} AND t."requestedAt" < ${to}
            AND c."source" <> 'EXERCISE'
          GROUP BY 1, 2, 3 ORDER BY 2, 3`,
        // Per akutthjelper mission: did anyone arrive, and was the first one there before the
        // first ambulance (a mission the ambulance never reached counts as before)?
        prisma.$queryRaw<{ missions: number; arrivals: number; before: number }[]>`
          WITH per_mission AS (
            SELECT a."missionId", MIN(a."arrivedAt") AS first_arrival,
                   (SELECT MIN(s."at") FROM "UnitStatusChange" s WHERE s."missionId" = a."missionId" AND s."status" = 'ON_SCENE') AS ambulance
            FROM "AkutthjelperAlert" a JOIN "Mission" m ON m."id" = a."missionId" LEFT JOIN "Call" c ON c."id" = m."callId"
            WHERE m."centreId" = ${centreId}::uuid AND a."alertedAt" >= ${from} AND a."alertedAt" < ${to}
              AND (c."source" IS NULL OR c."source" <> 'EXERCISE')
            GROUP BY a."missionId")
          SELECT COUNT(*)::int AS missions, COUNT(first_arrival)::int AS arrivals,
                 COUNT(*) FILTER (WHERE first_arrival < COALESCE(ambulance, 'infinity'))::int AS before
          FROM per_mission`,
        // Deviations: every override of the § 11 crew refusal, from the audit log (only the unit's
        // own centre may override, so the actor's centre is the unit's).
        prisma.$queryRaw<{ total: number; dispatches: number }[]>`
          SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE "detail" ? 'missionId')::int AS dispatches
          FROM "AuditLog" WHERE "action" = 'unit.crew_override' AND "centreId" = ${centreId}::uuid AND "at" >= ${from} AND "at" < ${to}`,
      ]);
      const responseTimes: Indicators['responseTimes'] = [];
      for (const urgency of ['A', 'H', 'V']) {
        // The guideline is written for acute missions; the same measure is shown for H and V too.
        const summary = summariseResponseTimes(
          items.filter((i) => (i.urgencyOfMission ?? 'A') === urgency).map(({ urgencyOfMission: _u, ...i }) => i),
        );
        for (const cls of SETTLEMENT_CLASSES) {
          const s = summary[cls];
          responseTimes.push({
            urgency,
            settlementClass: cls,
            count: s.count,
            withinTarget: s.withinTarget,
            share: s.share,
            medianMinutes: s.medianMinutes,
          });
        }
      }
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        answerTimes: kind === 'AMK' ? [answer.lines['113']] : [answer.lines['116117'], answer.lines.LEGEVAKT],
        responseTimes,
        callsByHour: byHour,
        callsByChapter: byChapter,
        transfers,
        akutthjelper: {
          alertedMissions: akutt[0]?.missions ?? 0,
          arrivals: akutt[0]?.arrivals ?? 0,
          arrivedBeforeAmbulance: akutt[0]?.before ?? 0,
        },
        crewOverrides: {
          total: overrides[0]?.total ?? 0,
          dispatches: overrides[0]?.dispatches ?? 0,
          statusChanges: (overrides[0]?.total ?? 0) - (overrides[0]?.dispatches ?? 0),
        },
      };
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
