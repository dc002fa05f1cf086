// Notifications from a call: triple alerting (§ 15 d) is ONE action that notifies police and fire
// together; HRS, another AMK and the LVS likewise (§ 15 e, f). Each recipient has its own row
// with sent and acknowledged times.
//
// Services outside the installation (police, fire, HRS) are reached through the gateway: delivery
// happens after commit, in the dispatcher, with retries; a notification that cannot be delivered
// ends FAILED and shows as such on the call. A centre of this installation (another AMK, an LVS)
// is reached directly: the notification is DELIVERED in the same transaction, lands in that
// centre's inbox on every one of its consoles, and is acknowledged there by an operator.
//
// Without a gateway (the manual channel) nothing is sent: the row says MANUAL ("must be phoned")
// until an operator records who confirmed and when. A triple alert from a legevaktsentral also
// notifies the AMK that covers the call (§ 13 b: acute cases go to AMK).
import { journalMessage, type NotificationSummary, type NotifyRequest } from '@amk/contracts';
import { coveringCentres, type NotificationChannel, type Urgency } from '@amk/domain';
import { rooms, type Actor, type UserActor } from '../../auth/actor.js';
import type { Db, Notification, Tx } from '@amk/db';
import { badRequest, conflict, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { callVisibleTo } from '../calls/call-access.js';
import { journalOnCall } from '../calls/call-journal.js';
import { toNotificationSummary } from './notification-summary.js';
import type { Emit } from '../../realtime/event-log.js';

type Recipient = NotificationSummary['recipient'];

const RECIPIENT_WORD: Record<Recipient, string> = {
  POLICE: 'politi (112)',
  FIRE: 'brann (110)',
  HRS: 'HRS',
  AMK: 'AMK',
  LVS: 'legevaktsentral',
};

/** Recipients as the journal message keeps them: codes, an internal centre as `AMK:<name>` (see journal-messages.ts). */
function recipientCodes(recipients: readonly Recipient[], centreName: (r: Recipient) => string | undefined): string {
  return recipients.map((r) => (centreName(r) ? `${r}:${centreName(r)}` : r)).join(',');
}

/** The channel of a notification to a centre of this installation: no gateway, straight to its inbox. */
export const INTERNAL_CHANNEL = 'internal' satisfies NotificationChannel;
/** How far a reported acknowledgement time may lie ahead of or before our own clock. */
const CLOCK_SKEW_MS = 60_000;

/** The AMK that covers a kommune; without one, the AMK that covers the most of the LVS's own kommuner. */
async function amkCovering(tx: Tx, kommunenummer: string | null, lvsId: string): Promise<{ id: string; name: string } | null> {
  const centres = await tx.centre.findMany({
    where: { kind: 'AMK' },
    select: { id: true, code: true, name: true, kind: true, kommuner: true },
  });
  const byKommune = coveringCentres(kommunenummer, 'AMK', centres)[0];
  if (byKommune) return byKommune;
  const lvs = await tx.centre.findUniqueOrThrow({ where: { id: lvsId }, select: { kommuner: true } });
  const overlap = (c: { kommuner: string[] }) => c.kommuner.filter((k) => lvs.kommuner.includes(k)).length;
  const best = [...centres].sort((a, b) => overlap(b) - overlap(a))[0];
  return best && overlap(best) > 0 ? best : null;
}

/** A notification between centres of the installation unacknowledged this long is red on both walls. */
export const CENTRE_NOTIFICATION_LATE_MS = 60_000;

export function publishNotification(emit: Emit, n: Notification): NotificationSummary {
  const s = toNotificationSummary(n);
  // The sending centre follows it; a receiving centre of this installation has it in its inbox.
  const audience = [
    rooms.centre(n.centreId),
    ...(n.recipientCentreId && n.channel === INTERNAL_CHANNEL ? [rooms.centre(n.recipientCentreId)] : []),
  ];
  emit({ type: 'notification.upserted', centreId: n.centreId, audience, data: s });
  return s;
}

/**
 * One notification row, published. A centre of this installation (recipientCentreId given) has it
 * at once, in this transaction; the rest wait for the gateway, or, with none, for the operator's
 * phone call. Used by a call's notifications and by a major incident's declaration.
 */
export async function createNotification(
  tx: Tx,
  emit: Emit,
  n: {
    callId: string;
    centreId: string;
    groupId: string | null;
    recipient: Recipient;
    recipientCentreId: string | null;
    message: string;
    urgency: Urgency | null;
    channelName: NotificationChannel;
  },
): Promise<NotificationSummary> {
  const now = new Date();
  const row = await tx.notification.create({
    data: {
      id: newId(),
      callId: n.callId,
      centreId: n.centreId,
      groupId: n.groupId,
      recipient: n.recipient,
      recipientCentreId: n.recipientCentreId,
      message: n.message,
      urgency: n.urgency,
      ...(n.recipientCentreId
        ? { channel: INTERNAL_CHANNEL, state: 'DELIVERED' as const, sentAt: now, nextAttemptAt: null }
        : n.channelName === 'manual'
          ? { channel: n.channelName, state: 'MANUAL' as const, nextAttemptAt: null }
          : { channel: n.channelName, state: 'PENDING' as const, nextAttemptAt: now }),
    },
  });
  return publishNotification(emit, row);
}

export function createNotificationsService({
  prisma,
  transact,
  channelName,
}: {
  prisma: Db;
  transact: Transact;
  channelName: NotificationChannel;
}) {
  return {
    /** The channel services outside the installation are reached through ('manual' without a gateway). */
    channelName,

    async notify(actor: UserActor, callId: string, req: NotifyRequest): Promise<NotificationSummary[]> {
      const triple = req.recipients.includes('TRIPLE');
      const tripleFromLvs = triple && actor.centre.kind === 'LVS';
      const recipients = [...new Set(req.recipients.flatMap((r) => (r === 'TRIPLE' ? (['POLICE', 'FIRE'] as const) : [r])))];
      const recipientCentre = req.recipientCentre ? await prisma.centre.findUnique({ where: { code: req.recipientCentre } }) : null;
      if (req.recipientCentre && !recipientCentre) throw badRequest('centre.unknown', { centre: req.recipientCentre });
      for (const r of recipients) {
        if ((r === 'AMK' || r === 'LVS') && recipientCentre?.kind !== r) {
          throw badRequest(r === 'AMK' ? 'notification.notAmk' : 'notification.notLvs', { centre: req.recipientCentre ?? '' });
        }
        if ((r === 'AMK' || r === 'LVS') && recipientCentre?.id === actor.centre.id) {
          throw badRequest('notification.notSelf', { centre: actor.centre.code });
        }
      }
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        const centreFor = new Map<Recipient, { id: string; name: string }>();
        if (recipientCentre) centreFor.set(recipientCentre.kind, recipientCentre);
        // Police and fire are never held back for want of an AMK: without one, the journal says so.
        let amkMissing = false;
        if (tripleFromLvs && !recipients.includes('AMK')) {
          const amk = centreFor.get('AMK') ?? (await amkCovering(tx, call.kommunenummer, actor.centre.id));
          if (amk) {
            centreFor.set('AMK', amk);
            recipients.push('AMK');
          } else amkMissing = true;
        }
        const groupId = recipients.length > 1 ? newId() : null;
        const created: NotificationSummary[] = [];
        for (const recipient of recipients) {
          const internal = recipient === 'AMK' || recipient === 'LVS';
          created.push(
            await createNotification(tx, emit, {
              callId: call.id,
              centreId: actor.centre.id,
              groupId,
              recipient,
              recipientCentreId: internal ? centreFor.get(recipient)!.id : null,
              message: req.message,
              urgency: call.urgency,
              channelName,
            }),
          );
        }
        const what = triple ? 'Trippelvarsling' : 'Varsling';
        const word = (r: Recipient) => (r === 'AMK' || r === 'LVS' ? `${RECIPIENT_WORD[r]} ${centreFor.get(r)!.name}` : RECIPIENT_WORD[r]);
        await journalOnCall(tx, emit, {
          callId: call.id,
          authorId: actor.userId,
          author: actor.displayName,
          kind: 'NOTIFICATION',
          text: `${what}: ${recipients.map(word).join(', ')} — ${req.message}${amkMissing ? ' (ingen AMK dekker kommunen: ring AMK, § 13 b)' : ''}`,
          message: journalMessage(amkMissing ? 'notification.tripleNoAmk' : triple ? 'notification.tripleSent' : 'notification.sent', {
            recipients: recipientCodes(recipients, (r) => centreFor.get(r)?.name),
            message: req.message,
          }),
        });
        return created;
      });
    },

    /**
     * A recipient outside the installation confirmed: by API (the gateway) or by the sending
     * operator's hand. Idempotent. A centre of this installation acknowledges for itself (receive()).
     */
    async acknowledge(actor: Actor, notificationId: string, by: string, at?: string): Promise<NotificationSummary> {
      return transact(async (tx, emit) => {
        const n = await tx.notification.findUnique({ where: { id: notificationId } });
        if (!n || n.centreId !== actor.centre.id)
          throw notFound('notification.notFound', { id: notificationId, centre: actor.centre.code });
        if (n.acknowledgedAt) return toNotificationSummary(n);
        if (n.channel === INTERNAL_CHANNEL) throw conflict('notification.receiverAcknowledges');
        const now = new Date();
        const confirmedAt = at ? new Date(at) : now;
        // An operator's typing slip is refused; a gateway's report is kept as it came (its clock is its own).
        if (actor.kind === 'user' && confirmedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw badRequest('notification.ackInFuture');
        if (actor.kind === 'user' && confirmedAt.getTime() < n.createdAt.getTime() - CLOCK_SKEW_MS)
          throw badRequest('notification.ackBeforeCreated');
        // Not sent by the system (no gateway) or not delivered (it failed): the operator phoned it in.
        const phoned = n.state === 'MANUAL' || n.state === 'FAILED';
        const row = await tx.notification.update({
          where: { id: n.id },
          // Phoned in: it left the centre when the recipient was reached, not before.
          data: { state: 'ACKNOWLEDGED', acknowledgedAt: confirmedAt, acknowledgedBy: by, sentAt: n.sentAt ?? confirmedAt },
        });
        if (phoned && actor.kind === 'user') {
          await journalOnCall(tx, emit, {
            callId: n.callId,
            at: confirmedAt,
            authorId: actor.userId,
            author: actor.displayName,
            kind: 'NOTIFICATION',
            text: `Varsling til ${RECIPIENT_WORD[n.recipient]} ringt inn, bekreftet av ${by}`,
            message: journalMessage('notification.phonedIn', { recipients: n.recipient, by }),
          });
        }
        return publishNotification(emit, row);
      });
    },

    /**
     * An operator of the receiving centre acknowledges a notification in its inbox: by their own
     * name, now. Idempotent; the sender sees who and when. Nobody else may (404: another centre
     * does not learn that it exists).
     */
    async receive(actor: UserActor, notificationId: string): Promise<NotificationSummary> {
      return transact(async (tx, emit) => {
        const n = await tx.notification.findUnique({ where: { id: notificationId } });
        if (!n || n.channel !== INTERNAL_CHANNEL || n.recipientCentreId !== actor.centre.id) {
          throw notFound('notification.notFoundTo', { id: notificationId, centre: actor.centre.code });
        }
        if (n.acknowledgedAt) return toNotificationSummary(n);
        const row = await tx.notification.update({
          where: { id: n.id },
          data: { state: 'ACKNOWLEDGED', acknowledgedAt: new Date(), acknowledgedBy: `${actor.displayName}, ${actor.centre.name}` },
        });
        await journalOnCall(tx, emit, {
          callId: n.callId,
          authorId: actor.userId,
          author: actor.displayName,
          kind: 'NOTIFICATION',
          text: `Varsel kvittert av ${actor.displayName}, ${actor.centre.name}`,
          message: journalMessage('notification.received', { by: actor.displayName, centre: actor.centre.name }),
        });
        return publishNotification(emit, row);
      });
    },

    /** Notifications on my centre's open calls, and those in my inbox (unacknowledged, or acknowledged in the last 12 h). */
    async listForCentre(db: Db | Tx, centreId: string): Promise<NotificationSummary[]> {
      const since = new Date(Date.now() - 12 * 3_600_000);
      const rows = await db.notification.findMany({
        where: {
          OR: [
            { centreId, call: { closedAt: null } },
            { recipientCentreId: centreId, channel: INTERNAL_CHANNEL, OR: [{ acknowledgedAt: null }, { acknowledgedAt: { gte: since } }] },
          ],
        },
        orderBy: { createdAt: 'asc' },
        take: 500,
      });
      return rows.map(toNotificationSummary);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
