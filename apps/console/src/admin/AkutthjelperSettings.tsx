// The centre's limit on whom to propose as akutthjelper: farther than this by road (default 5 km,
// as Hjerteløber) they are not proposed. A supervisor or administrator changes it; it is audited.
import { useEffect, useState, type FormEvent } from 'react';
import { $api, client, ok as unwrap } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { Field, messageOf, Outcome, useLoad } from '../lib/form-kit.js';

export function AkutthjelperSettingsBox({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { data, reload } = useLoad($api.useQuery('get', '/api/v1/akutthjelper/settings'));
  const [km, setKm] = useState('');
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  useEffect(() => {
    if (data) setKm(String(data.maxRoadKm));
  }, [data]);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await unwrap(client.PUT('/api/v1/akutthjelper/settings', { body: { maxRoadKm: Number(km.replace(',', '.')) } }));
      setOutcome({ ok: t('adm.ah.maxRoadKmSaved', { km: saved.maxRoadKm }), error: null });
      reload();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) });
    }
  }

  return (
    <section className="adm-report" aria-labelledby="adm-ah-settings-h">
      <h3 id="adm-ah-settings-h">{t('adm.ah.settings')}</h3>
      <p className="muted small">{t('adm.ah.maxRoadKmHint')}</p>
      <form onSubmit={save} className="inline" noValidate>
        <Field label={t('adm.ah.maxRoadKm')} className="grow">
          <input inputMode="decimal" value={km} disabled={!canEdit} onChange={(e) => setKm(e.target.value)} />
        </Field>
        {canEdit && (
          <button type="submit" className="adm-inline-button">
            {t('admin.save')}
          </button>
        )}
      </form>
      <Outcome {...outcome} />
    </section>
  );
}
