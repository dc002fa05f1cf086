// How a notification leaves the building. The real recipients (police 112, fire 110, HRS, other
// centres) sit behind a gateway we cannot reach from here; the webhook channel speaks to such a
// gateway over HTTP, and the manual channel is for centres without one (the operator phones and
// records the acknowledgement by hand).
import type { NotificationChannel as ChannelName } from '@amk/domain';

interface OutboundNotification {
  id: string;
  callId: string;
  centreCode: string;
  recipient: string;
  recipientCentreCode: string | null;
  message: string;
}

type SendResult = { ok: true } | { ok: false; error: string };

export interface NotificationChannel {
  readonly name: Exclude<ChannelName, 'internal'>;
  send(n: OutboundNotification): Promise<SendResult>;
}

/** No gateway: nothing leaves by itself. Its notifications start MANUAL and are never queued. */
export const manualChannel: NotificationChannel = {
  name: 'manual',
  async send() {
    // Reached only by a notification queued for a gateway that is no longer configured.
    return { ok: false, error: 'ingen varslingsportal er satt opp: ring mottakeren' };
  },
};

/** POSTs the notification as JSON; any 2xx is delivered, anything else is retried. */
export function webhookChannel(url: string, timeoutMs = 5_000): NotificationChannel {
  return {
    name: 'webhook',
    async send(n) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(n),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return res.ok ? { ok: true } : { ok: false, error: `gateway answered ${res.status}` };
      } catch (e) {
        return { ok: false, error: `gateway unreachable: ${(e as Error).message}` };
      }
    },
  };
}
