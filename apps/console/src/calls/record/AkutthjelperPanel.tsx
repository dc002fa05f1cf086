// Akutthjelpere for an AMK mission: one action to alert them for one of the four event types,
// "bistand helse" or "bistand kommune" when the scheme does not apply (counted apart), and each
// alerted member's acknowledgements with their times, live.
import type { AkutthjelperEventType, AlertSummary, MissionSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/http.js';
import { useT, type MessageKey } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';

const EVENT_TYPES = ['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING', 'GENERELL_NEDKJOLING'] as const satisfies readonly AkutthjelperEventType[];
const BISTAND: { kind: 'HELSE' | 'KOMMUNE'; label: MessageKey }[] = [
  { kind: 'HELSE', label: 'akutthjelper.bistand' },
  { kind: 'KOMMUNE', label: 'akutthjelper.bistandKommune' },
];
/** Each acknowledgement in the order it happens, labelled with the state it moves the alert to. */
const TIMES = [
  ['alertedAt', 'PENDING'], ['deliveredAt', 'DELIVERED'], ['seenAt', 'SEEN'], ['acceptedAt', 'ACCEPTED'], ['declinedAt', 'DECLINED'], ['arrivedAt', 'ARRIVED'], ['failedAt', 'FAILED'],
] as const;
const time = (iso: string) => new Date(iso).toLocaleTimeString('nb-NO');

export function AkutthjelperPanel({ mission }: { mission: MissionSummary }) {
  const t = useT();
  const alerts = Object.values(useConsole((s) => s.alerts)).filter((a) => a.missionId === mission.id);
  const [eventType, setEventType] = useState<(typeof EVENT_TYPES)[number]>('HJERTESTANS');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    api<{ alerts: AlertSummary[] }>('GET', `/missions/${mission.id}/akutthjelper/alerts`).then((r) => r.alerts.forEach((a) => useConsole.getState().upsertAlert(a)), () => {});
  }, [mission.id]);

  async function run(write: () => Promise<string | null>) {
    try {
      const ok = await write();
      setMsg(ok ? { ok: true, text: ok } : null);
    } catch (err) {
      setMsg({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  }
  const alertResponders = () =>
    run(async () => {
      const res = await api<{ alerts: AlertSummary[] }>('POST', `/missions/${mission.id}/akutthjelper/alerts`, { eventType, required: 2 });
      res.alerts.forEach((a) => useConsole.getState().upsertAlert(a));
      return null;
    });
  const bistand = (kind: 'HELSE' | 'KOMMUNE', label: MessageKey) =>
    run(async () => {
      await api('POST', `/missions/${mission.id}/bistand`, { kind, reason: `${t(label)}: ${t(`event.${eventType}`)}` });
      return t('akutthjelper.bistandSent', { what: t(label) });
    });

  return (
    <div className="akutthjelper">
      <h3>{t('akutthjelper.heading')}</h3>
      <label>
        {t('akutthjelper.eventType')}
        <select value={eventType} onChange={(e) => setEventType(e.target.value as (typeof EVENT_TYPES)[number])}>
          {EVENT_TYPES.map((et) => <option key={et} value={et}>{t(`event.${et}`)}</option>)}
        </select>
      </label>
      <button type="button" className="danger" onClick={alertResponders}>{t('akutthjelper.alert')}</button>
      {BISTAND.map((b) => <button key={b.kind} type="button" onClick={() => bistand(b.kind, b.label)}>{t(b.label)}</button>)}
      {msg && <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'ok-text small' : 'error'}>{msg.text}</p>}
      <ul className="alerts" aria-label={t('akutthjelper.heading')}>
        {alerts.sort((a, b) => a.round - b.round || (a.distanceM ?? 0) - (b.distanceM ?? 0)).map((a) => (
          <li key={a.id} className={`alert-${a.state}`} data-testid={`alert-${a.memberName}`}>
            <strong>{a.memberName}</strong> <span className="muted">{a.unitName} · {a.channel} · {t('akutthjelper.round', { n: a.round })}</span>{' '}
            <span className="alert-state">{t(`alertState.${a.state}`)}</span>
            <span className="alert-times muted small">
              {TIMES.filter(([field]) => a[field]).map(([field, state]) => (
                <span key={field}>{t(`alertState.${state}`)} <time dateTime={a[field]!}>{time(a[field]!)}</time></span>
              ))}
            </span>
            {a.lastError && <span className="error"> {a.lastError}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
