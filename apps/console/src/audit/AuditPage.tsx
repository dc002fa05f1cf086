// The audit log for supervisors, administrators and auditors: who read which call record or
// listened to which recording, when, and in which centre's log — in words, in the interface's
// language: actions and record kinds named, centres by their code and name, not by their ids.
import type { AuditEntry, AuditSubject, Me } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { ApiError, client, ok } from '../api/client.js';
import { LanguageSwitch, LogoutButton } from '../auth/index.js';
import { type MessageKey, useT } from '../i18n/i18n.js';
import { useCentres } from '../lib/centres.js';
import { dateAndClock } from '../lib/clock.js';
import { nb } from '../i18n/nb.js';
import { ErrorLine } from '../lib/ErrorLine.js';

/** "A11-BERGEN", "113 · 04.12.2026 05:31" or "Kari Nordmann"; null when the server found nothing to name. */
function subjectText(subject: AuditSubject | null): string | null {
  if (!subject) return null;
  const parts = [subject.name, subject.line, subject.at && dateAndClock(subject.at)].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

export function AuditPage({ me }: { me: Me }) {
  const t = useT();
  const centres = useCentres();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [entityId, setEntityId] = useState(new URLSearchParams(window.location.search).get('entityId') ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const query = { limit: 200, ...(entityId.trim() && { entityId: entityId.trim() }) };
    ok(client.GET('/api/v1/audit', { params: { query } })).then(
      (r) => {
        setEntries(r.entries);
        setError(null);
      },
      (e) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [entityId]);
  // A word for every action and record kind the server writes; an unknown one shows as written.
  const word = (kind: 'action' | 'entity', key: string) => {
    const k = `audit.${kind}.${key}` as MessageKey;
    return k in nb ? t(k) : key;
  };
  const centre = (id: string | null) => {
    const c = centres.find((x) => x.id === id);
    return c ? `${c.code} (${c.name})` : (id?.slice(0, 8) ?? '–');
  };

  return (
    <main className="audit">
      <header className="header">
        <h1 className="page-title">{t('audit.title')}</h1> <span className="muted">{me.centre.name}</span>
        <a href="/" className="button">
          {t('app.title')}
        </a>
        <LanguageSwitch />
        <LogoutButton />
      </header>
      <label className="filter">
        {t('audit.filter')}
        <input value={entityId} onChange={(e) => setEntityId(e.target.value)} />
      </label>
      <ErrorLine error={error} />
      <table aria-label={t('audit.title')}>
        <thead>
          <tr>
            <th>{t('audit.at')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.record')}</th>
            <th>{t('audit.centre')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{dateAndClock(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{word('action', e.action)}</td>
              <td>
                {word('entity', e.entityType)}{' '}
                {e.entityId && (
                  // the record in words (its name, or the line and time of its call); the id only on hover
                  <a href={`/audit?entityId=${encodeURIComponent(e.entityId)}`} title={e.entityId}>
                    {subjectText(e.subject) ?? t('audit.anotherRecord')}
                  </a>
                )}
              </td>
              <td>{centre(e.centreId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
