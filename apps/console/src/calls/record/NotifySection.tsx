// Triple alerting and other notifications, with each recipient's sent and acknowledged times.
// A notification not acknowledged within ACK_WARNING_MS is flagged.
import type { CallRecord, NotificationSummary } from '@amk/contracts';
import { useState } from 'react';
import { api, ApiError } from '../../api/http.js';
import { formatAge, useNow } from '../../app/use-now.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { useDraft } from './use-draft.js';

const ACK_WARNING_MS = 2 * 60_000;
const WHO: Record<string, string> = { POLICE: 'Politi 112', FIRE: 'Brann 110', HRS: 'HRS', AMK: 'AMK', LVS: 'LVS' };

export function NotifySection({ record }: { record: CallRecord }) {
  const t = useT();
  const now = useNow();
  const list = Object.values(useConsole((s) => s.notifications)).filter((n) => n.callId === record.id);
  // The message follows the call's summary until the operator writes their own.
  const draft = useDraft({ message: record.summary ?? '' });
  const message = draft.values.message;
  const [msg, setMsg] = useState<string | null>(null);

  async function triple() {
    try {
      const res = await api<{ notifications: NotificationSummary[] }>('POST', `/calls/${record.id}/notifications`, { recipients: ['TRIPLE'], message: message || record.addressText || 'Trippelvarsling' });
      res.notifications.forEach((n) => useConsole.getState().upsertNotification(n));
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  async function ack(n: NotificationSummary) {
    useConsole.getState().upsertNotification(await api<NotificationSummary>('POST', `/notifications/${n.id}/ack`, { by: 'på telefon' }));
  }
  return (
    <section className="section">
      <h3>{t('record.notify')}</h3>
      <label>
        {t('record.notifyMessage')}
        <input value={message} onChange={(e) => draft.set('message', e.target.value)} />
      </label>
      <button type="button" className="danger" onClick={triple}>{t('record.triple')}</button>
      {msg && <p role="alert" className="error">{msg}</p>}
      <ul className="notifications">
        {list.map((n) => {
          const late = !n.acknowledgedAt && n.sentAt && now - Date.parse(n.sentAt) > ACK_WARNING_MS;
          return (
            <li key={n.id} className={`notif-${n.state} ${late ? 'late' : ''}`}>
              <strong>{WHO[n.recipient]}</strong> {n.state}
              {n.sentAt && <span className="muted"> · {new Date(n.sentAt).toLocaleTimeString('nb-NO')}</span>}
              {n.acknowledgedAt ? <span> · ✓ {new Date(n.acknowledgedAt).toLocaleTimeString('nb-NO')} {n.acknowledgedBy}</span> : (
                <>
                  {late && <span className="warn-text"> · {t('record.unacked')} {formatAge(now - Date.parse(n.sentAt!))}</span>}
                  {n.lastError && <span className="error"> · {n.lastError}</span>}
                  <button type="button" onClick={() => ack(n)}>{t('record.ack')}</button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
