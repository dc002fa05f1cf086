// A major incident (masseskadehendelse, § 15 o) from the selected call: declared here by AMK, then
// followed live — patients per triage category and per hospital — with patients registered by
// their triage card, re-triaged, given a hospital (the proposed one chosen in advance) and a unit,
// and their times recorded as they leave the scene and arrive.
import type { CallRecord, DistributionProposal, MajorIncidentDetail } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { messageOf } from '../lib/form-kit.js';
import { useConsole } from '../store/console-store.js';
import { CategoryCountsTable } from './CategoryCountsTable.js';
import { DeclareForm } from './DeclareForm.js';
import { HospitalAlerts } from './HospitalAlerts.js';
import { HospitalCapacityTable } from './HospitalCapacityTable.js';
import { IncidentUnits } from './IncidentUnits.js';
import { loadForCall, loadHospitals, proposal } from './major-incident-api.js';
import { useMajorIncidents } from '../store/major-incident-store.js';
import { PatientRow } from './PatientRow.js';
import { RegisterPatientForm } from './RegisterPatientForm.js';
import { SceneSection } from './SceneSection.js';
import './major-incidents.css';
import { ErrorLine } from '../lib/ErrorLine.js';

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
      <ErrorLine error={msg} />
    </section>
  );
}

function IncidentView({ incident, onError }: { incident: MajorIncidentDetail; onError(m: string | null): void }) {
  const t = useT();
  const [proposed, setProposed] = useState<DistributionProposal | null>(null);
  useEffect(() => {
    loadHospitals().catch((err) => onError(messageOf(err)));
  }, [onError]);
  // The proposal depends on every patient and every hospital's room: ask again whenever the incident changes.
  const { id, updatedAt } = incident;
  useEffect(() => {
    if (updatedAt) proposal(id).then(setProposed, () => setProposed(null));
  }, [id, updatedAt]);
  const proposedFor = (patientId: string) => proposed?.destinations.find((d) => d.patientId === patientId)?.hospitalId;
  return (
    <>
      <p className="muted">
        {t(`mi.level.${incident.level}`)} · {incident.description} ·{' '}
        <a href={`/major-incidents/${incident.id}/log`} target="_blank" rel="noreferrer">
          {t('mi.log.open')}
        </a>
      </p>
      <CategoryCountsTable incident={incident} />
      <HospitalAlerts incident={incident} onError={onError} />
      <SceneSection incident={incident} onError={onError} />
      <IncidentUnits incident={incident} onError={onError} />
      <HospitalCapacityTable incident={incident} onError={onError} />
      <RegisterPatientForm majorIncidentId={incident.id} onError={onError} />
      <ul className="mi-patients">
        {incident.patients.map((p) => (
          <PatientRow key={p.id} majorIncidentId={incident.id} patient={p} proposedHospitalId={proposedFor(p.id)} onError={onError} />
        ))}
      </ul>
    </>
  );
}
