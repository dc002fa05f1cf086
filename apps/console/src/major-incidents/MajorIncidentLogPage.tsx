// The record of a major incident for the evaluation afterwards (§ 15 o): what it was, who was
// alerted and how the hospitals answered, every patient with their times, and the append-only log,
// on one page that prints cleanly (A4, no console around it). The CSV is one link away.
import { TRIAGE_CATEGORIES } from '@amk/domain';
import type { MajorIncidentDetail, MajorIncidentLogEntry } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { dateAndClock } from '../lib/clock.js';
import { journalText } from '../lib/journal-text.js';
import { messageOf } from '../lib/form-kit.js';
import { CategoryCountsTable } from './CategoryCountsTable.js';
import './major-incidents.css';
import { ErrorLine } from '../lib/ErrorLine.js';

const time = (iso: string | null) => (iso ? dateAndClock(iso) : '–');

export function MajorIncidentLogPage({ majorIncidentId }: { majorIncidentId: string }) {
  const t = useT();
  const [incident, setIncident] = useState<MajorIncidentDetail | null>(null);
  const [entries, setEntries] = useState<MajorIncidentLogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const path = { params: { path: { majorIncidentId } } };
    Promise.all([
      ok(client.GET('/api/v1/major-incidents/{majorIncidentId}', path)),
      ok(client.GET('/api/v1/major-incidents/{majorIncidentId}/log', path)),
    ]).then(
      ([m, log]) => {
        setIncident(m);
        setEntries(log.entries);
      },
      (err) => setError(messageOf(err)),
    );
  }, [majorIncidentId]);
  if (error)
    return (
      <main className="mi-log-page">
        <ErrorLine error={error} />
      </main>
    );
  if (!incident || !entries) return <main className="mi-log-page">…</main>;
  return (
    <main className="mi-log-page">
      <header>
        <h1>
          {t('mi.title')}: {incident.description}
        </h1>
        <p>
          {t(`mi.level.${incident.level}`)} · {t('mi.log.declared', { time: time(incident.declaredAt), by: incident.declaredBy })}
          {incident.closedAt && ` · ${t('mi.log.closed', { time: time(incident.closedAt) })}`}
        </p>
        <p className="no-print">
          <button type="button" onClick={() => window.print()}>
            {t('mi.log.print')}
          </button>{' '}
          <a href={`/api/v1/major-incidents/${incident.id}/log.csv`} download>
            {t('mi.log.csv')}
          </a>
        </p>
      </header>
      <section aria-label={t('mi.total')}>
        <h2>{t('mi.log.patients')}</h2>
        <CategoryCountsTable incident={incident} />
        <table className="mi-log-table">
          <thead>
            <tr>
              <th>{t('mi.card')}</th>
              <th>{t('mi.category')}</th>
              <th>{t('mi.hospital')}</th>
              <th>{t('mi.unit')}</th>
              <th>{t('mi.log.registered')}</th>
              <th>{t('mi.leftScene')}</th>
              <th>{t('mi.arrived')}</th>
            </tr>
          </thead>
          <tbody>
            {[...incident.patients]
              .sort((a, b) => TRIAGE_CATEGORIES.indexOf(a.category) - TRIAGE_CATEGORIES.indexOf(b.category))
              .map((p) => (
                <tr key={p.id} className={`mi-cat-${p.category}`}>
                  <td>{p.cardNumber}</td>
                  <td>{t(`mi.cat.${p.category}`)}</td>
                  <td>{p.hospitalName ?? '–'}</td>
                  <td>{p.callSign ?? '–'}</td>
                  <td>{time(p.registeredAt)}</td>
                  <td>{time(p.leftSceneAt)}</td>
                  <td>{time(p.arrivedAt)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      {incident.hospitalAlerts.length > 0 && (
        <section aria-label={t('mi.hospitalsAlerted')}>
          <h2>{t('mi.hospitalsAlerted')}</h2>
          <ul>
            {incident.hospitalAlerts.map((a) => (
              <li key={a.hospitalId}>
                {a.name}: {a.level ? `${t(`mi.level.${a.level}`)} ${time(a.answeredAt)} (${a.answeredBy})` : t('mi.log.noAnswer')}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={t('mi.log.title')}>
        <h2>{t('mi.log.title')}</h2>
        <table className="mi-log-table" data-testid="mi-log">
          <thead>
            <tr>
              <th>{t('mi.log.time')}</th>
              <th>{t('mi.log.text')}</th>
              <th>{t('mi.log.by')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{time(e.at)}</td>
                <td>{journalText(e, t)}</td>
                <td>{e.author}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
