// The audit log for supervisors, administrators and auditors: who read which call record or
// listened to which recording, when, and from which centre.
import type { AuditEntry, Me } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { ApiError, client, ok } from '../api/client.js';
import { LanguageSwitch } from '../auth/LanguageSwitch.js';
import { dateAndClock } from '../lib/clock.js';
import { LogoutButton } from '../auth/LogoutButton.js';

const ACTION_WORDS: Record<string, string> = {
  'recording.play': 'Lyttet til lydopptak',
  'recording.download': 'Lastet ned lydopptak',
  'recording.list': 'Så lydopptak for henvendelse',
  'recording.hold': 'Satte tilbakehold',
  'recording.hold.release': 'Opphevet tilbakehold',
  'call.read': 'Leste henvendelse',
  'call.list': 'Leste liste over henvendelser',
  'auth.login': 'Logget inn',
};

export function AuditPage({ me }: { me: Me }) {
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
  return (
    <main className="audit">
      <header className="header">
        <strong>Revisjonslogg</strong> <span className="muted">{me.centre.name}</span>
        <a href="/" className="button">
          Konsoll
        </a>
        <LanguageSwitch />
        <LogoutButton />
      </header>
      <label className="filter">
        Filtrer på id (henvendelse eller lydopptak)
        <input value={entityId} onChange={(e) => setEntityId(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table aria-label="Revisjonslogg">
        <thead>
          <tr>
            <th>Tid</th>
            <th>Hvem</th>
            <th>Hva</th>
            <th>Objekt</th>
            <th>Sentral</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{dateAndClock(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{ACTION_WORDS[e.action] ?? e.action}</td>
              <td className="mono">
                {e.entityType} {e.entityId}
              </td>
              <td className="mono">{e.centreId?.slice(0, 8)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
