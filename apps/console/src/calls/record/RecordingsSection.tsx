import type { RecordingSummary } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { dateAndClock } from '../../lib/clock.js';

/**
 * One recording. A session from single sign-on whose sign-in is too old is refused playback (401
 * with X-Reauthenticate): the player cannot read why it failed, so on an error the reason is asked
 * once and the user offered a fresh sign-in that comes back here.
 */
function Player({ recording: r }: { recording: RecordingSummary }) {
  const t = useT();
  const [reauth, setReauth] = useState<string | null>(null);
  const src = `/api/v1/recordings/${r.id}/audio`;
  async function explain() {
    const res = await fetch(src, { method: 'GET', headers: { range: 'bytes=0-0' } }).catch(() => null);
    const url = res?.status === 401 ? res.headers.get('x-reauthenticate') : null;
    if (url) setReauth(`${url}&returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (reauth)
    return (
      <p role="alert" className="error">
        {t('record.reauth')}{' '}
        <a className="button" href={reauth}>
          {t('record.reauthButton')}
        </a>
      </p>
    );
  return (
    // biome-ignore lint/a11y/useMediaCaption: a call recording has no transcript; it is played as recorded (§ 20)
    <audio controls preload="none" src={src} aria-label={`${t('record.recordings')} ${r.recordedAt}`} onError={() => void explain()} />
  );
}

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
            <Player recording={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}
