// § 14 e: the coordinating AMK's view of its health region — every AMK's free and busy units, open
// missions and kommuner without an ambulance in reach, side by side, read-only, kept current by
// asking again every few seconds. Other supervisors are told, in words, why they see nothing.
import { isAvailable } from '@amk/domain';
import type { Me, RegionOverview } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clock } from '../lib/clock.js';
import { messageOf } from '../lib/form-kit.js';
import './region.css';
import { LogoutButton } from '../auth/index.js';
import { ErrorLine } from '../lib/ErrorLine.js';

const POLL_MS = 10_000;

export function RegionPage({ me }: { me: Me }) {
  const t = useT();
  const [overview, setOverview] = useState<RegionOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        setOverview(await ok(client.GET('/api/v1/region')));
        setError(null);
      } catch (err) {
        setError(messageOf(err)); // the last picture stays; the message says why it is not newer
      }
      if (!stop) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, []);
  return (
    <main className="region-page">
      <header className="region-head">
        <h1>{overview ? t('region.title', { region: overview.region }) : me.centre.name}</h1>
        {overview && <span className="muted">{t('region.at', { time: clock(overview.at) })}</span>}
        <a href="/" className="button">
          {t('region.back')}
        </a>
        <LogoutButton />
      </header>
      <ErrorLine error={error} />
      <div className="region-centres">
        {overview?.centres.map((c) => {
          const free = c.units.filter((u) => isAvailable(u.status));
          const gaps = c.preparedness.kommuner.filter((k) => k.gap);
          return (
            <section key={c.centre.id} className="panel" aria-label={c.centre.name} data-testid={`region-${c.centre.code}`}>
              <h2>{c.centre.name}</h2>
              <p>
                <strong data-testid="region-free">{t('region.free', { n: free.length, of: c.units.length })}</strong> ·{' '}
                <span data-testid="region-missions">{t('region.missions', { n: c.openMissions.length })}</span>
              </p>
              <p className={gaps.length ? 'warn-text' : 'muted'}>
                {gaps.length ? `${t('region.gaps')}: ${gaps.map((g) => g.kommunenavn).join(', ')}` : t('region.noGaps')}
              </p>
              <table>
                <tbody>
                  {c.units.map((u) => (
                    <tr key={u.id}>
                      <td>{u.callSign}</td>
                      <td>{t(`status.${u.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
    </main>
  );
}
