// The wall display's figures per centre. Figures only — counts, shares, ages — so a region wall may
// show neighbouring centres side by side without showing anyone's patients.
import { isAvailable, summariseResponseTimes } from '@amk/domain';
import type { WallCentre } from '@amk/contracts';
import type { UserActor } from '../../auth/actor.js';
import { openTakeover } from '../../auth/centre-cover.js';
import type { Db } from '@amk/db';
import { forbidden } from '../../lib/http-error.js';
import { MEASURED, withinTargetSql, type AnswerTimeService } from '../stats/answer-times.service.js';
import type { RecommendationsService } from '../missions/recommendations.service.js';
import { CENTRE_NOTIFICATION_LATE_MS, INTERNAL_CHANNEL } from '../notifications/notifications.service.js';
import { amkDoctorRoster } from '../legevakt/amk-doctor-roster.service.js';
import { gapsPerDistrict } from '../legevakt/roster.service.js';
import { openMajorIncidentDetails } from '../major-incidents/major-incident-view.js';
import { overdueCount } from '../major-incidents/unit-check-ins.js';
import { responseItems } from './response-items.js';

export function createWallService({
  prisma,
  answerTimes,
  recommendations,
}: {
  prisma: Db;
  answerTimes: AnswerTimeService;
  recommendations: RecommendationsService;
}) {
  /** Centres whose figures this user may put on a wall: their own, neighbours, and LVS in their area. */
  async function allowedCentres(actor: UserActor) {
    const own = await prisma.centre.findUniqueOrThrow({ where: { id: actor.centre.id } });
    const all = await prisma.centre.findMany();
    return all.filter(
      (c) =>
        c.id === own.id ||
        own.neighbourCentreIds.includes(c.id) ||
        c.neighbourCentreIds.includes(own.id) ||
        c.kommuner.some((k) => own.kommuner.includes(k)),
    );
  }

  /** Open takeovers either way, by centre name: who is working whose lines. */
  async function takeoversOf(centreId: string): Promise<WallCentre['takeovers']> {
    const rows = await prisma.takeover.findMany({
      where: { AND: [{ OR: [{ centreId }, { backupCentreId: centreId }] }, openTakeover()] },
      orderBy: { startedAt: 'asc' },
    });
    if (!rows.length) return [];
    const names = new Map(
      (await prisma.centre.findMany({ where: { id: { in: rows.flatMap((r) => [r.centreId, r.backupCentreId]) } } })).map((c) => [
        c.id,
        c.name,
      ]),
    );
    return rows.map((r) => ({
      centre: names.get(r.centreId)!,
      backupCentre: names.get(r.backupCentreId)!,
      startedAt: r.startedAt.toISOString(),
      endsAt: r.endsAt?.toISOString() ?? null,
    }));
  }

  async function figures(actor: UserActor, centre: { id: string; code: string; name: string; kind: 'AMK' | 'LVS' }): Promise<WallCentre> {
    const [today] = await prisma.$queryRaw<
      { start: Date }[]
    >`SELECT date_trunc('day', now() AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'Europe/Oslo' AS start`;
    const start = today!.start;
    const now = new Date();
    const lateBefore = new Date(now.getTime() - CENTRE_NOTIFICATION_LATE_MS);
    const week = new Date(now.getTime() + 7 * 24 * 3_600_000);
    const [open, units, stations, answer, trend, items, akutt, notif, transfers, inbox, late, callbacks, major, doctorGaps] =
      await Promise.all([
        prisma.call.findMany({ where: { centreId: centre.id, closedAt: null }, select: { urgency: true, state: true, ringingAt: true } }),
        prisma.unit.findMany({ where: { centreId: centre.id }, select: { status: true, stationId: true } }),
        prisma.station.findMany({ where: { centreId: centre.id }, orderBy: { name: 'asc' } }),
        answerTimes.report(centre.id, { period: 'today' }),
        // every call rang counts in the hour's volume; only measured waits in the share
        prisma.$queryRaw<{ hour: number; calls: number; within: number; judged: number }[]>`
        SELECT EXTRACT(HOUR FROM "ringingAt" AT TIME ZONE 'Europe/Oslo')::int AS hour, COUNT(*)::int AS calls,
               COUNT(*) FILTER (WHERE ${MEASURED} AND ${withinTargetSql()})::int AS within,
               COUNT(*) FILTER (WHERE ${MEASURED} AND ("answeredAt" IS NOT NULL OR "state" = 'ABANDONED'))::int AS judged
        FROM "Call" WHERE "answeringCentreId" = ${centre.id}::uuid AND "ringingAt" >= ${start} AND "source" <> 'EXERCISE' GROUP BY 1 ORDER BY 1`,
        responseItems(prisma, centre.id, start, now),
        prisma.mission.count({ where: { centreId: centre.id, createdAt: { gte: start }, alerts: { some: {} } } }),
        // waiting for an acknowledgement on the calls still being handled (a closed call's are history)
        prisma.notification.count({
          where: {
            centreId: centre.id,
            acknowledgedAt: null,
            state: { in: ['SENT', 'DELIVERED', 'PENDING', 'FAILED'] },
            call: { closedAt: null },
          },
        }),
        prisma.transfer.count({ where: { state: 'REQUESTED', OR: [{ toCentreId: centre.id }, { fromCentreId: centre.id }] } }),
        prisma.notification.count({ where: { channel: INTERNAL_CHANNEL, recipientCentreId: centre.id, acknowledgedAt: null } }),
        // between centres of the installation, either way: red on both walls after 60 s
        prisma.notification.count({
          where: {
            channel: INTERNAL_CHANNEL,
            acknowledgedAt: null,
            createdAt: { lt: lateBefore },
            OR: [{ centreId: centre.id }, { recipientCentreId: centre.id }],
          },
        }),
        prisma.callback.count({ where: { centreId: centre.id, resolvedAt: null } }),
        openMajorIncidentDetails(prisma, centre.id),
        centre.kind === 'LVS'
          ? gapsPerDistrict(prisma, centre.id, now, week)
          : amkDoctorRoster(prisma, centre.id, now, week).then((r) => r.gaps.map((g) => ({ district: null, ...g }))),
      ]);
    const count = (u: string | null) => open.filter((c) => (c.urgency ?? 'none') === u).length;
    const oldest = (calls: typeof open) =>
      calls.length ? new Date(Math.min(...calls.map((c) => c.ringingAt.getTime()))).toISOString() : null;
    const oldestOf = (u: string) => oldest(open.filter((c) => (c.urgency ?? 'none') === u));
    const unitsByStatus: Record<string, number> = {};
    for (const u of units) unitsByStatus[u.status] = (unitsByStatus[u.status] ?? 0) + 1;
    const response = summariseResponseTimes(
      items.filter((i) => i.urgencyOfMission === 'A' || i.urgencyOfMission === null).map(({ urgencyOfMission: _u, ...i }) => i),
    );
    const gaps =
      centre.id === actor.centre.id && centre.kind === 'AMK'
        ? (await recommendations.preparedness(actor)).kommuner.filter((k) => k.gap)
        : [];
    return {
      centre,
      openCalls: {
        A: count('A'),
        H: count('H'),
        V: count('V'),
        none: count('none'),
        ringing: open.filter((c) => c.state === 'RINGING').length,
        oldestOpenAt: oldest(open),
        oldestAt: {
          A: oldestOf('A'),
          H: oldestOf('H'),
          V: oldestOf('V'),
          none: oldestOf('none'),
          ringing: oldest(open.filter((c) => c.state === 'RINGING')),
        },
      },
      unitsByStatus,
      stations: stations.map((s) => {
        const here = units.filter((u) => u.stationId === s.id);
        return {
          name: s.name,
          free: here.filter((u) => isAvailable(u.status)).length,
          unavailable: here.filter((u) => u.status === 'UNAVAILABLE' || u.status === 'OUT_OF_SERVICE').length,
          busy: here.filter((u) => !isAvailable(u.status) && u.status !== 'UNAVAILABLE' && u.status !== 'OUT_OF_SERVICE').length,
        };
      }),
      answerToday: centre.kind === 'AMK' ? [answer.lines['113']] : [answer.lines['116117'], answer.lines.LEGEVAKT],
      answerTrend: trend.map((t) => ({ hour: t.hour, calls: t.calls, share: t.judged ? t.within / t.judged : null })),
      responseToday: {
        TOWN: { count: response.TOWN.count, share: response.TOWN.share, targetMinutes: response.TOWN.target.withinMinutes },
        RURAL: { count: response.RURAL.count, share: response.RURAL.share, targetMinutes: response.RURAL.target.withinMinutes },
      },
      akutthjelperMissionsToday: akutt,
      notificationsAwaitingAck: notif,
      inboxAwaitingAck: inbox,
      centreNotificationsLate: late,
      transfersWaiting: transfers,
      callbacksOpen: callbacks,
      preparednessGaps: gaps.map((g) => ({ kommunenummer: g.kommunenummer, kommunenavn: g.kommunenavn })),
      doctorGaps,
      takeovers: await takeoversOf(centre.id),
      breakGlass: await openBreakGlass(prisma, centre.id, now),
      majorIncidents: major.map(({ id, level, description, declaredAt, byCategory, byHospital, units }) => ({
        id,
        level,
        description,
        declaredAt,
        byCategory,
        byHospital,
        unitsSent: units.length,
        unitsOverdue: overdueCount(units, now.getTime()),
      })),
    };
  }

  return {
    /** The centres this user may show figures of (wall, indicators), own first. */
    async centres(actor: UserActor) {
      const allowed = await allowedCentres(actor);
      return allowed
        .sort((a, b) => Number(b.id === actor.centre.id) - Number(a.id === actor.centre.id) || a.code.localeCompare(b.code))
        .map(({ id, code, name, kind, lat, lon }) => ({ id, code, name, kind, lat, lon }));
    },

    /** One centre by code, if this user may show its figures (the wall's rule); otherwise 403. */
    async centre(actor: UserActor, code: string) {
      const found = (await allowedCentres(actor)).find((c) => c.code === code);
      if (!found) throw forbidden('wall.figuresNotVisible', { own: actor.centre.code, centre: code });
      return found;
    },

    async wall(actor: UserActor, codes?: string) {
      const allowed = await allowedCentres(actor);
      const wanted = codes
        ? codes
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean)
        : [actor.centre.code];
      const unknown = wanted.filter((code) => !allowed.some((c) => c.code === code));
      if (unknown.length) throw forbidden('wall.centresNotShown', { own: actor.centre.code, centres: unknown.join(', ') });
      const centres = wanted.map((code) => allowed.find((c) => c.code === code)!);
      return { at: new Date().toISOString(), centres: await Promise.all(centres.map((c) => figures(actor, c))) };
    },
  };
}

export type WallService = ReturnType<typeof createWallService>;

/** The centre's accounts open for break-glass sign-in now, each with its last such sign-in (audited at login). */
async function openBreakGlass(prisma: Db, centreId: string, now: Date) {
  const users = await prisma.user.findMany({
    where: { centreId, breakGlassUntil: { gt: now } },
    select: { id: true, displayName: true, breakGlassUntil: true },
    orderBy: { breakGlassUntil: 'asc' },
  });
  if (!users.length) return [];
  // by the (entityType, entityId) index: the login's audit row names the user signing in
  const uses = await prisma.auditLog.groupBy({
    by: ['entityId'],
    where: { entityType: 'User', entityId: { in: users.map((u) => u.id) }, action: 'auth.break_glass_login' },
    _max: { at: true },
  });
  const last = new Map(uses.map((u) => [u.entityId, u._max.at]));
  return users.map((u) => ({
    name: u.displayName,
    until: u.breakGlassUntil!.toISOString(),
    lastUsedAt: last.get(u.id)?.toISOString() ?? null,
  }));
}
