// Which notifications are my centre's inbox: sent to my centre by another centre of this
// installation, and not yet acknowledged here. Oldest first: the one waiting longest on top.
import type { NotificationSummary } from '@amk/contracts';

/** An inbox item unacknowledged for longer than this is red, here and on the sender's screen. */
export const INBOX_LATE_MS = 60_000;

export function inboxItems(notifications: Record<string, NotificationSummary>, centreId: string | undefined): NotificationSummary[] {
  if (!centreId) return [];
  return Object.values(notifications)
    .filter((n) => n.channel === 'internal' && n.recipientCentreId === centreId && n.centreId !== centreId && !n.acknowledgedAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
