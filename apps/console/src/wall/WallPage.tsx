// The supervisors' wall display: full screen, no interaction, readable from four metres, dark.
// It polls the figures and keeps the live map; when the server is away it keeps the last picture,
// says plainly how old it is, and recovers by itself.
import type { Me, Wall, WallCentre } from '@amk/contracts';
import { ringingTooLong } from '@amk/domain';
import { useEffect, useState } from 'react';
import { client, ok } from '../api/client.js';
import { formatAge, useNow } from '../lib/use-now.js';
import { useT } from '../i18n/i18n.js';
import { MapView } from '../map/index.js';
import { connectRealtime, loadSnapshot } from '../realtime/index.js';
import { clock, clockShort } from '../lib/clock.js';
import { retryUntilDone } from '../lib/retry.js';
import { CrewIssues } from '../units/index.js';
import { WallDoctorGaps } from '../legevakt/index.js';
import { WallMajorIncidents } from '../major-incidents/index.js';

const POLL_MS = 5_000;
const STALE_MS = 15_000;

export function WallPage({ me }: { me: Me }) {
  const t = useT();
  const now = useNow();
  const [wall, setWall] = useState<Wall | null>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const centres = new URLSearchParams(window.location.search).get('centres');

  useEffect(() => {
    let stop = false;
    const poll = async () => {
      try {
        setWall(await ok(client.GET('/api/v1/wall', { params: { query: centres ? { centres } : {} } })));
        setFetchedAt(Date.now());
      } catch {
        /* keep the last picture; the banner shows its age */
      }
      if (!stop) setTimeout(poll, POLL_MS);
    };
    void poll();
    let disconnect: (() => void) | undefined;
    const stopTrying = retryUntilDone(
      async () => {
        await loadSnapshot();
        if (!stop) disconnect = connectRealtime();
      },
      { first: POLL_MS, max: POLL_MS },
    );
    return () => {
      stop = true;
      stopTrying();
      disconnect?.();
    };
  }, [centres]);

  const stale = !fetchedAt || now - fetchedAt > STALE_MS;
  const own = wall?.centres.find((c) => c.centre.id === me.centre.id);
  return (
    <main className="wall">
      <header className="wall-head">
        <h1>{wall?.centres.map((c) => c.centre.name).join(' · ') ?? me.centre.name}</h1>
        <time className="clock">{clock(now)}</time>
      </header>
      {stale && (
        <div className="wall-stale" role="alert" data-testid="stale">
          {t('wall.stale', { age: fetchedAt ? formatAge(now - fetchedAt) : '—' })}
        </div>
      )}
      <div
        className="wall-body"
        style={{ gridTemplateColumns: `repeat(${Math.max(1, wall?.centres.length ?? 1)}, 1fr)${own ? ' 1.2fr' : ''}` }}
      >
        {wall?.centres.map((c) => (
          <CentreColumn key={c.centre.id} c={c} now={now} />
        ))}
        {own && (
          <section className="wall-map" aria-label={t('wall.map')}>
            <MapView gaps={own.preparednessGaps.map((g) => g.kommunenummer)} legend={false} />
            {own.preparednessGaps.length > 0 && (
              <div className="wall-gaps">
                {t('wall.gaps')}: {own.preparednessGaps.map((g) => g.kommunenavn).join(', ')}
              </div>
            )}
            <CrewIssues centreId={own.centre.id} />
          </section>
        )}
      </div>
    </main>
  );
}

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)} %`);

function CentreColumn({ c, now }: { c: WallCentre; now: number }) {
  const t = useT();
  return (
    <section className="wall-col" aria-label={c.centre.name}>
      <h2>{c.centre.code}</h2>
      {c.takeovers.map((x) => (
        <p key={x.centre} className="wall-takeover" role="status" data-testid="wall-takeover">
          {t('wall.takeover', { backup: x.backupCentre, centre: x.centre })} · {clockShort(x.startedAt)}
        </p>
      ))}
      {c.breakGlass.map((b) => (
        <p key={b.name} className="wall-takeover wall-break-glass" role="status" data-testid="wall-break-glass">
          {t('wall.breakGlass', { name: b.name, until: clockShort(b.until) })}
          {b.lastUsedAt ? ` · ${t('wall.breakGlassUsed', { at: clockShort(b.lastUsedAt) })}` : ''}
        </p>
      ))}
      <WallMajorIncidents incidents={c.majorIncidents} now={now} />
      <WallDoctorGaps c={c} />
      <div className="wall-tiles">
        {(['A', 'H', 'V', 'ringing'] as const).map((k) => {
          const since = c.openCalls.oldestAt[k];
          // a caller ringing past the centre's answer target (10 s AMK, 2 min LVS) turns the queue into an alarm
          const overdue = k === 'ringing' ? ringingTooLong(c.centre.kind, since ? Date.parse(since) : null, now) : null;
          return (
            <div
              key={k}
              className={`tile ${k === 'ringing' ? 'queue' : `urgency-${k}`}${overdue ? ' alarm' : ''}`}
              data-testid={`wall-tile-${k}`}
              {...(overdue && { role: 'alert' })}
            >
              <span>{k === 'ringing' ? t('calls.queue') : t(`urgency.${k}`)}</span>
              <strong>{c.openCalls[k]}</strong>
              {since && <small className="tile-age">{t('wall.oldestShort', { age: formatAge(now - Date.parse(since)) })}</small>}
              {overdue && (
                <small className="tile-alarm">
                  {t('wall.ringingTooLong', { limit: overdue < 60 ? `${overdue} s` : `${overdue / 60} min` })}
                </small>
              )}
            </div>
          );
        })}
      </div>
      {c.openCalls.oldestOpenAt && (
        <p className="wall-line">
          {t('wall.oldest')}: {formatAge(now - Date.parse(c.openCalls.oldestOpenAt))}
        </p>
      )}
      {c.answerToday.map((l) => (
        <div key={l.line} className={`wall-kpi ${l.meetsTarget ? 'ok' : 'bad'}`}>
          <span>{t('wall.answer', { line: l.line })}</span>
          <strong>{pct(l.shareWithinTarget)}</strong>
          <span className="muted">{t('wall.answerOf', { target: Math.round(l.target.targetShare * 100), n: l.total })}</span>
        </div>
      ))}
      <figure className="trend-figure" aria-labelledby={`trend-${c.centre.id}`}>
        <figcaption id={`trend-${c.centre.id}`}>{t('wall.trend')}</figcaption>
        <div className="trend">
          {c.answerTrend.map((h) => (
            <div
              key={h.hour}
              className="bar"
              title={`${h.hour}: ${pct(h.share)}`}
              style={{ height: `${Math.round((h.share ?? 0) * 100)}%` }}
            >
              <span>{h.hour}</span>
            </div>
          ))}
        </div>
      </figure>
      {c.centre.kind === 'AMK' && (
        <div className="wall-kpi">
          <span>{t('wall.response')}</span>
          <strong>{pct(c.responseToday.TOWN.share)}</strong>
          <span className="muted">≤{c.responseToday.TOWN.targetMinutes} min</span>
          <strong>{pct(c.responseToday.RURAL.share)}</strong>
          <span className="muted">≤{c.responseToday.RURAL.targetMinutes} min</span>
        </div>
      )}
      <ul className="wall-facts">
        {/* Akutthjelpere are alerted by AMK only (the national guide); an LVS has none to count. */}
        {c.centre.kind === 'AMK' && (
          <li>
            {t('wall.akutthjelper')}: <strong>{c.akutthjelperMissionsToday}</strong>
          </li>
        )}
        <li className={c.notificationsAwaitingAck ? 'warn-text' : ''}>
          {t('wall.unacked')}: <strong>{c.notificationsAwaitingAck}</strong>
        </li>
        <li className={c.inboxAwaitingAck ? 'warn-text' : ''}>
          {t('wall.inbox')}: <strong>{c.inboxAwaitingAck}</strong>
        </li>
        {c.centreNotificationsLate > 0 && (
          <li
            role="alert"
            className="wall-centre-late"
            style={{ background: '#b71c1c', color: '#fff', fontWeight: 700, padding: '0.1em 0.3em', borderRadius: 4 }}
          >
            {t('wall.centreLate', { n: c.centreNotificationsLate })}
          </li>
        )}
        <li className={c.transfersWaiting ? 'warn-text' : ''}>
          {t('wall.transfers')}: <strong>{c.transfersWaiting}</strong>
        </li>
        <li className={c.callbacksOpen ? 'warn-text' : ''} data-testid="wall-callbacks">
          {t('wall.callbacks')}: <strong>{c.callbacksOpen}</strong>
        </li>
      </ul>
      <table className="wall-stations" aria-label={t('units.heading')}>
        <thead>
          <tr>
            <th>{t('units.heading')}</th>
            <th className="free">{t('wall.free')}</th>
            <th className="busy">{t('wall.busy')}</th>
            <th className="off">{t('wall.off')}</th>
          </tr>
        </thead>
        <tbody>
          {c.stations.map((s) => (
            <tr key={s.name}>
              <td>{s.name}</td>
              <td className="free">{s.free}</td>
              <td className="busy">{s.busy}</td>
              <td className="off">{s.unavailable}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
