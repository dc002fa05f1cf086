// Every open major incident this AMK follows: its own (click to open the call it was declared
// from) and those a neighbouring AMK shared with it on declaration, read-only, so it can prepare
// units for mutual aid. Counts per category and hospital live; the printable record one click away.
import { useEffect } from 'react';
import { client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { CategoryCountsTable } from './CategoryCountsTable.js';
import { useMajorIncidents } from '../store/major-incident-store.js';

/** Reads the open major incidents (own and shared) into the store; events keep them current after. */
async function loadOpen(): Promise<void> {
  const { majorIncidents } = await ok(client.GET('/api/v1/major-incidents'));
  for (const m of majorIncidents)
    useMajorIncidents
      .getState()
      .upsertIncident(await ok(client.GET('/api/v1/major-incidents/{majorIncidentId}', { params: { path: { majorIncidentId: m.id } } })));
}

export function MajorIncidentsPanel() {
  const t = useT();
  const centreId = useConsole((s) => s.me?.centre.id);
  const selectCall = useConsole((s) => s.selectCall);
  const live = useConsole((s) => s.connection === 'live');
  const incidents = Object.values(useMajorIncidents((s) => s.incidents))
    .filter((m) => !m.closedAt)
    .sort((a, b) => a.declaredAt.localeCompare(b.declaredAt));
  // Not in the snapshot: read whenever the socket is live again (a resync may have missed events).
  useEffect(() => {
    if (live) loadOpen().catch(() => {}); // the section of an open call still reads its own
  }, [live]);
  if (!incidents.length) return null;
  return (
    <section className="panel mi-panel" aria-label={t('mi.panel.title')}>
      <h2>{t('mi.panel.title')}</h2>
      {incidents.map((m) => {
        const own = m.centreId === centreId;
        return (
          <article key={m.id} className="wall-mi" data-testid="mi-panel-item">
            <h3>
              {t(`mi.level.${m.level}`)} · {m.description}
            </h3>
            <p className="small">
              {own ? t('mi.panel.own') : t('mi.panel.shared')} ·{' '}
              {own && m.callId && (
                <>
                  <button type="button" className="link" onClick={() => selectCall(m.callId!)}>
                    {t('mi.panel.openCall')}
                  </button>{' '}
                  ·{' '}
                </>
              )}
              <a href={`/major-incidents/${m.id}/log`} target="_blank" rel="noreferrer">
                {t('mi.log.open')}
              </a>
            </p>
            <CategoryCountsTable incident={m} />
          </article>
        );
      })}
    </section>
  );
}
