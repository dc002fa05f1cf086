// Test alerts: the organisation's leader (a member marked as leader, logged in on the responder
// page) checks that the members' phones get the alert. The SMS is marked ØVELSE/TEST, the replies
// are shown to the leader, and nothing of it is an alert: it lives in its own tables, so reports
// and indicators never count it.
//
// Who is a leader: there is no organisation role among the logins (an organisation is not a
// centre), so the leader is a member flagged isLeader by the centre's administrator, reached
// through that member's responder login.
import { parseSmsReply, samePhone, TEST_REPLY_TEXT, testAlertSmsText } from '@amk/domain';
import type { SmsInbound, SmsInboundAnswer, TestAlertSummary } from '@amk/contracts';
import type { IntegrationActor, UserActor } from '../../auth/actor.js';
import type { Db } from '@amk/db';
import { badGateway, forbidden, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import { writeAudit } from '../audit/audit.service.js';
import type { SmsGateway } from './sms-gateway.js';
import { smsRecipientView } from './sms-recipients.js';

/** A reply to a test counts for this long after it was sent. */
const REPLY_WINDOW_MS = 24 * 3_600_000;

export function createTestAlertsService({ prisma, sms }: { prisma: Db; sms: SmsGateway }) {
  async function leaderOf(actor: UserActor) {
    const member = await prisma.akutthjelperMember.findUnique({
      where: { userId: actor.userId },
      include: { unit: { include: { organisation: true } } },
    });
    if (!member) throw notFound('akutthjelper.notAMember');
    if (!member.isLeader) throw forbidden('akutthjelper.leaderOnlyTest');
    return member;
  }

  async function summary(id: string): Promise<TestAlertSummary> {
    const t = await prisma.akutthjelperTestAlert.findUniqueOrThrow({
      where: { id },
      include: { sentBy: true, recipients: { include: { member: true }, orderBy: { member: { name: 'asc' } } } },
    });
    return {
      id: t.id,
      sentAt: t.sentAt.toISOString(),
      sentBy: t.sentBy.name,
      text: t.text,
      recipients: t.recipients.map((r) => ({ ...smsRecipientView(r), reply: r.reply })),
    };
  }

  /** The newest test sent to this phone in the last 24 hours, from an organisation the gateway's centre has an agreement with. */
  async function latestFor(actor: IntegrationActor, phone: string) {
    const open = await prisma.akutthjelperTestRecipient.findMany({
      where: {
        testAlert: { sentAt: { gte: new Date(Date.now() - REPLY_WINDOW_MS) } },
        member: { unit: { agreements: { some: { centreId: actor.centre.id } } } },
      },
      include: { member: true, testAlert: true },
      orderBy: { testAlert: { sentAt: 'desc' } },
    });
    return open.find((x) => samePhone(x.member.phone, phone)) ?? null;
  }

  return {
    /** When a test was last sent to this phone (to tell which message an SMS answers), or null. */
    async lastSentAt(actor: IntegrationActor, phone: string): Promise<Date | null> {
      return (await latestFor(actor, phone))?.testAlert.sentAt ?? null;
    },

    /** Sends the test to every member of the leader's organisation, now, and says who got it. */
    async send(actor: UserActor): Promise<TestAlertSummary> {
      const leader = await leaderOf(actor);
      const org = leader.unit.organisation;
      const members = await prisma.akutthjelperMember.findMany({ where: { unit: { organisationId: org.id } } });
      const text = testAlertSmsText(org.name);
      const id = newId();
      await prisma.$transaction(async (tx) => {
        await tx.akutthjelperTestAlert.create({
          data: { id, organisationId: org.id, sentById: leader.id, sentAt: new Date(), text },
        });
        await tx.akutthjelperTestRecipient.createMany({ data: members.map((m) => ({ id: newId(), testAlertId: id, memberId: m.id })) });
        await writeAudit(tx, actor, {
          action: 'akutthjelper.test_alert',
          entityType: 'AkutthjelperOrganisation',
          entityId: org.id,
          detail: { testAlertId: id, recipients: members.length },
        });
      });
      // Sent after the rows exist, so a reply that comes back at once finds its test.
      for (const m of members) {
        const result = await sms.send(m.phone, text);
        await prisma.akutthjelperTestRecipient.update({
          where: { testAlertId_memberId: { testAlertId: id, memberId: m.id } },
          data: result.ok ? { deliveredAt: new Date() } : { failedAt: new Date(), lastError: result.error },
        });
      }
      return summary(id);
    },

    /** The organisation's latest tests with each member's reply, for the leader. */
    async list(actor: UserActor): Promise<{ testAlerts: TestAlertSummary[] }> {
      const leader = await leaderOf(actor);
      const rows = await prisma.akutthjelperTestAlert.findMany({
        where: { organisationId: leader.unit.organisationId },
        orderBy: { sentAt: 'desc' },
        take: 5,
        select: { id: true },
      });
      return { testAlerts: await Promise.all(rows.map((r) => summary(r.id))) };
    },

    /**
     * A member's SMS that answers no real alert: the reply to a test of the last 24 hours from an
     * organisation with an agreement with the gateway's centre, if there is one; else null.
     */
    async answerSms(actor: IntegrationActor, message: SmsInbound): Promise<SmsInboundAnswer | null> {
      const r = await latestFor(actor, message.from);
      if (!r) return null;
      // The first answer is the one shown; a gateway's retry changes nothing.
      if (!r.repliedAt) {
        await prisma.akutthjelperTestRecipient.update({
          where: { id: r.id },
          data: { repliedAt: new Date(), reply: message.text.trim().slice(0, 160), deliveredAt: r.deliveredAt ?? new Date() },
        });
      }
      const sent = await sms.send(r.member.phone, TEST_REPLY_TEXT);
      if (!sent.ok) throw badGateway('akutthjelper.replySmsFailed', { error: sent.error });
      const action = parseSmsReply(message.text);
      return { understood: true, action: action === 'accept' ? 'accept' : null, alertId: r.id, reply: TEST_REPLY_TEXT, about: 'TEST' };
    },
  };
}

export type TestAlertsService = ReturnType<typeof createTestAlertsService>;
