import type { RecordingSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { dateAndClock } from '../../lib/clock.js';

/** The call's recordings; playing one is audited by the server (who, when, which, from where). */
export function RecordingsSection({ callId }: { callId: string }) {
  const t = useT();
  const [list, setList] = useState<RecordingSummary[]>([]);
  useEffect(
    () =>
      void ok(client.GET('/api/v1/calls/{id}/recordings', { params: { path: { id: callId } } })).then(
        (r) => setList(r.recordings),
        () => setList([]),
      ),
    [callId],
  );
  if (!list.length) return null;
  return (
    <section className="section" aria-labelledby="recordings-heading">
      <h3 id="recordings-heading">{t('record.recordings')}</h3>
      <ul className="recordings">
        {list.map((r) => (
          <li key={r.id}>
            <span className="muted">
              {dateAndClock(r.recordedAt)} · slettes fra {r.deleteAfter}
              {r.holds.some((h) => !h.releasedAt) ? ' · holdt tilbake' : ''}
            </span>
            {/* biome-ignore lint/a11y/useMediaCaption: a call recording has no transcript; it is played as recorded (§ 20) */}
            <audio
              controls
              preload="none"
              src={`/api/v1/recordings/${r.id}/audio`}
              aria-label={`${t('record.recordings')} ${r.recordedAt}`}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
