// Akutthjelpere for an AMK mission: as soon as the operator picks one of the four event types, who
// may be alerted (nearest first, with distance) or, in words, why not — with "bistand helse" and
// "bistand kommune" right there when the scheme does not apply (counted apart). One action alerts;
// each alerted member's acknowledgements follow with their times, live. The four types are the
// guide's main rule: "other event" lets an AMK doctor or operator alert anyway, with a reason.
import { useDecimal } from '../../i18n/numbers.js';
import type { AkutthjelperEventType, CandidatesAnswer, MissionSummary, UnitAlertSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { ApiError, client, ok as unwrap } from '../../api/client.js';
import { useLocale, useT, type MessageKey } from '../../i18n/i18n.js';
import { useConsole } from '../../store/console-store.js';
import { useAkutthjelperCandidates } from './use-akutthjelper-candidates.js';
import { clock } from '../../lib/clock.js';

const EVENT_TYPES = [
  'HJERTESTANS',
  'BEVISSTLOSHET',
  'STOR_YTRE_BLODNING',
  'GENERELL_NEDKJOLING',
] as const satisfies readonly AkutthjelperEventType[];
const BISTAND: { kind: 'HELSE' | 'KOMMUNE'; label: MessageKey }[] = [
  { kind: 'HELSE', label: 'akutthjelper.bistand' },
  { kind: 'KOMMUNE', label: 'akutthjelper.bistandKommune' },
];
/** Each acknowledgement in the order it happens, labelled with the state it moves the alert to. */
const TIMES = [
  ['alertedAt', 'PENDING'],
  ['deliveredAt', 'DELIVERED'],
  ['seenAt', 'SEEN'],
  ['acceptedAt', 'ACCEPTED'],
  ['declinedAt', 'DECLINED'],
  ['arrivedAt', 'ARRIVED'],
  ['failedAt', 'FAILED'],
] as const;
const time = clock;
/** How many must accept before escalation stops; the server alerts twice as many at once. */
const REQUIRED = 2;
const ALERTED_AT_ONCE = REQUIRED * 2;
const SHOWN_CANDIDATES = 8;
type EventType = (typeof EVENT_TYPES)[number];
const isEventType = (v: string | null): v is EventType => (EVENT_TYPES as readonly string[]).includes(v ?? '');
/** The select's value for an event outside the four (the override of the main rule). */
const OTHER = 'OTHER';
/** The refusal in the operator's language: the server words it in Norwegian, with the details. */
const REFUSAL_KEYS: Record<string, MessageKey> = {
  NOT_AMK: 'akutthjelper.refusal.NOT_AMK',
  EVENT_TYPE_NOT_COVERED_BY_SCHEME: 'akutthjelper.refusal.EVENT_TYPE_NOT_COVERED_BY_SCHEME',
  AGREEMENT_NOT_VALID: 'akutthjelper.refusal.AGREEMENT_NOT_VALID',
  KOMMUNE_NOT_COVERED: 'akutthjelper.refusal.KOMMUNE_NOT_COVERED',
  EVENT_TYPE_NOT_IN_AGREEMENT: 'akutthjelper.refusal.EVENT_TYPE_NOT_IN_AGREEMENT',
  NO_KOMMUNE: 'akutthjelper.refusal.NO_KOMMUNE',
};

export function AkutthjelperPanel({ mission }: { mission: MissionSummary }) {
  const t = useT();
  const alerts = Object.values(useConsole((s) => s.alerts)).filter((a) => a.missionId === mission.id);
  const bistandRows = Object.values(useConsole((s) => s.bistand))
    .filter((b) => b.missionId === mission.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const locale = useLocale((s) => s.locale);
  const [eventType, setEventType] = useState<EventType | typeof OTHER | ''>(
    isEventType(mission.eventType) ? mission.eventType : mission.eventType ? OTHER : '',
  );
  const [otherText, setOtherText] = useState(isEventType(mission.eventType) ? '' : (mission.eventType ?? ''));
  const [overrideReason, setOverrideReason] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const other = eventType === OTHER;
  const requested = other ? otherText.trim() : eventType;
  const current: CandidatesAnswer | null = useAkutthjelperCandidates(mission, requested, alerts.length, other);
  const refusal = current?.refusal ?? null;
  const refusalText = refusal && (locale === 'nb' || !REFUSAL_KEYS[refusal.code] ? refusal.reason : t(REFUSAL_KEYS[refusal.code]!));
  const nobody = current !== null && current.candidates.length === 0 && current.unitCandidates.length === 0;
  const blocked = !requested || !!refusal || nobody || (other && !overrideReason.trim());
  // Units alerted through 110: their delivery follows the notification to 110, live.
  const [unitAlerts, setUnitAlerts] = useState<UnitAlertSummary[]>([]);
  const notifications = useConsole((s) => s.notifications);
  const decimal = useDecimal();

  useEffect(() => {
    unwrap(client.GET('/api/v1/missions/{missionId}/akutthjelper/alerts', { params: { path: { missionId: mission.id } } })).then(
      (r) => {
        for (const a of r.alerts) useConsole.getState().upsertAlert(a);
        setUnitAlerts(r.unitAlerts);
      },
      () => {},
    );
    unwrap(client.GET('/api/v1/missions/{missionId}/bistand', { params: { path: { missionId: mission.id } } })).then(
      (r) => {
        for (const b of r.bistand) useConsole.getState().upsertBistand(b);
      },
      () => {},
    );
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
      if (!requested) return null;
      const res = await unwrap(
        client.POST('/api/v1/missions/{missionId}/akutthjelper/alerts', {
          params: { path: { missionId: mission.id } },
          body: { eventType: requested, required: REQUIRED, ...(other ? { override: { reason: overrideReason.trim() } } : {}) },
        }),
      );
      for (const a of res.alerts) useConsole.getState().upsertAlert(a);
      setUnitAlerts(res.unitAlerts);
      return null;
    });
  const bistand = (kind: 'HELSE' | 'KOMMUNE', label: MessageKey) =>
    run(async () => {
      const sent = await unwrap(
        client.POST('/api/v1/missions/{missionId}/bistand', {
          params: { path: { missionId: mission.id } },
          body: {
            kind,
            reason: isEventType(eventType) ? `${t(label)}: ${t(`event.${eventType}`)}` : requested ? `${t(label)}: ${requested}` : t(label),
          },
        }),
      );
      useConsole.getState().upsertBistand(sent);
      return t('akutthjelper.bistandSent', { what: t(label) });
    });
  /** The operator phoned the organisation: who confirmed. */
  const acknowledgeByPhone = (bistandId: string) =>
    run(async () => {
      const by = window.prompt(t('akutthjelper.bistandWho'))?.trim();
      if (!by) return null;
      useConsole
        .getState()
        .upsertBistand(await unwrap(client.POST('/api/v1/bistand/{bistandId}/ack', { params: { path: { bistandId } }, body: { by } })));
      return null;
    });

  return (
    <div className="akutthjelper">
      <h3>{t('akutthjelper.heading')}</h3>
      <label>
        {t('akutthjelper.eventType')}
        <select value={eventType} onChange={(e) => setEventType(e.target.value as EventType | typeof OTHER)}>
          <option value="" disabled>
            {t('akutthjelper.chooseEvent')}
          </option>
          {EVENT_TYPES.map((et) => (
            <option key={et} value={et}>
              {t(`event.${et}`)}
            </option>
          ))}
          <option value={OTHER}>{t('akutthjelper.other')}</option>
        </select>
      </label>
      {other && (
        <fieldset className="override" data-testid="akutthjelper-override">
          <p className="muted small">{t('akutthjelper.overrideHint')}</p>
          <label>
            {t('akutthjelper.otherEvent')}
            <input value={otherText} maxLength={60} onChange={(e) => setOtherText(e.target.value)} />
          </label>
          <label>
            {t('akutthjelper.overrideReason')}
            <input value={overrideReason} maxLength={500} onChange={(e) => setOverrideReason(e.target.value)} />
          </label>
        </fieldset>
      )}
      {refusal && (
        <div className="refusal" role="status" data-testid="akutthjelper-refusal">
          <strong>{t('akutthjelper.refused')}:</strong> {refusalText}
        </div>
      )}
      {current?.reach && current.reach.tooFar + current.reach.notBeforeAmbulance > 0 && (
        <p className="muted small" data-testid="akutthjelper-not-proposed">
          {t('akutthjelper.notProposed', {
            why: [
              ...(current.reach.tooFar
                ? [t('akutthjelper.tooFar', { n: current.reach.tooFar, km: decimal(current.reach.maxRoadKm) })]
                : []),
              ...(current.reach.notBeforeAmbulance ? [t('akutthjelper.notBeforeAmbulance', { n: current.reach.notBeforeAmbulance })] : []),
            ].join(', '),
          })}
        </p>
      )}
      {current?.allowed && current.unitCandidates.length > 0 && (
        <ul className="candidates" aria-label={t('akutthjelper.unitCandidates')}>
          {current.unitCandidates.map((u) => (
            <li key={u.unitId} className="first-round">
              <strong>{u.unitName}</strong> <span className="muted">{t('akutthjelper.via110')}</span>
              <span className="distance">
                {decimal(u.roadKm)} km · {t('akutthjelper.eta', { min: Math.round(u.etaMinutes) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {current?.allowed && nobody && alerts.length === 0 && unitAlerts.length === 0 && (
        <p className="warn-text small">{t('akutthjelper.noCandidates')}</p>
      )}
      {current?.allowed && current.candidates.length > 0 && (
        <>
          <p className="muted small">
            {t('akutthjelper.willAlert', { n: Math.min(ALERTED_AT_ONCE, current.candidates.length), total: current.candidates.length })}
          </p>
          <ol className="candidates" aria-label={t('akutthjelper.candidates')}>
            {current.candidates.slice(0, SHOWN_CANDIDATES).map((c, i) => (
              <li key={c.memberId} className={i < ALERTED_AT_ONCE ? 'first-round' : ''}>
                <strong>{c.memberName}</strong>{' '}
                <span className="muted">
                  {c.unitName} · {c.organisationKind}
                </span>
                <span className="distance">
                  {decimal(c.roadKm)} km · {t('akutthjelper.eta', { min: Math.round(c.etaMinutes) })}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="akutthjelper-actions">
        <button type="button" className="danger" onClick={alertResponders} disabled={blocked} title={refusalText ?? undefined}>
          {other ? t('akutthjelper.alertOverride') : t('akutthjelper.alert')}
        </button>
        {BISTAND.map((b) => (
          <button key={b.kind} type="button" className={refusal?.offerBistand ? 'suggested' : ''} onClick={() => bistand(b.kind, b.label)}>
            {t(b.label)}
          </button>
        ))}
      </div>
      {msg && (
        <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? 'ok-text small' : 'error'}>
          {msg.text}
        </p>
      )}
      {bistandRows.length > 0 && (
        <ul className="bistand" aria-label={t('akutthjelper.bistandHeading')}>
          {bistandRows.map((b) => (
            <li key={b.id} className={`bistand-${b.state}`} data-testid={`bistand-${b.kind}`}>
              <strong>{t(b.kind === 'HELSE' ? 'akutthjelper.bistand.HELSE' : 'akutthjelper.bistand.KOMMUNE')}</strong>{' '}
              <span className="muted">
                {b.organisationName} · {t('akutthjelper.bistandTo', { n: b.recipients.filter((r) => r.deliveredAt).length })}
              </span>{' '}
              <span className="alert-state">{t(`bistandState.${b.state}`)}</span>
              {b.acknowledgedAt && (
                <span className="muted small">
                  {' '}
                  {b.acknowledgedBy} <time dateTime={b.acknowledgedAt}>{time(b.acknowledgedAt)}</time>
                </span>
              )}
              {!b.acknowledgedAt && (
                <button type="button" className="small" onClick={() => acknowledgeByPhone(b.id)}>
                  {t('akutthjelper.bistandAckByPhone')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {unitAlerts.length > 0 && (
        <ul className="alerts" aria-label={t('akutthjelper.unitAlerts')}>
          {unitAlerts.map((u) => {
            const n = notifications[u.notificationId];
            const state = n?.state ?? u.delivery.state;
            const ackAt = n?.acknowledgedAt ?? u.delivery.acknowledgedAt;
            return (
              <li key={u.id} className={`alert-${state}`} data-testid={`unit-alert-${u.unitName}`}>
                <strong>{u.unitName}</strong> <span className="muted">{t('akutthjelper.via110')}</span>{' '}
                <span className="alert-state">{t(`deliveryVia110.${state}`)}</span>
                {ackAt && (
                  <span className="muted small">
                    {' '}
                    {n?.acknowledgedBy ?? u.delivery.acknowledgedBy} <time dateTime={ackAt}>{time(ackAt)}</time>
                  </span>
                )}
                {(n?.lastError ?? u.delivery.lastError) && <span className="error"> {n?.lastError ?? u.delivery.lastError}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <ul className="alerts" aria-label={t('akutthjelper.heading')}>
        {alerts
          .sort((a, b) => a.round - b.round || (a.distanceM ?? 0) - (b.distanceM ?? 0))
          .map((a) => (
            <li key={a.id} className={`alert-${a.state}`} data-testid={`alert-${a.memberName}`}>
              <strong>{a.memberName}</strong>{' '}
              <span className="muted">
                {a.unitName} · {a.channel} · {t('akutthjelper.round', { n: a.round })}
              </span>{' '}
              <span className="alert-state">{t(`alertState.${a.state}`)}</span>
              <span className="alert-times muted small">
                {TIMES.filter(([field]) => a[field]).map(([field, state]) => (
                  <span key={field}>
                    {t(`alertState.${state}`)} <time dateTime={a[field]!}>{time(a[field]!)}</time>
                  </span>
                ))}
              </span>
              {a.lastError && <span className="error"> {a.lastError}</span>}
              {a.mainRuleOverride && (
                <span className="override-badge small" data-testid="alert-override">
                  {' '}
                  {t('akutthjelper.overridden', { reason: a.mainRuleOverride.reason, by: a.mainRuleOverride.by })}
                </span>
              )}
            </li>
          ))}
      </ul>
    </div>
  );
}
