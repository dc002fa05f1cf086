// Several calls about the same place within minutes: the console suggests a major incident
// (§ 15 o), never declares one. The operator opens the latest of the calls (to declare from it)
// or puts the suggestion away; a place near a major incident already declared is not suggested.
import { callClusters, CLUSTER_DEFAULTS, type LatLon } from '@amk/domain';
import { useEffect, useMemo, useState } from 'react';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clockShort } from '../lib/clock.js';
import { useNow } from '../lib/use-now.js';
import { useConsole } from '../store/console-store.js';
import { useMajorIncidents } from '../store/major-incident-store.js';

export function MajorIncidentSuggestion() {
  const t = useT();
  const now = useNow(5_000);
  const calls = useConsole((s) => s.calls);
  const role = useConsole((s) => s.me?.role);
  const selectCall = useConsole((s) => s.selectCall);
  const known = useMajorIncidents((s) => s.incidents);
  const [listed, setListed] = useState<LatLon[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const declared = useMemo(
    () => [
      ...listed,
      ...Object.values(known)
        .filter((m) => !m.closedAt)
        .map((m) => ({ lat: m.lat, lon: m.lon })),
    ],
    [listed, known],
  );
  const placed = useMemo(
    () =>
      Object.values(calls)
        .filter((c) => !c.closedAt)
        .map((c) => ({ id: c.id, lat: c.lat, lon: c.lon, at: Date.parse(c.ringingAt) })),
    [calls],
  );
  const clusters = callClusters(placed, now, { declared });
  // A cluster is known by its first call; ask which major incidents are open when a new one shows.
  const firstIds = clusters.map((c) => c.callIds[0]).join(',');
  useEffect(() => {
    if (!firstIds) return;
    ok(client.GET('/api/v1/major-incidents')).then(
      ({ majorIncidents }) => setListed(majorIncidents.filter((m) => !m.closedAt).map((m) => ({ lat: m.lat, lon: m.lon }))),
      () => {}, // without the list the suggestion still shows; declaring twice is refused by the server
    );
  }, [firstIds]);
  const shown = clusters.filter((c) => !dismissed.has(c.callIds[0]!));
  if ((role !== 'amk_operator' && role !== 'amk_doctor') || !shown.length) return null;
  return (
    <section className="mi-suggestion" role="alert" aria-label={t('mi.suggestion.title')}>
      {shown.map((c) => (
        <div key={c.callIds[0]} data-testid="mi-suggestion">
          <strong>{t('mi.suggestion.title')}</strong>
          <p>
            {t('mi.suggestion.text', {
              n: c.callIds.length,
              radius: CLUSTER_DEFAULTS.radiusM,
              from: clockShort(c.firstAt),
              to: clockShort(c.lastAt),
            })}
          </p>
          <button type="button" onClick={() => selectCall(c.callIds.at(-1)!)}>
            {t('mi.suggestion.open')}
          </button>
          <button type="button" className="secondary" onClick={() => setDismissed(new Set([...dismissed, c.callIds[0]!]))}>
            {t('mi.suggestion.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
