// A mission's timeline: created, every unit status change with its time and source, closed.
import type { MissionDetail } from '@amk/contracts';
import { useT } from '../../i18n/i18n.js';
import { clock } from '../../lib/clock.js';
import { StatusPill } from '../../lib/StatusPill.js';

const time = clock;

export function MissionTimeline({ mission }: { mission: MissionDetail }) {
  const t = useT();
  return (
    <ol className="timeline" aria-label={t('missions.timeline')}>
      <li>
        <time dateTime={mission.createdAt}>{time(mission.createdAt)}</time> {t('missions.created')}
      </li>
      {mission.timeline.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: timeline entries have no id; two may share a unit and a millisecond
        <li key={`${e.at}-${e.unitId}-${i}`} className={`unit-${e.status}`}>
          <time dateTime={e.at}>{time(e.at)}</time> <strong>{e.callSign}</strong> <StatusPill status={e.status} />
          <span className="muted small"> {t(`source.${e.source}`)}</span>
          {e.reason && <span className="small"> · {e.reason}</span>}
        </li>
      ))}
      {mission.closedAt && (
        <li>
          <time dateTime={mission.closedAt}>{time(mission.closedAt)}</time> {t('missions.closedWith', { outcome: mission.outcome ?? '' })}
        </li>
      )}
    </ol>
  );
}
