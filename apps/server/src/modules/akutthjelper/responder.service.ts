// The responder's side: what the member sees, and every acknowledgement they give, on the
// responder page or, for a member without it, by answering the alert SMS.
import { parseSmsReply, samePhone, SMS_OUT_OF_TURN, smsReplyText } from '@amk/domain';
import type { ResponderAlert, SmsInbound, SmsInboundAnswer } from '@amk/contracts';
import type { IntegrationActor, UserActor } from '../../auth/actor.js';
import type { AlertState, Db } from '@amk/db';
import { badGateway, conflict, notFound } from '../../lib/http-error.js';
import type { Transact } from '../../realtime/transact.js';
import { loadAlert, publishAlert, toResponderAlert } from './alert-views.js';
import type { SmsGateway } from './sms-gateway.js';
import type { BistandService } from './bistand.service.js';
import type { TestAlertsService } from './test-alerts.service.js';

export type ResponderActionName = 'delivered' | 'seen' | 'accept' | 'decline' | 'arrived';
const RANK: Record<AlertState, number> = {
  PENDING: 0,
  FAILED: 0,
  DELIVERED: 1,
  SEEN: 2,
  ACCEPTED: 3,
  DECLINED: 3,
  ARRIVED: 4,
  CANCELLED: 5,
};

