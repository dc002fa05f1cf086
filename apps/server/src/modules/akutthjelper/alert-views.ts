// Two views of one alert: the AMK console's (everything) and the responder's (the place only
// after accepting: an akutthjelper who declines never learns where the patient is).
import { ARRIVED_STATUSES, akutthjelperEventLabel, haversineKmRaw, isAkutthjelperEventType } from '@amk/domain';
import type { AlertSummary, ResponderAlert } from '@amk/contracts';
import { rooms } from '../../auth/actor.js';
import type { Db, Tx } from '@amk/db';
import type { Emit } from '../../realtime/event-log.js';
import { iso } from '../../lib/iso.js';

const alertInclude = { member: { include: { unit: { include: { organisation: true } } } }, mission: { include: { call: true } } } as const;

export async function loadAlert(db: Db | Tx, alertId: string) {
  return db.akutthjelperAlert.findUniqueOrThrow({ where: { id: alertId }, include: alertInclude });
}
type LoadedAlert = Awaited<ReturnType<typeof loadAlert>>;

export function toAlertSummary(a: LoadedAlert): AlertSummary {
  const m = a.member;
  return {
    id: a.id,
    missionId: a.missionId,
    memberId: a.memberId,
    memberName: m.name,
    unitName: m.unit.name,
    organisationKind: m.unit.organisation.kind,
    channel: a.channel as AlertSummary['channel'],
    round: a.round,
    distanceM: a.distanceM,
    state: a.state,
    alertedAt: a.alertedAt.toISOString(),
    deliveredAt: iso(a.deliveredAt),
    seenAt: iso(a.seenAt),
    acceptedAt: iso(a.acceptedAt),
    declinedAt: iso(a.declinedAt),
    arrivedAt: iso(a.arrivedAt),
    failedAt: iso(a.failedAt),
    lastError: a.lastError,
    mainRuleOverride: a.mainRuleOverrideReason ? { reason: a.mainRuleOverrideReason, by: a.mainRuleOverrideBy ?? '' } : null,
    position:
      a.state === 'ACCEPTED' || a.state === 'ARRIVED'
        ? m.lat !== null && m.lon !== null && m.positionAt
          ? { lat: m.lat, lon: m.lon, at: m.positionAt.toISOString() }
          : null
        : null,
  };
}

export async function toResponderAlert(db: Db | Tx, a: LoadedAlert): Promise<ResponderAlert> {
  const eventType = isAkutthjelperEventType(a.mission.eventType) ? a.mission.eventType : null;
  const [onScene, sent] = await Promise.all([
    db.unitStatusChange.findFirst({ where: { missionId: a.missionId, status: { in: [...ARRIVED_STATUSES] } } }),
    db.missionUnit.findFirst({
      where: { missionId: a.missionId, releasedAt: null },
      orderBy: { assignedAt: 'asc' },
      select: { unit: { select: { callSign: true, status: true } } },
    }),
  ]);
  const m = a.member;
  const distanceKm =
    m.lat !== null && m.lon !== null && a.mission.lat !== null && a.mission.lon !== null
      ? Math.round(haversineKmRaw(m.lat, m.lon, a.mission.lat, a.mission.lon) * 10) / 10
      : a.distanceM !== null
        ? Math.round(a.distanceM / 100) / 10
        : null;
  const accepted = a.state === 'ACCEPTED' || a.state === 'ARRIVED';
  return {
    id: a.id,
    missionId: a.missionId,
    eventType,
    eventLabel: akutthjelperEventLabel(a.mission.eventType),
    distanceKm,
    state: a.state,
    alertedAt: a.alertedAt.toISOString(),
    place:
      accepted && a.mission.lat !== null && a.mission.lon !== null
        ? { lat: a.mission.lat, lon: a.mission.lon, addressText: a.mission.call?.addressText ?? null }
        : null,
    ambulanceOnScene: !!onScene,
    ambulance: sent ? { callSign: sent.unit.callSign, status: sent.unit.status } : null,
    arrivedAt: iso(a.arrivedAt),
    missionClosed: !!a.mission.closedAt,
  };
}

/** Publishes an alert to the AMK console and to the responder's own page. */
export async function publishAlert(tx: Tx, emit: Emit, alertId: string): Promise<AlertSummary> {
  const a = await loadAlert(tx, alertId);
  const summary = toAlertSummary(a);
  emit({ type: 'akutthjelper.alert.upserted', centreId: a.mission.centreId, audience: [rooms.centre(a.mission.centreId)], data: summary });
  if (a.member.userId) {
    emit({ type: 'responder.alert', centreId: null, audience: [rooms.user(a.member.userId)], data: await toResponderAlert(tx, a) });
  }
  return summary;
}

/** A mission changed (an ambulance arrived, it was closed): its responders' pages follow. */
export async function republishMissionAlerts(tx: Tx, emit: Emit, missionId: string): Promise<void> {
  const alerts = await tx.akutthjelperAlert.findMany({ where: { missionId }, select: { id: true } });
  for (const a of alerts) await publishAlert(tx, emit, a.id);
}
