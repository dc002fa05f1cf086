// For the organisation's leader on the responder page: send a test alert (ØVELSE/TEST) to every
// member's phone and watch who received it and who answered. Never an alert, never counted.
import type { TestAlertSummary } from '@amk/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clock } from '../lib/clock.js';
import { ErrorLine } from '../lib/ErrorLine.js';

/** Replies come by SMS through the gateway: while a test is fresh, look again every few seconds. */
const POLL_MS = 5_000;
const FRESH_MS = 30 * 60_000;

export function TestAlertBox() {
  const t = useT();
  const [tests, setTests] = useState<TestAlertSummary[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => setTests((await ok(client.GET('/api/v1/responder/test-alerts'))).testAlerts), []);
  const latest = tests[0];
  const fresh = !!latest && Date.now() - new Date(latest.sentAt).getTime() < FRESH_MS;

  useEffect(() => {
    void load().catch(() => {});
  }, [load]);
  useEffect(() => {
    if (!fresh) return;
    const id = setInterval(() => void load().catch(() => {}), POLL_MS);
    return () => clearInterval(id);
  }, [fresh, load]);

  async function send() {
    if (!window.confirm(t('responder.test.confirm'))) return;
    setBusy(true);
    try {
      const sent = await ok(client.POST('/api/v1/responder/test-alerts'));
      setTests((all) => [sent, ...all]);
      setMsg(null);
    } catch (e) {
      setMsg(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="responder-test" aria-labelledby="responder-test-h">
      <h2 id="responder-test-h">{t('responder.test.heading')}</h2>
      <p className="muted small">{t('responder.test.hint')}</p>
      <button type="button" onClick={send} disabled={busy}>
        {t('responder.test.send')}
      </button>
      <ErrorLine error={msg} />
      {latest && (
        <>
          <p className="muted small">{t('responder.test.sent', { at: clock(latest.sentAt), by: latest.sentBy })}</p>
          <ul aria-label={t('responder.test.replies')} data-testid="test-alert-replies">
            {latest.recipients.map((r) => (
              <li key={r.memberId}>
                <strong>{r.name}</strong>{' '}
                {r.repliedAt ? (
                  <span className="ok-text">
                    {t('responder.test.replied', { at: clock(r.repliedAt) })}: «{r.reply}»
                  </span>
                ) : r.failedAt ? (
                  <span className="error">
                    {t('responder.test.failed')} {r.lastError}
                  </span>
                ) : r.deliveredAt ? (
                  <span className="muted">{t('responder.test.noReply')}</span>
                ) : (
                  <span className="muted">{t('responder.test.pending')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
