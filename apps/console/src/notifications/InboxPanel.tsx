// Notifications another centre of this installation sent to mine (§ 15 e AMK → AMK, § 15 f
// AMK → LVS, LVS → AMK): one item per notification, on every console of the centre, that sounds
// when it arrives and stays until an operator here acknowledges it. One waiting for longer than
// INBOX_LATE_MS turns red.
import type { NotificationSummary } from '@amk/contracts';
import { useState } from 'react';
import { ApiError, client, ok } from '../api/client.js';
import { clock } from '../lib/clock.js';
import { formatAge, useNow } from '../lib/use-now.js';
import { useCentres } from '../lib/centres.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { useChimeForNew } from '../lib/chime.js';
import { inboxItems, INBOX_LATE_MS } from './inbox.js';
import './inbox.css';
import { ErrorLine } from '../lib/ErrorLine.js';

const OPERATOR_ROLES = ['amk_operator', 'amk_doctor', 'lv_operator'];

export function InboxPanel() {
  const t = useT();
  const now = useNow();
  const centreId = useConsole((s) => s.centre?.id);
  const role = useConsole((s) => s.me?.role);
  const items = inboxItems(
    useConsole((s) => s.notifications),
    centreId,
  );
  const centres = useCentres();
  const [msg, setMsg] = useState<string | null>(null);

  // A sound for each item not heard before.
  useChimeForNew(items.map((n) => n.id));

  if (!items.length) return null;
  const from = (n: NotificationSummary) => centres.find((c) => c.id === n.centreId)?.name ?? t('inbox.otherCentre');
  const mayAck = !!role && OPERATOR_ROLES.includes(role);

  async function acknowledge(n: NotificationSummary) {
    try {
      useConsole
        .getState()
        .upsertNotification(
          await ok(client.POST('/api/v1/notifications/{notificationId}/acknowledge', { params: { path: { notificationId: n.id } } })),
        );
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <section className="panel inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">
        {t('inbox.heading')} <span className="count">{items.length}</span>
      </h2>
      <ErrorLine error={msg} />
      <ul aria-label={t('inbox.heading')}>
        {items.map((n) => {
          const waited = now - Date.parse(n.sentAt ?? n.createdAt);
          const late = waited > INBOX_LATE_MS;
          return (
            <li key={n.id} className={late ? 'late' : ''}>
              <div>
                <strong>{t('inbox.from', { centre: from(n) })}</strong>
                <span className="muted">
                  {' '}
                  {clock(n.createdAt)} · {t('inbox.waiting', { age: formatAge(waited) })}
                </span>
              </div>
              <div className="inbox-message">{n.message}</div>
              {mayAck && (
                <button type="button" className="primary" onClick={() => acknowledge(n)}>
                  {t('inbox.acknowledge')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
