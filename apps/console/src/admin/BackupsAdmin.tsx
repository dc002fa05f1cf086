// Which centres may take this one over when it cannot work (§ 15 p for an AMK, § 12 d for a
// legevaktsentral): a checkbox per centre of the same kind. Administrators change it; supervisors see it.
import type { Me } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { $api, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { useCentres } from '../lib/centres.js';
import { messageOf, Outcome, useLoad } from '../lib/form-kit.js';

export function BackupsAdmin({ me, canEdit }: { me: Me; canEdit: boolean }) {
  const t = useT();
  const code = me.centre.code;
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/centres/{code}/backups', { params: { path: { code } } }));
  const candidates = useCentres().filter((c) => c.kind === me.centre.kind && c.code !== code);
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  useEffect(() => {
    if (data) setChosen(data.backupCentres.map((c) => c.code));
  }, [data]);

  const toggle = (c: string) => setChosen((now) => (now.includes(c) ? now.filter((x) => x !== c) : [...now, c]));
  async function save() {
    try {
      await ok(client.PUT('/api/v1/centres/{code}/backups', { params: { path: { code } }, body: { backupCentres: chosen } }));
      setOutcome({ ok: t('adm.backups.saved'), error: null });
    } catch (e) {
      setOutcome({ ok: null, error: messageOf(e) });
    }
    await reload();
  }

  return (
    <section className="panel" aria-labelledby="b-admin">
      <h2 id="b-admin">{t('adm.tab.backups')}</h2>
      <p className="muted small">{t('adm.backups.intro')}</p>
      <Outcome ok={outcome.ok} error={outcome.error ?? error} />
      <fieldset disabled={!canEdit} className="adm-backups" aria-labelledby="b-admin">
        {candidates.map((c) => (
          <label key={c.code}>
            <input type="checkbox" checked={chosen.includes(c.code)} onChange={() => toggle(c.code)} /> {c.name}{' '}
            <span className="muted small">{c.code}</span>
          </label>
        ))}
      </fieldset>
      {canEdit && (
        <button type="button" className="primary" onClick={save}>
          {t('adm.backups.save')}
        </button>
      )}
    </section>
  );
}
