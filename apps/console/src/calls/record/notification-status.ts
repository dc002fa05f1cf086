// What a notification's row says, in words an operator can act on. A notification through the
// 'manual' channel (no gateway configured) is never sent by the system: it stays MANUAL until the
// operator phones it in and records who confirmed and when, so it never reads as "sent".
import type { NotificationSummary } from '@amk/contracts';
import type { MessageKey } from '../../i18n/i18n.js';

export const ACK_WARNING_MS = 2 * 60_000;
/** A centre of this installation has it on screen at once: 60 s without an acknowledgement is late. */
const INTERNAL_ACK_WARNING_MS = 60_000;

export interface NotificationStatus {
  stateKey: MessageKey;
  manual: boolean;
  failed: boolean;
  acknowledged: boolean;
  /** Waiting for an acknowledgement for longer than ACK_WARNING_MS: how long, else null. */
  lateByMs: number | null;
}

export function notificationStatus(n: NotificationSummary, now: number): NotificationStatus {
  const acknowledged = n.state === 'ACKNOWLEDGED' || !!n.acknowledgedAt;
  const failed = !acknowledged && n.state === 'FAILED';
  const manual = n.channel === 'manual';
  const waiting = now - Date.parse(manual ? n.createdAt : (n.sentAt ?? n.createdAt));
  return {
    stateKey: acknowledged ? 'notify.state.ACKNOWLEDGED' : failed ? 'notify.state.FAILED' : `notify.state.${n.state}`,
    manual,
    failed,
    acknowledged,
    lateByMs: !acknowledged && !failed && waiting > (n.channel === 'internal' ? INTERNAL_ACK_WARNING_MS : ACK_WARNING_MS) ? waiting : null,
  };
}
