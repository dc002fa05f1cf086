// Delivers PENDING notifications after their transaction committed: at least once, with
// exponential backoff, until MAX_ATTEMPTS; then FAILED, visible on the call, never silent.
// Several server instances may run it: rows are claimed with FOR UPDATE SKIP LOCKED, so each
// notification is being sent by one instance at a time.
import { periodicJob } from '../../lib/periodic-job.js';
import type { Transact } from '../../realtime/transact.js';
import type { NotificationChannel } from './channel.js';
import { publishNotification } from './notifications.service.js';

export const MAX_ATTEMPTS = 6;
const backoffMs = (attempts: number) => Math.min(60_000, 1_000 * 2 ** (attempts - 1));

export function createNotificationDispatcher({
  transact,
  channel,
  intervalMs = 1_000,
  log,
}: {
  transact: Transact;
  channel: NotificationChannel;
  intervalMs?: number;
  log?: { warn(obj: unknown, msg?: string): void };
}) {
  /** Sends what is due now; returns how many were attempted. */
  async function runOnce(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const sent = await transact(async (tx, emit) => {
        const [due] = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Notification"
          WHERE "state" = 'PENDING' AND "nextAttemptAt" <= now()
          ORDER BY "nextAttemptAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!due) return false;
        const n = await tx.notification.findUniqueOrThrow({ where: { id: due.id }, include: { call: { include: { centre: true } } } });
        const recipientCentre = n.recipientCentreId ? await tx.centre.findUnique({ where: { id: n.recipientCentreId } }) : null;
        const result = await channel.send({
          id: n.id,
          callId: n.callId,
          centreCode: n.call.centre.code,
          recipient: n.recipient,
          recipientCentreCode: recipientCentre?.code ?? null,
          message: n.message,
        });
        const attempts = n.attempts + 1;
        const row = await tx.notification.update({
          where: { id: n.id },
          data: result.ok
            ? { state: 'SENT', sentAt: new Date(), attempts, lastError: null, nextAttemptAt: null }
            : attempts >= MAX_ATTEMPTS
              ? { state: 'FAILED', attempts, lastError: result.error, nextAttemptAt: null }
              : { attempts, lastError: result.error, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)) },
        });
        // A retry that will be tried again is not news for the screens; success and failure are.
        if (result.ok || row.state === 'FAILED' || attempts === 1) publishNotification(emit, row);
        return true;
      });
      if (!sent) return attempted;
      attempted++;
    }
  }

  return periodicJob('notification dispatcher', runOnce, intervalMs, log);
}

export type NotificationDispatcher = ReturnType<typeof createNotificationDispatcher>;