export function createResponderService({
  prisma,
  transact,
  sms,
  testAlerts,
  bistand,
}: {
  prisma: Db;
  transact: Transact;
  sms: SmsGateway;
  testAlerts: TestAlertsService;
  bistand: BistandService;
}) {
  async function memberOf(actor: UserActor) {
    const member = await prisma.akutthjelperMember.findUnique({ where: { userId: actor.userId }, include: { unit: true } });
    if (!member) throw notFound('akutthjelper.notAMember');
    return member;
  }

  async function actFor(memberId: string, alertId: string, action: ResponderActionName): Promise<ResponderAlert> {
    return transact(async (tx, emit) => {
      // One answer at a time per alert: "seen" and "accept" sent a moment apart must not undo each other.
      await tx.$queryRaw`SELECT 1 FROM "AkutthjelperAlert" WHERE "id" = ${alertId}::uuid FOR UPDATE`;
      const a = await loadAlert(tx, alertId).catch(() => null);
      if (!a || a.memberId !== memberId) throw notFound('akutthjelper.alertNotFound', { id: alertId });
      const now = new Date();
      const data: Record<string, unknown> = {};
      const raise = (state: AlertState) => {
        if (RANK[state] > RANK[a.state]) data.state = state;
      };
      switch (action) {
        case 'delivered':
          if (!a.deliveredAt) data.deliveredAt = now;
          raise('DELIVERED');
          break;
        case 'seen':
          if (!a.deliveredAt) data.deliveredAt = now;
          if (!a.seenAt) data.seenAt = now;
          raise('SEEN');
          break;
        case 'accept':
        case 'decline':
          if (a.mission.closedAt || a.state === 'CANCELLED') throw conflict('akutthjelper.missionOver');
          if (a.acceptedAt || a.declinedAt) {
            if ((action === 'accept') === !!a.acceptedAt) break; // the same answer again
            throw conflict(a.acceptedAt ? 'akutthjelper.alreadyAccepted' : 'akutthjelper.alreadyDeclined');
          }
          Object.assign(data, action === 'accept' ? { acceptedAt: now, state: 'ACCEPTED' } : { declinedAt: now, state: 'DECLINED' });
          if (!a.deliveredAt) data.deliveredAt = now;
          if (!a.seenAt) data.seenAt = now;
          break;
        case 'arrived':
          if (!a.acceptedAt) throw conflict('akutthjelper.acceptBeforeArrival');
          if (!a.arrivedAt) Object.assign(data, { arrivedAt: now, state: 'ARRIVED' });
          break;
      }
      if (Object.keys(data).length) {
        await tx.akutthjelperAlert.update({ where: { id: a.id }, data });
        await publishAlert(tx, emit, a.id);
      }
      return toResponderAlert(tx, await loadAlert(tx, a.id));
    });
  }

  return {
    async me(actor: UserActor) {
      const member = await memberOf(actor);
      const since = new Date(Date.now() - 12 * 3_600_000);
      const rows = await prisma.akutthjelperAlert.findMany({
        where: { memberId: member.id, alertedAt: { gte: since } },
        orderBy: { alertedAt: 'desc' },
        select: { id: true },
      });
      const alerts: ResponderAlert[] = [];
      for (const r of rows) alerts.push(await toResponderAlert(prisma, await loadAlert(prisma, r.id)));
      return {
        memberId: member.id,
        name: member.name,
        unitName: member.unit.name,
        onDuty: member.onDuty,
        trainingValidUntil: member.trainingValidUntil?.toISOString().slice(0, 10) ?? null,
        isLeader: member.isLeader,
        alerts,
      };
    },

    async act(actor: UserActor, alertId: string, action: ResponderActionName): Promise<ResponderAlert> {
      return actFor((await memberOf(actor)).id, alertId, action);
    },

    /**
     * An SMS from a member, passed on by the gateway: JA accepts, NEI declines, FRAM marks arrival,
     * on the member's latest open alert from this centre. The answer goes back by SMS, with the
     * place only after JA, as on the page.
     */
    async answerSms(actor: IntegrationActor, message: SmsInbound): Promise<SmsInboundAnswer> {
      // DECLINED stays in: a gateway retrying a "NEI" must find the same alert, not an older one
      const open = await prisma.akutthjelperAlert.findMany({
        where: { mission: { centreId: actor.centre.id, closedAt: null }, state: { not: 'CANCELLED' } },
        include: { member: true },
        orderBy: { alertedAt: 'desc' },
      });
      const alert = open.find((a) => samePhone(a.member.phone, message.from));
      // Not an answer to a real alert: to a bistand request or a test of the phones, whichever
      // reached this phone last (an SMS answers the latest message the member got).
      if (!alert) {
        const [asked, tested] = await Promise.all([bistand.lastAskedAt(actor, message.from), testAlerts.lastSentAt(actor, message.from)]);
        if (asked && (!tested || asked >= tested)) return (await bistand.answerSms(actor, message))!;
        if (tested) return (await testAlerts.answerSms(actor, message))!;
      }
      if (!alert) throw notFound('akutthjelper.noAlertWaiting', { centre: actor.centre.code, from: message.from });
      const action = parseSmsReply(message.text);
      let reply = smsReplyText(null, null); // not understood: how to answer
      let done = false;
      if (action === 'arrived' && !alert.acceptedAt) reply = SMS_OUT_OF_TURN.arrivedBeforeAccept;
      else if (action === 'decline' && alert.acceptedAt) reply = SMS_OUT_OF_TURN.declineAfterAccept;
      else if ((action === 'accept' || action === 'arrived') && alert.declinedAt) reply = SMS_OUT_OF_TURN.acceptAfterDecline;
      else if (action) {
        reply = smsReplyText(action, (await actFor(alert.memberId, alert.id, action)).place);
        done = true;
      }
      // A reply that cannot be sent makes the gateway try the message again (answering twice
      // changes nothing), so the member is never left without the place after JA.
      const sent = await sms.send(alert.member.phone, reply);
      if (!sent.ok) throw badGateway('akutthjelper.replySmsFailed', { error: sent.error });
      return { understood: done, action: done ? action : null, alertId: alert.id, reply, about: 'ALERT' };
    },

    /** While on a mission, the phone shares its position with AMK. */
    async position(actor: UserActor, lat: number, lon: number): Promise<void> {
      const member = await memberOf(actor);
      await transact(async (tx, emit) => {
        await tx.akutthjelperMember.update({ where: { id: member.id }, data: { lat, lon, positionAt: new Date() } });
        const active = await tx.akutthjelperAlert.findMany({
          where: { memberId: member.id, state: { in: ['ACCEPTED'] }, mission: { closedAt: null } },
          select: { id: true },
        });
        for (const a of active) await publishAlert(tx, emit, a.id);
      });
    },

    async duty(actor: UserActor, onDuty: boolean): Promise<void> {
      const member = await memberOf(actor);
      await prisma.akutthjelperMember.update({ where: { id: member.id }, data: { onDuty } });
    },
  };
}

export type ResponderService = ReturnType<typeof createResponderService>;
