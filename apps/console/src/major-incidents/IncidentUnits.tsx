// The units sent to a major incident and whether each has checked in at the holding area
// (venteplass). One that has not by when it should have (its estimated travel plus a margin)
// turns red, so the operator phones it; a report on the phone is entered with one click.
import { isCheckInOverdue } from '@amk/domain';
import type { MajorIncidentDetail } from '@amk/contracts';
import { useEffect } from 'react';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clockShort } from '../lib/clock.js';
import { messageOf } from '../lib/form-kit.js';
import { useNow } from '../lib/use-now.js';
import { useConsole } from '../store/console-store.js';
import { useMajorIncidents } from '../store/major-incident-store.js';

export function IncidentUnits({ incident, onError }: { incident: MajorIncidentDetail; onError(m: string | null): void }) {
  const t = useT();
  const now = useNow(15_000);
  // Units are sent through ordinary dispatch: when a mission of this incident changes, read it again.
  const missionsKey = useConsole((s) =>
    Object.values(s.missions)
      .filter((m) => m.incidentId === incident.incidentId)
      .map((m) => `${m.id}:${m.closedAt ?? ''}:${m.units.map((u) => `${u.unitId}${u.releasedAt ? '-' : '+'}`).join(',')}`)
      .join('|'),
  );
  useEffect(() => {
    if (!missionsKey) return;
    ok(client.GET('/api/v1/major-incidents/{majorIncidentId}', { params: { path: { majorIncidentId: incident.id } } })).then(
      (m) => useMajorIncidents.getState().upsertIncident(m),
      () => {}, // the next event brings it
    );
  }, [missionsKey, incident.id]);

  const checkIn = (unitId: string) =>
    ok(
      client.POST('/api/v1/major-incidents/{majorIncidentId}/units/{unitId}/check-in', {
        params: { path: { majorIncidentId: incident.id, unitId } },
        body: {},
      }),
    ).then(
      (m) => {
        useMajorIncidents.getState().upsertIncident(m);
        onError(null);
      },
      (err) => onError(messageOf(err)),
    );
  if (!incident.units.length) return <p className="muted small">{t('mi.units.none')}</p>;
  return (
    <ul className="mi-units" aria-label={t('mi.units.title')}>
      {incident.units.map((u) => {
        const overdue = !!u.dueAt && isCheckInOverdue(Date.parse(u.dueAt), u.checkedInAt ? Date.parse(u.checkedInAt) : null, now);
        return (
          <li
            key={u.unitId}
            data-testid={`mi-unit-${u.callSign}`}
            className={overdue ? 'mi-unit-overdue' : ''}
            role={overdue ? 'alert' : undefined}
          >
            <strong>{u.callSign}</strong>{' '}
            {u.checkedInAt ? (
              <span>{t('mi.units.checkedIn', { time: clockShort(u.checkedInAt), by: u.checkedInBy ?? '' })}</span>
            ) : (
              <>
                <span>
                  {overdue
                    ? t('mi.units.overdue', { time: clockShort(u.dueAt!) })
                    : u.dueAt
                      ? t('mi.units.expected', { time: clockShort(u.dueAt) })
                      : ''}
                </span>{' '}
                <button type="button" className="small" onClick={() => void checkIn(u.unitId)}>
                  {t('mi.units.checkIn')}
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
