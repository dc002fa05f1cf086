// Notifications from a call: triple alerting (§ 15 d) is ONE action that notifies police and fire
// together; HRS, another AMK and the LVS likewise (§ 15 e, f). Each recipient has its own row
// with sent and acknowledged times. Delivery happens after commit, in the dispatcher, with retries;
// a notification that cannot be delivered ends FAILED and shows as such on the call.
import type { NotificationSummary, NotifyRequest } from '@amk/contracts';
import { rooms, type Actor, type UserActor } from '../../auth/actor.js';
import type { Db, Tx } from '../../db/prisma.js';
import type { Notification } from '../../generated/prisma/client.js';
import { badRequest, notFound } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { callVisibleTo } from '../calls/call-access.js';
import { toNotificationSummary } from './notification-summary.js';

type Emit = Parameters<Parameters<Transact>[0]>[1];
type Recipient = NotificationSummary['recipient'];

const RECIPIENT_WORD: Record<Recipient, string> = { POLICE: 'politi (112)', FIRE: 'brann (110)', HRS: 'HRS', AMK: 'AMK', LVS: 'legevaktsentral' };

export function publishNotification(emit: Emit, n: Notification): NotificationSummary {
  const s = toNotificationSummary(n);
  emit({ type: 'notification.upserted', centreId: n.centreId, audience: [rooms.centre(n.centreId)], data: s });
  return s;
}

export function createNotificationsService({ prisma, transact, channelName }: { prisma: Db; transact: Transact; channelName: string }) {
  return {
    async notify(actor: UserActor, callId: string, req: NotifyRequest): Promise<NotificationSummary[]> {
      const recipients = [...new Set(req.recipients.flatMap((r) => (r === 'TRIPLE' ? (['POLICE', 'FIRE'] as const) : [r])))];
      const recipientCentre = req.recipientCentre ? await prisma.centre.findUnique({ where: { code: req.recipientCentre } }) : null;
      if (req.recipientCentre && !recipientCentre) throw badRequest(`unknown centre '${req.recipientCentre}'`);
      for (const r of recipients) {
        if ((r === 'AMK' || r === 'LVS') && recipientCentre?.kind !== r) throw badRequest(`${req.recipientCentre} is not an ${r} centre`);
      }
      return transact(async (tx, emit) => {
        const call = await callVisibleTo(tx, actor, callId, 'write');
        const groupId = recipients.length > 1 ? newId() : null;
        const now = new Date();
        const created: NotificationSummary[] = [];
        for (const recipient of recipients) {
          const row = await tx.notification.create({
            data: {
              id: newId(), callId: call.id, centreId: actor.centre.id, groupId, recipient,
              recipientCentreId: recipient === 'AMK' || recipient === 'LVS' ? recipientCentre!.id : null,
              channel: channelName, message: req.message, state: 'PENDING', nextAttemptAt: now,
            },
          });
          created.push(publishNotification(emit, row));
        }
        const what = req.recipients.includes('TRIPLE') ? 'Trippelvarsling' : 'Varsling';
        await tx.callJournalEntry.create({
          data: { id: newId(), callId: call.id, authorId: actor.userId, author: actor.displayName, kind: 'NOTIFICATION', text: `${what}: ${recipients.map((r) => RECIPIENT_WORD[r]).join(', ')} — ${req.message}` },
        });
        return created;
      });
    },

    /** The recipient confirmed: by API (the gateway) or by the operator's hand. Idempotent. */
    async acknowledge(actor: Actor, notificationId: string, by: string, at?: string): Promise<NotificationSummary> {
      return transact(async (tx, emit) => {
        const n = await tx.notification.findUnique({ where: { id: notificationId } });
        if (!n || n.centreId !== actor.centre.id) throw notFound(`no notification ${notificationId} at ${actor.centre.code}`);
        if (n.acknowledgedAt) return toNotificationSummary(n);
        const row = await tx.notification.update({
          where: { id: n.id },
          data: { state: 'ACKNOWLEDGED', acknowledgedAt: at ? new Date(at) : new Date(), acknowledgedBy: by, sentAt: n.sentAt ?? new Date() },
        });
        return publishNotification(emit, row);
      });
    },

    async listForCentre(db: Db | Tx, centreId: string): Promise<NotificationSummary[]> {
      const rows = await db.notification.findMany({ where: { centreId, call: { closedAt: null } }, orderBy: { createdAt: 'asc' }, take: 500 });
      return rows.map(toNotificationSummary);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
