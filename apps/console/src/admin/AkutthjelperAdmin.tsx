// Akutthjelperordningen for my centre: organisations (brann or FORF) → units → members and the
// written agreements (which kommuner, which event types, from when to when). An administrator
// creates and changes them; a supervisor reads. A report box summarises the missions.
import { addDays, norwegianDate } from '@amk/domain';
import { useState } from 'react';
import { $api, client, ok as answer } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { eventLabel, kommuneText, useKommuneNames, type Agreement, type Member, type Unit } from './akutthjelper-kit.js';
import { AkutthjelperForms } from './AkutthjelperForms.js';
import { AkutthjelperReportBox } from './AkutthjelperReport.js';
import { AkutthjelperSettingsBox } from './AkutthjelperSettings.js';
import { messageOf, Outcome, showDate, useLoad, type T } from '../lib/form-kit.js';
import { ErrorLine } from '../lib/ErrorLine.js';

export function AkutthjelperAdmin({ canEdit, canSetLimit }: { canEdit: boolean; canSetLimit: boolean }) {
  const t = useT();
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/akutthjelper/organisations'));
  const names = useKommuneNames();
  const [action, setAction] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, write: () => Promise<unknown>, ok: string) {
    setBusy(key);
    try {
      await write();
      setAction({ ok, error: null });
      await reload();
    } catch (e) {
      setAction({ ok: null, error: messageOf(e) });
    } finally {
      setBusy(null);
    }
  }
  const setDuty = (m: Member, onDuty: boolean) =>
    run(
      `duty-${m.id}`,
      () => answer(client.PATCH('/api/v1/akutthjelper/members/{memberId}', { params: { path: { memberId: m.id } }, body: { onDuty } })),
      t(onDuty ? 'adm.member.nowOnDuty' : 'adm.member.nowOffDuty', { name: m.name }),
    );
  const endAgreement = (a: Agreement) =>
    run(
      `end-${a.id}`,
      () =>
        answer(
          client.PATCH('/api/v1/akutthjelper/agreements/{agreementId}', {
            params: { path: { agreementId: a.id } },
            body: { validTo: norwegianDate(new Date()) },
          }),
        ),
      t('adm.agreement.ended', { date: showDate(norwegianDate(new Date())) }),
    );

  return (
    <section className="admin-section" aria-labelledby="adm-ah">
      <h2 id="adm-ah">{t('akutthjelper.heading')}</h2>
      <p className="hint">{t(canEdit ? 'adm.ah.intro' : 'adm.ah.readOnly')}</p>
      <div className="adm-columns">
        <div className="adm-tree">
          <ErrorLine error={error} />
          <div aria-live="polite">
            <Outcome {...action} />
          </div>
          {data && data.organisations.length === 0 && <p className="muted">{t('adm.ah.empty')}</p>}
          {data?.organisations.map((o) => (
            <article key={o.id} className="adm-org" aria-label={o.name}>
              <h3>
                {o.name} <span className={`tag kind-${o.kind}`}>{t(`adm.kind.${o.kind}`)}</span>
              </h3>
              {o.units.length === 0 && <p className="muted small">{t('adm.org.noUnits')}</p>}
              {o.units.map((u) => (
                <UnitView key={u.id} unit={u} t={t} names={names} canEdit={canEdit} busy={busy} onDuty={setDuty} onEnd={endAgreement} />
              ))}
            </article>
          ))}
        </div>
        <div className="adm-side">
          {canEdit && data && <AkutthjelperForms tree={data} names={names} onChanged={reload} />}
          <AkutthjelperSettingsBox canEdit={canSetLimit} />
          <AkutthjelperReportBox names={names} />
        </div>
      </div>
    </section>
  );
}

