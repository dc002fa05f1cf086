// Town or rural per kommune: which response-time guideline (12 or 25 minutes) applies.
import { useState } from 'react';
import { $api, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { messageOf, Outcome, useLoad } from '../lib/form-kit.js';

export function KommuneAdmin({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/kommuner'));
  const [failed, setFailed] = useState<string | null>(null);
  async function set(nummer: string, settlementClass: 'TOWN' | 'RURAL') {
    try {
      await ok(client.PUT('/api/v1/kommuner/{nummer}/settlement-class', { params: { path: { nummer } }, body: { settlementClass } }));
      setFailed(null);
    } catch (e) {
      setFailed(messageOf(e));
    }
    await reload();
  }
  return (
    <section className="panel" aria-labelledby="k-admin">
      <h2 id="k-admin">{t('admin.kommuneClass')}</h2>
      <Outcome ok={null} error={failed ?? error} />
      <table>
        <tbody>
          {data?.kommuner.map((k) => (
            <tr key={k.nummer}>
              <td>{k.nummer}</td>
              <td>{k.navn}</td>
              <td>
                <select
                  value={k.settlementClass}
                  disabled={!canEdit}
                  onChange={(e) => set(k.nummer, e.target.value === 'TOWN' ? 'TOWN' : 'RURAL')}
                  aria-label={k.navn}
                >
                  <option value="TOWN">{t('admin.town')}</option>
                  <option value="RURAL">{t('admin.rural')}</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
