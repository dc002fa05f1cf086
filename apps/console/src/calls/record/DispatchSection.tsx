// Recommended units for the call (nearest by estimated time; neighbours marked), one key press to
// dispatch, and — for the four akutthjelper event types — one action to alert first responders,
// with each responder's acknowledgements live.
import type { AlertSummary, CallRecord, MissionDetail, RecommendationList } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/http.js';
import { useT } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';

const EVENT_TYPES = ['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING', 'GENERELL_NEDKJOLING'] as const;

export function DispatchSection({ record }: { record: CallRecord }) {
  const t = useT();
  const mission = Object.values(useConsole((s) => s.missions)).find((m) => m.callId === record.id);
  const alerts = Object.values(useConsole((s) => s.alerts)).filter((a) => a.missionId === mission?.id);
  const units = useConsole((s) => s.units);
  const kind = useConsole((s) => s.centre?.kind);
  const [recs, setRecs] = useState<RecommendationList | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const [eventType, setEventType] = useState<(typeof EVENT_TYPES)[number]>('HJERTESTANS');

  useEffect(() => {
    if (record.lat === null) return;
    api<RecommendationList>('GET', `/calls/${record.id}/recommendations`).then(setRecs, () => setRecs(null));
  }, [record.id, record.lat, record.lon, mission?.units.length]);

  useEffect(() => {
    if (mission) api<{ alerts: AlertSummary[] }>('GET', `/missions/${mission.id}/akutthjelper/alerts`).then((r) => r.alerts.forEach((a) => useConsole.getState().upsertAlert(a)), () => {});
  }, [mission?.id]);

  async function dispatch(unitId: string) {
    try {
      const m = mission
        ? await api<MissionDetail>('POST', `/missions/${mission.id}/units`, { unitId })
        : await api<MissionDetail>('POST', '/missions', { id: crypto.randomUUID(), callId: record.id, unitIds: [unitId], kind: kind === 'LVS' ? 'HOME_VISIT' : 'AMBULANCE' });
      useConsole.getState().upsertMission(m);
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  async function alertResponders() {
    if (!mission) return;
    try {
      const res = await api<{ alerts: AlertSummary[] }>('POST', `/missions/${mission.id}/akutthjelper/alerts`, { eventType, required: 2 });
      res.alerts.forEach((a) => useConsole.getState().upsertAlert(a));
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  async function bistand() {
    if (!mission) return;
    await api('POST', `/missions/${mission.id}/bistand`, { kind: 'HELSE', reason: `Bistand helse: ${t(`event.${eventType}`)}` }).then(() => setMsg(t('record.saved')), () => {});
  }

  return (
    <section className="section">
      <h3>{t('record.recommend')}</h3>
      {record.lat === null && <p className="muted">{t('record.noPosition')}</p>}
      {mission && (
        <p>
          {t('missions.heading')}: {mission.units.map((u) => `${u.callSign} (${t(`status.${units[u.unitId]?.status ?? 'ALERTED'}`)})`).join(', ')}
          {mission.responseMinutes !== null && <span className="muted"> · {mission.responseMinutes} min</span>}
        </p>
      )}
      <ol className="recommendations">
        {recs?.units.slice(0, 6).map((r: RecommendationList['units'][number]) => (
          <li key={r.unitId} className={r.own ? '' : 'neighbour'}>
            <span>{r.callSign}</span> <span className="muted">{t(`unitKind.${r.kind}`)}</span> <strong>{Math.round(r.etaMinutes)} min</strong>
            {!r.own && <span className="tag">{t('units.neighbour')}</span>}
            <button type="button" onClick={() => dispatch(r.unitId)}>{t('record.dispatch', { unit: r.callSign })}</button>
          </li>
        ))}
      </ol>
      {mission && kind === 'AMK' && (
        <div className="akutthjelper">
          <h3>{t('akutthjelper.heading')}</h3>
          <label>
            {t('akutthjelper.eventType')}
            <select value={eventType} onChange={(e) => setEventType(e.target.value as (typeof EVENT_TYPES)[number])}>
              {EVENT_TYPES.map((et) => <option key={et} value={et}>{t(`event.${et}`)}</option>)}
            </select>
          </label>
          <button type="button" className="danger" onClick={alertResponders}>{t('akutthjelper.alert')}</button>
          <button type="button" onClick={bistand}>{t('akutthjelper.bistand')}</button>
          <ul className="alerts" aria-label={t('akutthjelper.heading')}>
            {alerts.sort((a, b) => a.round - b.round || (a.distanceM ?? 0) - (b.distanceM ?? 0)).map((a) => (
              <li key={a.id} className={`alert-${a.state}`} data-testid={`alert-${a.memberName}`}>
                <strong>{a.memberName}</strong> <span className="muted">{a.unitName} · {a.channel} · runde {a.round}</span>{' '}
                <span className="alert-state">{t(`alertState.${a.state}`)}</span>
                {a.lastError && <span className="error"> {a.lastError}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {msg && <p role="alert" className="error">{msg}</p>}
    </section>
  );
}
