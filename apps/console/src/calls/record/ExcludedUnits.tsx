// Units the ranking left out, under it, each with the reason in words (crew fails § 11, position
// too old, another centre's unit, on another mission), so the operator never wonders where the
// nearest free car went. A free own unit whose crew fails § 11 can still be sent, but only with a
// reason (the override), which the server keeps on the unit and the mission and audits.
import { useDecimal } from '../../i18n/numbers.js';
import type { ExcludedUnit } from '@amk/contracts';
import { isAvailable } from '@amk/domain';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.js';
import { OverrideForm } from '../../units/index.js';
import './excluded-units.css';

export function ExcludedUnits({
  excluded,
  maxAgeMinutes,
  onOverride,
}: {
  excluded: ExcludedUnit[];
  maxAgeMinutes: number;
  /** Sends the unit anyway with the reason; rejects with the server's message. */
  onOverride(unitId: string, reason: string): Promise<void>;
}) {
  const t = useT();
  const decimal = useDecimal();
  const [asking, setAsking] = useState<string | null>(null);
  if (excluded.length === 0) return null;
  return (
    <div className="excluded-units">
      <h4 id="excluded-heading">{t('recs.excludedHeading')}</h4>
      <ul aria-labelledby="excluded-heading">
        {excluded.map((u) => {
          const canOverride = u.reason === 'CREW_FAILS_SECTION_11' && u.own && isAvailable(u.status);
          return (
            <li key={u.unitId} className={`excluded reason-${u.reason}`}>
              <span className="call-sign">{u.callSign}</span> <span className="muted">{t(`unitKind.${u.kind}`)}</span>{' '}
              <strong className={u.reason === 'CREW_FAILS_SECTION_11' ? 'warn-text' : ''}>
                {t(`recs.reason.${u.reason}`, { n: u.positionAgeMinutes ?? maxAgeMinutes, max: maxAgeMinutes })}
              </strong>
              {u.distanceKm !== null && <span className="muted small"> · {decimal(u.distanceKm)} km</span>}
              {u.crewProblem && <div className="muted small">{u.crewProblem}</div>}
              {u.crewOverrideReason && (
                <div className="small override-note">{t('units.crewOverride', { reason: u.crewOverrideReason })}</div>
              )}
              {canOverride && asking !== u.unitId && (
                <button type="button" className="small-button" onClick={() => setAsking(u.unitId)}>
                  {t('recs.dispatchAnyway', { unit: u.callSign })}
                </button>
              )}
              {canOverride && asking === u.unitId && (
                <OverrideForm
                  unit={u.callSign}
                  onCancel={() => setAsking(null)}
                  onSubmit={(reason) => onOverride(u.unitId, reason).then(() => setAsking(null))}
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
