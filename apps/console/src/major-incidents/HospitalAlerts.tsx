// The hospitals alerted of a major incident (§ 16) and what each answered: the preparedness level
// it raised. A hospital that answers on the phone is entered here with one click.
import { MAJOR_INCIDENT_LEVELS } from '@amk/domain';
import type { MajorIncidentDetail } from '@amk/contracts';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clockShort } from '../lib/clock.js';
import { messageOf } from '../lib/form-kit.js';
import { useMajorIncidents } from '../store/major-incident-store.js';

export function HospitalAlerts({ incident, onError }: { incident: MajorIncidentDetail; onError(m: string | null): void }) {
  const t = useT();
  if (!incident.hospitalAlerts.length) return null;
  const answer = (code: string, level: (typeof MAJOR_INCIDENT_LEVELS)[number]) =>
    ok(
      client.PUT('/api/v1/major-incidents/{majorIncidentId}/hospitals/{code}/preparedness', {
        params: { path: { majorIncidentId: incident.id, code } },
        body: { level },
      }),
    ).then(
      (m) => {
        useMajorIncidents.getState().upsertIncident(m);
        onError(null);
      },
      (err) => onError(messageOf(err)),
    );
  return (
    <ul className="mi-hospital-alerts" aria-label={t('mi.hospitalsAlerted')}>
      {incident.hospitalAlerts.map((a) => (
        <li key={a.hospitalId} data-testid={`mi-alert-${a.code}`} className={a.level ? `mi-level-${a.level}` : 'warn-text'}>
          <span>{a.name}: </span>
          {a.level && a.answeredAt ? (
            <strong>
              {t(`mi.level.${a.level}`)} · {clockShort(a.answeredAt)} ({a.answeredBy})
            </strong>
          ) : (
            <span>{t('mi.awaitingAnswer', { time: clockShort(a.notifiedAt) })}</span>
          )}
          {MAJOR_INCIDENT_LEVELS.map((level) => (
            <button key={level} type="button" className="small" onClick={() => void answer(a.code, level)}>
              {t(`mi.level.${level}`)}
            </button>
          ))}
        </li>
      ))}
    </ul>
  );
}
