// The akutthjelper job, every few seconds, on whichever instance gets each row first:
//   - SMS alerts are sent through the gateway, retried, and marked FAILED when they cannot be;
//   - a page alert not delivered within PAGE_FALLBACK_MS goes out by SMS as well (a phone whose
//     page is asleep still gets the alert);
//   - a mission where fewer than the required number have accepted within ESCALATE_AFTER_MS of
//     the last round alerts the next nearest eligible members (a new round), live on the console.
import { akutthjelperEventLabel, alertSmsText } from '@amk/domain';
import type { UserActor } from '../../auth/actor.js';
import type { Db } from '@amk/db';
import { periodicJob } from '../../lib/periodic-job.js';
import type { Transact } from '../../realtime/transact.js';
import { publishAlert } from './alert-views.js';
import type { AlertingService } from './alerting.service.js';
import { eligibility } from './eligibility.js';
import type { SmsGateway } from './sms-gateway.js';

const PAGE_FALLBACK_MS = 30_000;
const SMS_MAX_ATTEMPTS = 3;
const MAX_ROUNDS = 5;

export function createAkutthjelperJob({
  prisma,
  transact,
  alerting,
  sms,
  escalateAfterMs = 60_000,
  intervalMs = 2_000,
  log,
}: {
  prisma: Db;
  transact: Transact;
  alerting: AlertingService;
  sms: SmsGateway;
  escalateAfterMs?: number;
  intervalMs?: number;
  log?: { warn(obj: unknown, msg?: string): void };
}) {
  const smsAttempts = new Map<string, number>();

  async function sendSms(): Promise<void> {
    const fallbackBefore = new Date(Date.now() - PAGE_FALLBACK_MS);
    await prisma.akutthjelperAlert.updateMany({
      where: { channel: 'PAGE', state: 'PENDING', deliveredAt: null, alertedAt: { lt: fallbackBefore }, mission: { closedAt: null } },
      data: { channel: 'SMS' },
    });
    const due = await prisma.akutthjelperAlert.findMany({
      where: { channel: 'SMS', state: 'PENDING', deliveredAt: null, mission: { closedAt: null } },
      include: { member: true, mission: true },
      take: 100,
    });
    for (const a of due) {
      const label = akutthjelperEventLabel(a.mission.eventType);
      // answered by SMS too (POST /integrations/sms/inbound), so a member without the page can say yes
      const result = await sms.send(a.member.phone, alertSmsText(label, a.distanceM));
      const attempts = (smsAttempts.get(a.id) ?? 0) + 1;
      smsAttempts.set(a.id, attempts);
      if (!result.ok && attempts < SMS_MAX_ATTEMPTS) continue;
      await transact(async (tx, emit) => {
        const now = new Date();
        const { count } = await tx.akutthjelperAlert.updateMany({
          where: { id: a.id, state: 'PENDING' },
          data: result.ok
            ? { state: 'DELIVERED', deliveredAt: now, lastError: null }
            : { state: 'FAILED', failedAt: now, lastError: result.error },
        });
        if (count) await publishAlert(tx, emit, a.id);
      });
      smsAttempts.delete(a.id);
    }
  }

  async function escalate(): Promise<void> {
    const missions = await prisma.mission.findMany({
      where: { closedAt: null, requiredResponders: { not: null }, alerts: { some: {} } },
      include: { centre: true },
      take: 200,
    });
    for (const m of missions) {
      await transact(async (tx, emit) => {
        const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Mission" WHERE "id" = ${m.id}::uuid FOR UPDATE SKIP LOCKED`;
        if (!locked) return;
        const alerts = await tx.akutthjelperAlert.findMany({ where: { missionId: m.id } });
        const accepted = alerts.filter((a) => a.state === 'ACCEPTED' || a.state === 'ARRIVED').length;
        const round = Math.max(...alerts.map((a) => a.round));
        const lastAlertedAt = Math.max(...alerts.filter((a) => a.round === round).map((a) => a.alertedAt.getTime()));
        if (accepted >= (m.requiredResponders ?? 0) || round >= MAX_ROUNDS || Date.now() - lastAlertedAt < escalateAfterMs) return;
        // The escalation acts for the centre that made the mission an akutthjelper mission.
        const system: UserActor = {
          kind: 'user',
          userId: '00000000-0000-0000-0000-000000000000',
          username: 'system',
          displayName: 'Eskalering',
          role: 'amk_operator',
          locale: 'nb',
          centre: { id: m.centre.id, code: m.centre.code, name: m.centre.name, kind: m.centre.kind, lat: m.centre.lat, lon: m.centre.lon },
        };
        // A mission alerted outside the main rule by an override escalates under the same override.
        const overridden = alerts.find((a) => a.mainRuleOverrideReason);
        const override = overridden ? { reason: overridden.mainRuleOverrideReason!, by: overridden.mainRuleOverrideBy ?? '' } : undefined;
        const { refusal, candidates } = await eligibility(tx, system, m, m.eventType, !!override);
        if (refusal) return;
        const alerted = new Set(alerts.map((a) => a.memberId));
        const next = candidates.filter((c) => !alerted.has(c.memberId)).slice(0, (m.requiredResponders ?? 1) - accepted);
        if (next.length) await alerting.createAlerts(tx, emit, m.id, next, round + 1, override);
      });
    }
  }

  return periodicJob(
    'akutthjelper job',
    async () => {
      await sendSms();
      await escalate();
    },
    intervalMs,
    log,
  );
}

export type AkutthjelperJob = ReturnType<typeof createAkutthjelperJob>;
