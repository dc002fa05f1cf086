// The wall's line for a centre's doctors: every stretch of the next 7 days with no doctor on call
// in a district (an LVS, døgnkontinuerlig § 6) or no AMK doctor (an AMK, § 15 m), in red.
import type { WallCentre } from '@amk/contracts';
import { useLocale, useT } from '../i18n/i18n.js';
import { shiftPeriod } from './oslo-time.js';
import './legevakt.css';

export function WallDoctorGaps({ c }: { c: WallCentre }) {
  const t = useT();
  const locale = useLocale((l) => l.locale);
  if (!c.doctorGaps.length) return null;
  return (
    <div className="wall-doctor-gaps" role="alert" data-testid="wall-doctor-gaps">
      <strong>{c.centre.kind === 'AMK' ? t('wall.amkDoctorGaps') : t('wall.doctorGaps')}:</strong>{' '}
      {c.doctorGaps.map((g) => `${g.district ? `${g.district} ` : ''}${shiftPeriod(g.from, g.to, locale)}`).join(', ')}
    </div>
  );
}
