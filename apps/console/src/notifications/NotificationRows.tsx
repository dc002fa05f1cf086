// Notifications another centre of this installation sent to mine (§ 15 e AMK → AMK, § 15 f
// AMK → LVS, LVS → AMK) wait in the queue like a ringing call, on every console of the centre:
// the call's urgency as the sender gave it, who sent it and what it says, and how long it has
// waited. Each sounds when it arrives and stays until an operator here acknowledges it; one
// waiting for longer than INBOX_LATE_MS turns red, here and on the sender's screen.
import type { NotificationSummary } from '@amk/contracts';
import { ApiError, client, ok } from '../api/client.js';
import { formatAge } from '../lib/use-now.js';
import { useCentres } from '../lib/centres.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { useChimeForNew } from '../lib/chime.js';
import { inboxItems, INBOX_LATE_MS } from './inbox.js';
import './inbox.css';

const OPERATOR_ROLES = ['amk_operator', 'amk_doctor', 'lv_operator'];

async function acknowledge(n: NotificationSummary): Promise<void> {
  const done = await ok(client.POST('/api/v1/notifications/{notificationId}/acknowledge', { params: { path: { notificationId: n.id } } }));
  useConsole.getState().upsertNotification(done);
}

export function NotificationRows({ now }: { now: number }) {
  const t = useT();
  const centreId = useConsole((s) => s.centre?.id);
  const role = useConsole((s) => s.me?.role);
  const items = inboxItems(
    useConsole((s) => s.notifications),
    centreId,
  );
  const centres = useCentres();
  useChimeForNew(items.map((n) => n.id));

  const from = (n: NotificationSummary) => centres.find((c) => c.id === n.centreId)?.name ?? t('inbox.otherCentre');
  const mayAck = !!role && OPERATOR_ROLES.includes(role);
  const ack = (n: NotificationSummary) => acknowledge(n).catch((e: unknown) => alert(e instanceof ApiError ? e.message : String(e)));
  return (
    <>
      {items.map((n) => {
        const waited = now - Date.parse(n.sentAt ?? n.createdAt);
        return (
          <li
            key={n.id}
            className={`call-row notification urgency-${n.urgency ?? 'none'}${waited > INBOX_LATE_MS ? ' late' : ''}`}
            data-notification-id={n.id}
          >
            <div className="call-main">
              <span className="urgency-badge" title={t(n.urgency ? `urgency.${n.urgency}` : 'urgency.none')}>
                {n.urgency ?? '–'}
              </span>
              <span className="call-text">
                <span className="call-who">{t('inbox.from', { centre: from(n) })}</span>
                <span className="inbox-message">{n.message}</span>
              </span>
              <span className="call-meta">
                <span className="line">{t('inbox.kind')}</span>
                <span className="timer" data-testid="notification-wait">
                  <span className="timer-label">{t('transfers.waitLabel')}</span> {formatAge(waited)}
                </span>
              </span>
            </div>
            {mayAck && (
              <div className="handover-actions">
                <button type="button" className="primary" onClick={() => ack(n)}>
                  {t('inbox.acknowledge')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </>
  );
}
