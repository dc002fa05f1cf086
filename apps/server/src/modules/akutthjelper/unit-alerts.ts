// A fire-service unit (BRANN) alerted as a unit through the 110-centre, where its agreement says
// so: the alert rides on a notification to FIRE on the mission's call, so the existing gateway
// sends it (with retries; MANUAL — phone 110 — without one), 110's acknowledgement comes back by
// the gateway's ack, and the unit alert's delivery state is that notification's.
import { akutthjelperEventLabel } from '@amk/domain';
import { journalMessage, type UnitAlertSummary } from '@amk/contracts';
import type { NotificationChannel } from '@amk/domain';
import type { UserActor } from '../../auth/actor.js';
import type { Db, Mission, Tx } from '@amk/db';
import { newId } from '../../lib/ids.js';
import type { Emit } from '../../realtime/event-log.js';
import { journalOnCall } from '../calls/call-journal.js';
import { publishNotification } from '../notifications/notifications.service.js';
import type { UnitCandidate } from './eligibility.js';
import { iso } from '../../lib/iso.js';

export async function listUnitAlerts(db: Db | Tx, missionId: string): Promise<UnitAlertSummary[]> {
  const rows = await db.akutthjelperUnitAlert.findMany({
    where: { missionId },
    include: { unit: { include: { organisation: true } }, notification: true },
    orderBy: { alertedAt: 'asc' },
  });
  return rows.map((a) => ({
    id: a.id,
    missionId: a.missionId,
    unitId: a.unitId,
    unitName: a.unit.name,
    organisationName: a.unit.organisation.name,
    via: 'FIRE_CENTRE' as const,
    round: a.round,
    distanceM: a.distanceM,
    alertedAt: a.alertedAt.toISOString(),
    notificationId: a.notificationId,
    delivery: {
      state: a.notification.state,
      sentAt: iso(a.notification.sentAt),
      acknowledgedAt: iso(a.notification.acknowledgedAt),
      acknowledgedBy: a.notification.acknowledgedBy,
      lastError: a.notification.lastError,
    },
    mainRuleOverride: a.mainRuleOverrideReason ? { reason: a.mainRuleOverrideReason, by: a.mainRuleOverrideBy ?? '' } : null,
  }));
}

/** Alerts these units through 110 on the mission's call (the caller checked there is one). */
export async function alertUnitsVia110(
  tx: Tx,
  emit: Emit,
  actor: UserActor,
  mission: Mission & { callId: string },
  units: UnitCandidate[],
  opts: { channelName: NotificationChannel; round: number; eventType: string; override?: { reason: string; by: string } },
): Promise<void> {
  const call = await tx.call.findUniqueOrThrow({ where: { id: mission.callId } });
  const label = akutthjelperEventLabel(opts.eventType);
  const now = new Date();
  for (const u of units) {
    const message = `Akutthjelper: AMK ber om at ${u.unitName} rykker ut som akutthjelper – ${label}. Sted: ${call.addressText ?? `${mission.lat}, ${mission.lon}`}. Kvitter til AMK.`;
    const notification = await tx.notification.create({
      data: {
        id: newId(),
        callId: mission.callId,
        centreId: actor.centre.id,
        recipient: 'FIRE',
        message,
        // With a gateway it leaves after commit (the dispatcher, with retries); without, 110 is phoned.
        ...(opts.channelName === 'manual'
          ? { channel: opts.channelName, state: 'MANUAL' as const, nextAttemptAt: null }
          : { channel: opts.channelName, state: 'PENDING' as const, nextAttemptAt: now }),
      },
    });
    publishNotification(emit, notification);
    await tx.akutthjelperUnitAlert.create({
      data: {
        id: newId(),
        missionId: mission.id,
        unitId: u.unitId,
        notificationId: notification.id,
        round: opts.round,
        distanceM: Math.round(u.distanceKm * 1000),
        alertedAt: now,
        mainRuleOverrideReason: opts.override?.reason ?? null,
        mainRuleOverrideBy: opts.override?.by ?? null,
      },
    });
    await journalOnCall(tx, emit, {
      callId: mission.callId,
      authorId: actor.userId,
      author: actor.displayName,
      kind: 'NOTIFICATION',
      text: `Akutthjelper via 110: ${u.unitName} (${u.organisationName}) – ${label}`,
      message: journalMessage('akutthjelper.alerted', { unit: u.unitName, organisation: u.organisationName, label }),
    });
  }
}
