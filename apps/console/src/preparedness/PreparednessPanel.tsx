// Preparedness at a glance (§ 15 h, i): each of my kommuner that no free ambulance reaches within
// the response guideline (12 min town, 25 min rural), with the free ambulances in reach and the
// nearest free one's estimated time against the guideline. The same kommuner are shaded on the map.
import type { PreparednessReport } from '@amk/contracts';
import { useT } from '../i18n/i18n.js';
import { gapRows } from './gap-rows.js';
import { clock } from '../lib/clock.js';

export function PreparednessPanel({ report }: { report: PreparednessReport | null }) {
  const t = useT();
  if (!report) return null;
  const rows = gapRows(report);
  return (
    <section className="panel preparedness" aria-labelledby="prep-heading" data-testid="preparedness">
      <h2 id="prep-heading">
        {t('prep.heading')}
        {rows.length > 0 && <span className="count prep-count">{rows.length}</span>}
      </h2>
      {rows.length === 0 ? (
        <p className="ok-text small">{t('prep.noGaps')}</p>
      ) : (
        <table className="prep-gaps">
          <thead>
            <tr>
              <th>{t('prep.kommune')}</th>
              <th>{t('prep.free')}</th>
              <th>{t('prep.nearest')}</th>
              <th>{t('prep.guideline')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <tr key={k.kommunenummer}>
                <td>{k.kommunenavn}</td>
                <td className="num">{k.freeAmbulances}</td>
                <td className="num bad">
                  {k.nearestFreeEtaMinutes === null ? t('prep.none') : `${Math.round(k.nearestFreeEtaMinutes)} min`}
                  {k.nearestFreeCallSign && <span className="muted"> {k.nearestFreeCallSign}</span>}
                </td>
                <td className="num">
                  ≤ {k.guidelineMinutes} min <span className="muted">{t(`prep.${k.settlementClass}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{t('prep.at', { time: clock(report.at) })}</p>
    </section>
  );
}
