// The wall's block for each open major incident of a centre: level, what happened, since when,
// and the patients per category and hospital (figures only, as everything on the wall).
import type { WallCentre } from '@amk/contracts';
import { useT } from '../i18n/i18n.js';
import { formatAge } from '../lib/use-now.js';
import { CategoryCountsTable } from './CategoryCountsTable.js';

export function WallMajorIncidents({ incidents, now }: { incidents: WallCentre['majorIncidents']; now: number }) {
  const t = useT();
  return incidents.map((m) => (
    <section key={m.id} className="wall-mi" role="alert" aria-label={t('mi.title')} data-testid="wall-major-incident">
      <h3>
        {t('mi.title')} · {t(`mi.level.${m.level}`)} · {formatAge(now - Date.parse(m.declaredAt))}
      </h3>
      <p>{m.description}</p>
      <p data-testid="wall-mi-units" className={m.unitsOverdue ? 'mi-unit-overdue' : ''}>
        {t('mi.wall.units', { n: m.unitsSent })}
        {m.unitsOverdue > 0 && ` · ${t('mi.wall.overdue', { n: m.unitsOverdue })}`}
      </p>
      <CategoryCountsTable incident={m} />
    </section>
  ));
}
