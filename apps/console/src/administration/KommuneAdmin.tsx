// Town or rural per kommune: which response-time guideline (12 or 25 minutes) applies.
import { api } from '../api/http.js';
import { useT } from '../i18n/i18n.js';
import { attempt, useLoad } from './use-load.js';

export function KommuneAdmin({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { data, reload } = useLoad<{ kommuner: { nummer: string; navn: string; settlementClass: 'TOWN' | 'RURAL' }[] }>('/kommuner');
  const set = (nummer: string, settlementClass: string) => attempt(() => api('PUT', `/kommuner/${nummer}/settlement-class`, { settlementClass })).then(() => reload());
  return (
    <section className="panel" aria-labelledby="k-admin">
      <h2 id="k-admin">{t('admin.kommuneClass')}</h2>
      <table>
        <tbody>
          {data?.kommuner.map((k) => (
            <tr key={k.nummer}>
              <td>{k.nummer}</td>
              <td>{k.navn}</td>
              <td>
                <select value={k.settlementClass} disabled={!canEdit} onChange={(e) => set(k.nummer, e.target.value)} aria-label={k.navn}>
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
