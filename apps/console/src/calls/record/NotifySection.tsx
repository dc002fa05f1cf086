// Notifications from a call: triple alerting (§ 15 d: police 112 and fire 110 in one action), HRS,
// another AMK and the legevaktsentral (§ 15 e, f). Each recipient's row says in words where the
// notification stands, with registered, sent and acknowledged times. Without a gateway (the
// 'manual' channel) nothing is sent by the system: the row says so, and the operator phones it in
// and records the acknowledgement. Failed ones, and ones unacknowledged after 2 minutes, stand out.
// Another centre of this installation gets it in its inbox at once and acknowledges it there
// (channel 'internal'): the row shows who acknowledged and when, and turns late after 60 s.
import type { CallRecord, NotificationSummary } from '@amk/contracts';
import { useState } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { formatAge, useNow } from '../../lib/use-now.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { useCentres } from '../../lib/centres.js';
import { notificationStatus } from './notification-status.js';
import { PhonedInForm } from './PhonedInForm.js';
import { useDraft } from './use-draft.js';
import { clock } from '../../lib/clock.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

type Recipient = 'TRIPLE' | 'HRS' | 'AMK' | 'LVS';

export function NotifySection({ record }: { record: CallRecord }) {
  const t = useT();
  const now = useNow();
  const me = useConsole((s) => s.centre);
  const list = Object.values(useConsole((s) => s.notifications))
    .filter((n) => n.callId === record.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // The message follows the call's summary until the operator writes their own.
  const draft = useDraft({ message: record.summary ?? '' });
  const message = draft.values.message;
  const centres = useCentres().filter((c) => c.id !== me?.id);
  const [chosenTarget, setTarget] = useState('');
  const target = chosenTarget || centres[0]?.code || '';
  const [msg, setMsg] = useState<string | null>(null);
  /** The notification whose phoned-in acknowledgement is being recorded. */
  const [recording, setRecording] = useState<string | null>(null);

  const time = clock;
  const who = (n: NotificationSummary) => {
    const centre = n.recipientCentreId ? centres.find((c) => c.id === n.recipientCentreId)?.name : undefined;
    return centre ? `${t(`recipient.${n.recipient}`)} – ${centre}` : t(`recipient.${n.recipient}`);
  };
  const fail = (err: unknown) => setMsg(err instanceof ApiError ? err.message : String(err));

  async function notify(recipient: Recipient, recipientCentre?: string) {
    try {
      const res = await ok(
        client.POST('/api/v1/calls/{id}/notifications', {
          params: { path: { id: record.id } },
          body: {
            recipients: [recipient],
            ...(recipientCentre && { recipientCentre }),
            message: message.trim() || record.addressText || t('notify.defaultMessage'),
          },
        }),
      );
      for (const n of res.notifications) useConsole.getState().upsertNotification(n);
      setMsg(null);
    } catch (err) {
      fail(err);
    }
  }

  const chosenCentre = centres.find((c) => c.code === target);
  const statuses = list.map((n) => ({ n, s: notificationStatus(n, now) }));
  const needsAction = statuses.some(({ s }) => s.failed || s.lateByMs !== null);
  return (
    <section className={`section ${needsAction ? 'alerting' : ''}`} aria-labelledby={`notify-${record.id}`}>
      <h3 id={`notify-${record.id}`}>{t('record.notify')}</h3>
      <label>
        {t('record.notifyMessage')}
        <input value={message} onChange={(e) => draft.set('message', e.target.value)} />
      </label>
      <div className="notify-actions">
        <button type="button" className="danger" onClick={() => notify('TRIPLE')}>
          {t('record.triple')}
        </button>
        <button type="button" onClick={() => notify('HRS')}>
          {t('notify.hrs')}
        </button>
      </div>
      {centres.length > 0 && (
        <div className="notify-actions">
          <label>
            {t('notify.centre')}
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              {(['AMK', 'LVS'] as const).map((kind) => (
                <optgroup key={kind} label={t(kind === 'AMK' ? 'notify.groupAMK' : 'notify.groupLVS')}>
                  {centres
                    .filter((c) => c.kind === kind)
                    .map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <button type="button" disabled={!chosenCentre} onClick={() => chosenCentre && notify(chosenCentre.kind, chosenCentre.code)}>
            {t('notify.centreButton', { centre: chosenCentre?.name ?? '' })}
          </button>
        </div>
      )}
      <ErrorLine error={msg} />
      <ul className="notifications" aria-label={t('record.notify')}>
        {statuses.map(({ n, s }) => (
          <li key={n.id} className={`notif-${n.state} ${s.manual && !s.acknowledged ? 'manual' : ''} ${s.lateByMs !== null ? 'late' : ''}`}>
            <strong>{who(n)}</strong>
            <span className="notif-state">{t(s.stateKey)}</span>
            <span className="muted">{t('notify.createdAt', { time: time(n.createdAt) })}</span>
            {n.sentAt && !s.manual && <span className="muted">{t('notify.sentAt', { time: time(n.sentAt) })}</span>}
            {n.acknowledgedAt && (
              <span className="ok-text">{t('notify.ackAt', { time: time(n.acknowledgedAt), by: n.acknowledgedBy ?? '' })}</span>
            )}
            {!s.acknowledged && !s.failed && n.lastError && (
              <span className="muted">{t('notify.retrying', { n: n.attempts, error: n.lastError })}</span>
            )}
            {!s.acknowledged && n.channel !== 'internal' && recording !== n.id && (
              <button type="button" onClick={() => setRecording(n.id)}>
                {s.manual || s.failed ? t('notify.ackManual') : t('record.ack')}
              </button>
            )}
            {!s.acknowledged && recording === n.id && <PhonedInForm notification={n} onDone={() => setRecording(null)} />}
            {s.failed && (
              <span role="alert" className="notif-flag failed">
                {t('notify.failedAlert', { who: who(n) })}
                {n.lastError ? ` (${n.lastError})` : ''}
              </span>
            )}
            {s.lateByMs !== null && (
              <span role="alert" className="notif-flag late">
                {t('notify.late', { age: formatAge(s.lateByMs) })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