function UnitView({
  unit: u,
  t,
  names,
  canEdit,
  busy,
  onDuty,
  onEnd,
}: {
  unit: Unit;
  t: T;
  names: Map<string, string>;
  canEdit: boolean;
  busy: string | null;
  onDuty(m: Member, v: boolean): void;
  onEnd(a: Agreement): void;
}) {
  const today = norwegianDate(new Date());
  const soon = addDays(today, 30);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="adm-unit" aria-label={u.name}>
      <h4>
        {u.name}{' '}
        <span className="muted small mono">
          {u.lat.toFixed(4)}, {u.lon.toFixed(4)}
        </span>
      </h4>
      <div className="adm-sub">
        {t('adm.members')} ({u.members.length})
      </div>
      {u.members.length === 0 ? (
        <p className="muted small">{t('adm.unit.noMembers')}</p>
      ) : (
        <table className="adm-table" aria-label={`${t('adm.members')} ${u.name}`}>
          <thead>
            <tr>
              <th>{t('adm.member.name')}</th>
              <th>{t('adm.member.phone')}</th>
              <th>{t('adm.member.training')}</th>
              <th>{t('adm.member.onDuty')}</th>
            </tr>
          </thead>
          <tbody>
            {u.members.map((m) => {
              const expired = !m.trainingValidUntil || m.trainingValidUntil < today;
              const expiring = !expired && m.trainingValidUntil! <= soon;
              return (
                <tr key={m.id}>
                  <td>
                    {m.name}
                    {m.isLeader && <span className="tag">{t('adm.member.leader')}</span>}
                    {m.hasResponderPage && (
                      <span className="tag" title={t('adm.member.appTitle')}>
                        {t('adm.member.app')}
                      </span>
                    )}
                  </td>
                  <td className="mono">{m.phone}</td>
                  <td className={expired || expiring ? 'warn-cell' : ''}>
                    {showDate(m.trainingValidUntil)}
                    {expired && (
                      <span className="warn-badge">{t(m.trainingValidUntil ? 'adm.member.expired' : 'adm.member.noTraining')}</span>
                    )}
                    {expiring && <span className="warn-badge">{t('adm.member.expiring')}</span>}
                  </td>
                  <td>
                    <span className={m.onDuty ? 'ok-text' : 'muted'}>{t(m.onDuty ? 'adm.yes' : 'adm.no')}</span>
                    {canEdit && (
                      <button
                        type="button"
                        className="small-button"
                        disabled={busy === `duty-${m.id}`}
                        onClick={() => onDuty(m, !m.onDuty)}
                        aria-label={t(m.onDuty ? 'adm.member.setOff' : 'adm.member.setOn', { name: m.name })}
                      >
                        {t(m.onDuty ? 'adm.member.toOff' : 'adm.member.toOn')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="adm-sub">
        {t('adm.agreements')} ({u.agreements.length})
      </div>
      {u.agreements.length === 0 ? (
        <p className="muted small">{t('adm.unit.noAgreements')}</p>
      ) : (
        <ul className="adm-agreements">
          {u.agreements.map((a) => {
            const inForce = a.validFrom <= today && (!a.validTo || a.validTo >= today);
            const ended = !!a.validTo && a.validTo < today;
            const canEnd = canEdit && (!a.validTo || a.validTo > today);
            return (
              <li
                key={a.id}
                className={inForce ? 'in-force' : 'not-in-force'}
                aria-label={`${t('admin.agreement')} ${a.kommuner.join(', ')}`}
              >
                <div>
                  <strong>{a.kommuner.map((k) => kommuneText(names, k, k)).join(', ')}</strong>
                  {!inForce && <span className="warn-badge">{t(ended ? 'adm.agreement.ended.badge' : 'adm.agreement.notYet')}</span>}
                  {inForce && <span className="tag ok-tag">{t('adm.agreement.inForce')}</span>}
                </div>
                <div className="small">{a.eventTypes.map((e) => eventLabel(t, e)).join(' · ')}</div>
                <div className="small muted">
                  {t('adm.agreement.period', {
                    from: showDate(a.validFrom),
                    to: a.validTo ? showDate(a.validTo) : t('adm.agreement.open'),
                  })}
                  {a.documentRef && <> · {a.documentRef}</>}
                  {a.alertVia === 'FIRE_CENTRE' && <> · {t('adm.agreement.alertVia.FIRE_CENTRE')}</>}
                </div>
                {canEnd && confirming !== a.id && (
                  <button type="button" className="small-button" onClick={() => setConfirming(a.id)}>
                    {t('admin.endAgreement')}
                  </button>
                )}
                {canEnd && confirming === a.id && (
                  <fieldset className="adm-confirm bare" aria-label={t('admin.endAgreement')}>
                    <span className="small">{t('adm.agreement.confirm', { date: showDate(today) })}</span>
                    <button
                      type="button"
                      className="small-button danger"
                      disabled={busy === `end-${a.id}`}
                      onClick={() => {
                        setConfirming(null);
                        onEnd(a);
                      }}
                    >
                      {t('adm.agreement.confirmYes')}
                    </button>
                    <button type="button" className="small-button" onClick={() => setConfirming(null)}>
                      {t('adm.cancel')}
                    </button>
                  </fieldset>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
