// The criteria catalogue (Norsk indeks for medisinsk nødhjelp): how much of it is the seeded
// sample and how much the centre's licensed copy, and the import of that copy as CSV. An import
// with one bad line imports nothing; the server names the lines, and they are shown as they are.
import { useState } from 'react';
import { $api, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { messageOf, Outcome, useLoad } from '../lib/form-kit.js';

export function TriageIndexAdmin({ canImport }: { canImport: boolean }) {
  const t = useT();
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/triage/criteria'));
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const samples = data?.criteria.filter((c) => c.isSample).length ?? 0;
  const chapters = new Set(data?.criteria.map((c) => c.chapter)).size;

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setOutcome({ ok: null, error: t('index.chooseFile') });
    setBusy(true);
    try {
      const result = await ok(
        client.POST('/api/v1/triage/criteria/import', {
          body: await file.text(),
          bodySerializer: (csv) => csv,
          headers: { 'content-type': 'text/csv' },
        }),
      );
      setOutcome({ ok: t('index.imported', { n: result.imported }), error: null });
      await reload();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="index-admin">
      <h2 id="index-admin">{t('index.heading')}</h2>
      <Outcome ok={null} error={error} />
      {data && (
        <p>
          {t('index.summary', { n: data.criteria.length, chapters })}
          {samples > 0 && (
            <>
              {' '}
              · <strong>{t('index.samples', { n: samples })}</strong>
            </>
          )}
        </p>
      )}
      {canImport && (
        <form aria-label={t('index.import')} onSubmit={upload}>
          {/* The browser's own file button speaks the browser's language ("Choose File"); this one ours. */}
          <label className="file-pick">
            {t('index.file')}
            <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <span className="file-pick-row">
              <span className="file-button" aria-hidden="true">
                {t('file.choose')}
              </span>
              <span className="file-name">{file?.name ?? t('file.none')}</span>
            </span>
          </label>
          <p className="muted small">{t('index.format')}</p>
          <button type="submit" disabled={busy}>
            {t('index.import')}
          </button>
          <Outcome ok={outcome.ok} error={outcome.error} />
        </form>
      )}
    </section>
  );
}
