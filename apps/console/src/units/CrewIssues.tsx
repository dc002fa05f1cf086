// The wall's list of the centre's units whose crew fails § 11, with the override and its reason
// where an operator gave one. From the live store, so it follows every change.
import { useMemo } from 'react';
import { useT } from '../i18n/i18n.js';
import './crew.css';
import { useUnitBoard } from '../store/unit-board.js';

export function CrewIssues({ centreId }: { centreId: string }) {
  const t = useT();
  const board = useUnitBoard();
  const units = useMemo(
    () => Object.values(board).filter((u) => u.centreId === centreId && (!u.crewOk || u.crewOverride)),
    [board, centreId],
  );
  if (units.length === 0) return null;
  return (
    <section className="wall-crew" aria-label={t('wall.crewHeading')}>
      <strong>{t('wall.crewHeading')}</strong>
      <ul>
        {units
          .sort((a, b) => a.callSign.localeCompare(b.callSign))
          .map((u) => (
            <li key={u.id} className="warn-text">
              {u.callSign}: {u.crewOverride ? t('units.crewOverride', { reason: u.crewOverride.reason }) : t('units.notStaffed')}
            </li>
          ))}
      </ul>
    </section>
  );
}
