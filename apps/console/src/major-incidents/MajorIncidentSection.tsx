// A major incident (masseskadehendelse, § 15 o) from the selected call: declared here by AMK, then
// followed live — patients per triage category and per hospital — with patients registered by
// their triage card. Everything else (transport, times, the log) is the server's API for now.
import { TRIAGE_CATEGORIES, MAJOR_INCIDENT_LEVELS } from '@amk/domain';
import type { CallRecord, MajorIncidentDetail, MajorIncidentLevel, TriageCategory } from '@amk/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { declare, loadForCall, registerPatient } from './major-incident-api.js';
import { useMajorIncidents } from './major-incident-store.js';
import './major-incidents.css';

const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

export function MajorIncidentSection({ record }: { record: CallRecord }) {
  const t = useT();
  const role = useConsole((s) => s.me?.role);
  const incident = Object.values(useMajorIncidents((s) => s.incidents)).find((m) => m.callId === record.id && !m.closedAt);
  const [msg, setMsg] = useState<string | null>(null);
  // Major incidents are not in the snapshot: read again whenever the socket is live again, so a
  // console that missed events (a resync) does not go on showing old counts.
  const live = useConsole((s) => s.connection === 'live');
  useEffect(() => {
    if (live) loadForCall(record.id).catch((err) => setMsg(messageOf(err)));
  }, [record.id, live]);
  if (role !== 'amk_operator' && role !== 'amk_doctor') return null;
  return (
    <section className="section major-incident" aria-label={t('mi.title')}>
      <h3>{t('mi.title')}</h3>
      {incident ? <IncidentView incident={incident} onError={setMsg} /> : <DeclareForm record={record} onError={setMsg} />}
      {msg && (
        <p role="alert" className="error">
          {msg}
        </p>
      )}
    </section>
  );
}

function DeclareForm({ record, onError }: { record: CallRecord; onError(m: string | null): void }) {
  const t = useT();
  const [level, setLevel] = useState<MajorIncidentLevel>('RED');
  const [description, setDescription] = useState('');
  if (record.lat == null || record.lon == null) return <p className="muted">{t('mi.noPosition')}</p>;
  const { lat, lon } = record;
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await declare(record.id, { level, lat, lon, description });
      onError(null);
    } catch (err) {
      onError(messageOf(err));
    }
  }
  return (
    <form onSubmit={submit}>
      <label>
        {t('mi.level')}
        <select value={level} onChange={(e) => setLevel(e.target.value as MajorIncidentLevel)}>
          {MAJOR_INCIDENT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`mi.level.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('mi.description')}
        <input value={description} maxLength={500} required onChange={(e) => setDescription(e.target.value)} />
      </label>
      <button type="submit">{t('mi.declare')}</button>
    </form>
  );
}

function IncidentView({ incident, onError }: { incident: MajorIncidentDetail; onError(m: string | null): void }) {
  const t = useT();
  const [card, setCard] = useState('');
  const [category, setCategory] = useState<TriageCategory>('RED');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await registerPatient(incident.id, card, category);
      setCard('');
      onError(null);
    } catch (err) {
      onError(messageOf(err));
    }
  }
  return (
    <>
      <p className="muted">
        {t(`mi.level.${incident.level}`)} · {incident.description}
      </p>
      <table className="mi-counts">
        <thead>
          <tr>
            <th />
            {TRIAGE_CATEGORIES.map((c) => (
              <th key={c} className={`mi-cat-${c}`}>
                {t(`mi.cat.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('mi.total')}</th>
            {TRIAGE_CATEGORIES.map((c) => (
              <td key={c}>{incident.byCategory[c]}</td>
            ))}
          </tr>
          {incident.byHospital.map((h) => (
            <tr key={h.hospitalId}>
              <th scope="row">{h.name}</th>
              {TRIAGE_CATEGORIES.map((c) => (
                <td key={c}>{h.byCategory[c]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} className="mi-register">
        <label>
          {t('mi.card')}
          <input value={card} maxLength={40} required onChange={(e) => setCard(e.target.value)} />
        </label>
        <label>
          {t('mi.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value as TriageCategory)}>
            {TRIAGE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`mi.cat.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('mi.register')}</button>
      </form>
      <ul className="mi-patients">
        {incident.patients.map((p) => (
          <li key={p.id} className={`mi-cat-${p.category}`}>
            {p.cardNumber} · {t(`mi.cat.${p.category}`)}
            {p.hospitalName && ` → ${p.hospitalName}`}
            {p.callSign && ` (${p.callSign})`}
          </li>
        ))}
      </ul>
    </>
  );
}
