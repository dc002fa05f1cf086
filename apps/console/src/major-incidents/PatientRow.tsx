// One patient of a major incident: card and category (re-triage in place), then the transport and
// the two times that follow it (left the scene, arrived at the hospital).
import { TRIAGE_CATEGORIES } from '@amk/domain';
import type { TriageCategory } from '@amk/contracts';
import { useState } from 'react';
import { useT } from '../i18n/i18n.js';
import { clockShort } from '../lib/clock.js';
import { messageOf } from '../lib/form-kit.js';
import { changeCategory, recordTime } from './major-incident-api.js';
import { type PatientProps, TransportForm } from './TransportForm.js';

export function PatientRow({ majorIncidentId, patient: p, proposedHospitalId, onError }: PatientProps) {
  const t = useT();
  // Taking a patient out of "død" is a serious change: the server asks why, and so does the console.
  const [reason, setReason] = useState('');
  const run = (action: Promise<unknown>) =>
    action.then(
      () => onError(null),
      (err) => onError(messageOf(err)),
    );
  const retriage = (category: TriageCategory) =>
    run(changeCategory(majorIncidentId, p.id, category, p.category === 'DEAD' ? reason.trim() : undefined));
  return (
    <li className={`mi-cat-${p.category}`} data-testid={`mi-patient-${p.cardNumber}`}>
      <div className="mi-patient-row">
        <strong>{p.cardNumber}</strong>
        <select
          aria-label={t('mi.categoryOf', { card: p.cardNumber })}
          value={p.category}
          onChange={(e) => void retriage(e.target.value as TriageCategory)}
        >
          {TRIAGE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`mi.cat.${c}`)}
            </option>
          ))}
        </select>
        {p.category === 'DEAD' && (
          <input
            aria-label={t('mi.retriageReason')}
            placeholder={t('mi.retriageReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        {p.hospitalName && (
          <span className="mi-transport">
            → {p.hospitalName}
            {p.callSign && ` (${p.callSign})`}
            {p.capacityOverrideReason && ` · ${t('mi.overridden', { reason: p.capacityOverrideReason })}`}
          </span>
        )}
        {p.hospitalId && !p.leftSceneAt && (
          <button type="button" onClick={() => void run(recordTime(majorIncidentId, p.id, 'left-scene'))}>
            {t('mi.leftScene')}
          </button>
        )}
        {p.leftSceneAt && <span>{t('mi.leftSceneAt', { time: clockShort(p.leftSceneAt) })}</span>}
        {p.leftSceneAt && !p.arrivedAt && (
          <button type="button" onClick={() => void run(recordTime(majorIncidentId, p.id, 'arrived'))}>
            {t('mi.arrived')}
          </button>
        )}
        {p.arrivedAt && <span>{t('mi.arrivedAt', { time: clockShort(p.arrivedAt) })}</span>}
      </div>
      {!p.hospitalId && p.category !== 'DEAD' && (
        <TransportForm majorIncidentId={majorIncidentId} patient={p} proposedHospitalId={proposedHospitalId} onError={onError} />
      )}
    </li>
  );
}
