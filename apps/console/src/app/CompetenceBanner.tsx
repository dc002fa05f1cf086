// An operator who does not meet § 15 l / § 13 f (with § 8) can log in but the server refuses their
// take and register: say so up front, with what is missing, instead of letting them find out mid-call.
import { $api } from '../api/client.js';
import { useT } from '../i18n/i18n.js';

export function CompetenceBanner() {
  const t = useT();
  const { data } = $api.useQuery('get', '/api/v1/me/competence');
  if (!data?.checked || data.ok) return null;
  return (
    <section role="alert" className="error competence-banner">
      <strong>{t('competence.banner')}</strong>
      <ul>
        {data.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </section>
  );
}
