// Patients of a major incident per triage category, in all and per destination hospital: the
// figures the console's panel and the wall both show, in the cards' colours.
import { TRIAGE_CATEGORIES } from '@amk/domain';
import type { MajorIncidentSummary } from '@amk/contracts';
import { useT } from '../i18n/i18n.js';
import './major-incidents.css';

export function CategoryCountsTable({ incident }: { incident: Pick<MajorIncidentSummary, 'byCategory' | 'byHospital'> }) {
  const t = useT();
  return (
    <table className="mi-counts" data-testid="mi-counts">
      <thead>
        <tr>
          <th />
          {TRIAGE_CATEGORIES.map((c) => (
            <th key={c} className={`mi-cat-${c}`} scope="col">
              {t(`mi.cat.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr data-testid="mi-total">
          <th scope="row">{t('mi.total')}</th>
          {TRIAGE_CATEGORIES.map((c) => (
            <td key={c} data-category={c}>
              {incident.byCategory[c]}
            </td>
          ))}
        </tr>
        {incident.byHospital.map((h) => (
          <tr key={h.hospitalId} data-testid={`mi-hospital-${h.code}`}>
            <th scope="row">{h.name}</th>
            {TRIAGE_CATEGORIES.map((c) => (
              <td key={c} data-category={c}>
                {h.byCategory[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
