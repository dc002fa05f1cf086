import type { NotificationSummary } from '@amk/contracts';
import type { Notification } from '@amk/db';
import { iso } from '../../lib/iso.js';

export function toNotificationSummary(n: Notification): NotificationSummary {
  return {
    id: n.id,
    callId: n.callId,
    centreId: n.centreId,
    groupId: n.groupId,
    recipient: n.recipient,
    recipientCentreId: n.recipientCentreId,
    channel: n.channel,
    message: n.message,
    urgency: n.urgency,
    state: n.state,
    attempts: n.attempts,
    lastError: n.lastError,
    createdAt: n.createdAt.toISOString(),
    sentAt: iso(n.sentAt),
    acknowledgedAt: iso(n.acknowledgedAt),
    acknowledgedBy: n.acknowledgedBy,
  };
}
