// Notifications to other emergency services: triple alerting (§ 15 d: police 112 and fire 110
// together with health), HRS, other AMK centres and the legevaktsentral (§ 15 e, f).
import { DELIVERY_STATES, NOTIFICATION_CHANNELS, NOTIFICATION_RECIPIENTS } from '@amk/domain';
import { z } from 'zod';
import { IsoTime, Urgency, Uuid } from './common.js';

export const NotificationRecipient = z.enum(NOTIFICATION_RECIPIENTS);
export const DeliveryState = z.enum(DELIVERY_STATES);

export const NotificationSummary = z.object({
  id: Uuid,
  callId: Uuid,
  centreId: Uuid,
  groupId: Uuid.nullable(),
  recipient: NotificationRecipient,
  recipientCentreId: Uuid.nullable(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  message: z.string(),
  /** The call's urgency when it was sent (null for an untriaged call). */
  urgency: Urgency.nullable(),
  state: DeliveryState,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoTime,
  sentAt: IsoTime.nullable(),
  acknowledgedAt: IsoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type NotificationSummary = z.infer<typeof NotificationSummary>;

export const NotifyRequest = z
  .object({
    /** TRIPLE = police and fire together with this centre (trippelvarsling). */
    recipients: z
      .array(z.union([NotificationRecipient, z.literal('TRIPLE')]))
      .min(1, 'name at least one recipient')
      .max(5),
    recipientCentre: z.string().trim().max(50).optional().describe('centre code when notifying another AMK or an LVS'),
    message: z.string().trim().min(1, 'write the message').max(2000),
  })
  .refine((r) => !(r.recipients.includes('AMK') || r.recipients.includes('LVS')) || r.recipientCentre, {
    message: 'name the recipientCentre when notifying an AMK or an LVS',
    path: ['recipientCentre'],
  });
export type NotifyRequest = z.infer<typeof NotifyRequest>;

export const AcknowledgeRequest = z.object({ by: z.string().trim().min(1).max(200), at: IsoTime.optional() });
export const NotificationIdParams = z.object({ notificationId: Uuid });
export const NotificationList = z.object({ notifications: z.array(NotificationSummary) });
