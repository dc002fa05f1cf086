// Single sign-on (issue 18): which groups or roles at an identity provider give which role at this
// centre. The administrator keeps this table instead of typing a role per person; the server
// audits every change and refuses a person whose groups match no row.
import type { Role } from '@amk/contracts';
import { ROLES } from '@amk/domain';
import { useState } from 'react';
import { $api, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { messageOf, Outcome, useLoad } from '../lib/form-kit.js';

export function SsoMappingsAdmin() {
  const t = useT();
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/admin/oidc-mappings'));
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const [providerId, setProviderId] = useState('');
  const [claim, setClaim] = useState('');
  const [value, setValue] = useState('');
  const [role, setRole] = useState<Role>('amk_operator');
  const providers = data?.providers ?? [];
  const chosen = providers.find((p) => p.id === providerId) ?? providers[0];

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setOutcome({ ok: done, error: null });
    } catch (e) {
      setOutcome({ ok: null, error: messageOf(e) });
    }
    await reload();
  }
  const add = () =>
    run(async () => {
      await ok(
        client.POST('/api/v1/admin/oidc-mappings', { body: { providerId: chosen?.id ?? '', claim: claim || undefined, value, role } }),
      );
      setValue('');
    }, t('adm.sso.added'));
  const remove = (mappingId: string) =>
    run(() => ok(client.DELETE('/api/v1/admin/oidc-mappings/{mappingId}', { params: { path: { mappingId } } })), t('adm.sso.removed'));

  return (
    <section className="panel" aria-labelledby="sso-admin">
      <h2 id="sso-admin">{t('adm.tab.sso')}</h2>
      <p className="muted small">{t('adm.sso.intro')}</p>
      <Outcome ok={outcome.ok} error={outcome.error ?? error} />
      {data && !providers.length && <p className="muted">{t('adm.sso.none')}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('adm.sso.provider')}</th>
            <th>{t('adm.sso.claim')}</th>
            <th>{t('adm.sso.value')}</th>
            <th>{t('adm.sso.role')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.mappings.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                {t('adm.sso.empty')}
              </td>
            </tr>
          )}
          {data?.mappings.map((m) => (
            <tr key={m.id}>
              <td>{providers.find((p) => p.id === m.providerId)?.label ?? m.providerId}</td>
              <td>{m.claim}</td>
              <td>{m.value}</td>
              <td>{t(`role.${m.role}`)}</td>
              <td>
                <button type="button" onClick={() => void remove(m.id)}>
                  {t('adm.sso.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {providers.length > 0 && (
        <form
          className="adm-form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label>
            {t('adm.sso.provider')}
            <select value={chosen?.id} onChange={(e) => setProviderId(e.target.value)}>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('adm.sso.claim')}
            <input
              value={claim}
              onChange={(e) => setClaim(e.target.value)}
              placeholder={t('adm.sso.claimHint', { claim: chosen?.groupsClaim ?? '' })}
            />
          </label>
          <label>
            {t('adm.sso.value')}
            <input value={value} onChange={(e) => setValue(e.target.value)} required />
          </label>
          <label>
            {t('adm.sso.role')}
            <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t('adm.sso.add')}
          </button>
        </form>
      )}
    </section>
  );
}
