// The centre's users and their competence under § 8, § 13 f and § 15 l: who lacks what, and a form
// per user for the admin to record education, operator training, clinical practice, courses and HPR.
import type { UserCompetence } from '@amk/contracts';
import { EDUCATIONS } from '@amk/domain';
import { useState } from 'react';
import { $api, client, ok } from '../api/client.js';
import { useT, type MessageKey } from '../i18n/i18n.js';
import { dateAndClock } from '../lib/clock.js';
import { DateInput } from '../lib/date-time-input.js';
import { messageOf, Outcome, useLoad } from '../lib/form-kit.js';

const EDUCATION_KEYS: Record<(typeof EDUCATIONS)[number], MessageKey> = {
  NURSE: 'competence.edu.NURSE',
  AMBULANCE_WORKER: 'competence.edu.AMBULANCE_WORKER',
  OTHER_HEALTH_BACHELOR: 'competence.edu.OTHER_HEALTH_BACHELOR',
  NONE: 'competence.edu.NONE',
};

export function UsersAdmin() {
  const t = useT();
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/admin/users'));
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="u-admin">
      <h2 id="u-admin">{t('competence.heading')}</h2>
      <Outcome ok={null} error={error} />
      <table>
        <thead>
          <tr>
            <th>{t('competence.user')}</th>
            <th>{t('competence.education')}</th>
            <th>{t('competence.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data?.users.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              editing={editing === u.id}
              onEdit={() => setEditing(editing === u.id ? null : u.id)}
              onSaved={async () => {
                setEditing(null);
                await reload();
              }}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function UserRow({
  user,
  editing,
  onEdit,
  onSaved,
}: {
  user: UserCompetence;
  editing: boolean;
  onEdit: () => void;
  onSaved: () => Promise<void>;
}) {
  const t = useT();
  const c = user.competence;
  return (
    <>
      <tr>
        <td>
          {user.displayName}{' '}
          <span className="muted small">
            ({user.username}, {user.role}
            {user.signsInWith !== 'password' && `, ${t('adm.bg.via', { provider: user.signsInWith })}`})
          </span>
          {user.breakGlassUntil && (
            <span className="error small">{t('adm.bg.openUntil', { until: dateAndClock(user.breakGlassUntil) })}</span>
          )}
        </td>
        <td>{t(EDUCATION_KEYS[user.education])}</td>
        <td>
          {!c.checked ? (
            <span className="muted">{t('competence.notChecked')}</span>
          ) : c.ok ? (
            t('competence.ok')
          ) : (
            <ul className="error">
              {c.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </td>
        <td>
          <button type="button" onClick={onEdit} aria-expanded={editing}>
            {t('competence.edit')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={4}>
            <CompetenceForm user={user} onSaved={onSaved} />
            {user.signsInWith === 'password' && <BreakGlassForm user={user} onSaved={onSaved} />}
          </td>
        </tr>
      )}
    </>
  );
}

function CompetenceForm({ user, onSaved }: { user: UserCompetence; onSaved: () => Promise<void> }) {
  const t = useT();
  const [f, setF] = useState({
    education: user.education,
    operatorTrainingOn: user.operatorTrainingOn ?? '',
    clinicalPracticeConfirmed: user.clinicalPracticeConfirmed,
    emergencyCourseOn: user.emergencyCourseOn ?? '',
    violenceCourseOn: user.violenceCourseOn ?? '',
    hprNumber: user.hprNumber ?? '',
  });
  const [failed, setFailed] = useState<string | null>(null);
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  async function save(e: React.FormEvent) {
    e.preventDefault();
    try {
      await ok(
        client.PUT('/api/v1/admin/users/{id}/competence', {
          params: { path: { id: user.id } },
          body: {
            education: f.education,
            operatorTrainingOn: orNull(f.operatorTrainingOn),
            clinicalPracticeConfirmed: f.clinicalPracticeConfirmed,
            emergencyCourseOn: orNull(f.emergencyCourseOn),
            violenceCourseOn: orNull(f.violenceCourseOn),
            hprNumber: orNull(f.hprNumber),
          },
        }),
      );
      setFailed(null);
      await onSaved();
    } catch (err) {
      setFailed(messageOf(err));
    }
  }
  const date = (k: 'operatorTrainingOn' | 'emergencyCourseOn' | 'violenceCourseOn', label: MessageKey) => (
    <DateInput label={t(label)} value={f[k]} onChange={(v) => setF({ ...f, [k]: v })} />
  );
  return (
    <form className="competence-form" onSubmit={save}>
      <Outcome ok={null} error={failed} />
      <label>
        {t('competence.education')}
        <select value={f.education} onChange={(e) => setF({ ...f, education: e.target.value as UserCompetence['education'] })}>
          {EDUCATIONS.map((k) => (
            <option key={k} value={k}>
              {t(EDUCATION_KEYS[k])}
            </option>
          ))}
        </select>
      </label>
      {date('operatorTrainingOn', 'competence.training')}
      <label>
        <input
          type="checkbox"
          checked={f.clinicalPracticeConfirmed}
          onChange={(e) => setF({ ...f, clinicalPracticeConfirmed: e.target.checked })}
        />
        {t('competence.clinicalPractice')}
      </label>
      {date('emergencyCourseOn', 'competence.emergencyCourse')}
      {date('violenceCourseOn', 'competence.violenceCourse')}
      <label>
        {t('competence.hpr')}
        <input inputMode="numeric" value={f.hprNumber} onChange={(e) => setF({ ...f, hprNumber: e.target.value })} />
      </label>
      <button type="submit">{t('competence.save')}</button>
    </form>
  );
}

/**
 * Break-glass (issue 18): where single sign-on is in use in production, a local account signs in
 * with its password only during a period opened here with a reason; the server audits each use.
 */
function BreakGlassForm({ user, onSaved }: { user: UserCompetence; onSaved: () => Promise<void> }) {
  const t = useT();
  const [hours, setHours] = useState(4);
  const [reason, setReason] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setFailed(null);
      await onSaved();
    } catch (err) {
      setFailed(messageOf(err));
    }
  }
  const params = { params: { path: { id: user.id } } };
  return (
    <form
      className="adm-form"
      aria-label={t('adm.bg.heading')}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => ok(client.PUT('/api/v1/admin/users/{id}/break-glass', { ...params, body: { hours, reason } })));
      }}
    >
      <h3>{t('adm.bg.heading')}</h3>
      <p className="muted small">{t('adm.bg.intro')}</p>
      <label>
        {t('adm.bg.hours')}
        <input type="number" min={1} max={72} value={hours} onChange={(e) => setHours(Number(e.target.value))} />
      </label>
      <label>
        {t('adm.bg.reason')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <Outcome ok={null} error={failed} />
      <button type="submit">{t('adm.bg.open')}</button>
      {user.breakGlassUntil && (
        <button type="button" onClick={() => void run(() => ok(client.DELETE('/api/v1/admin/users/{id}/break-glass', params)))}>
          {t('adm.bg.close')}
        </button>
      )}
    </form>
  );
}
