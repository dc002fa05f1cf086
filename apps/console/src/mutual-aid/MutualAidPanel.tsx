// Mutual aid (§ 10 d, § 15 i) on every console of both centres. Asked of us: a request that sounds
// when it arrives and waits for an operator to lend the unit (it is alerted on the asker's mission
// at once) or decline with a reason. Ours: what we asked for and the answer. Lent units stay listed,
// either side, until they are home.
import type { UnitLoanSummary } from '@amk/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiError, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { clock } from '../lib/clock.js';
import { formatAge, useNow } from '../lib/use-now.js';
import { useChimeForNew } from '../lib/chime.js';
import { useConsole } from '../store/console-store.js';
import './mutual-aid.css';
import { ErrorLine } from '../lib/ErrorLine.js';

const DISPATCHERS = ['amk_operator', 'amk_doctor', 'lv_operator', 'supervisor'];
/** An answered request stays in view this long, so the asker sees the answer. */
const ANSWER_SHOWN_MS = 15 * 60_000;

export function MutualAidPanel() {
  const t = useT();
  const now = useNow();
  const centreId = useConsole((s) => s.centre?.id);
  const role = useConsole((s) => s.me?.role);
  const loans = Object.values(useConsole((s) => s.unitLoans)).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const askedOfUs = loans.filter((l) => l.owner.id === centreId && l.state === 'REQUESTED');
  const shown = loans.filter(
    (l) =>
      !askedOfUs.includes(l) &&
      (l.state === 'REQUESTED' ||
        l.state === 'ACCEPTED' ||
        now - Date.parse(l.returnedAt ?? l.decidedAt ?? l.requestedAt) < ANSWER_SHOWN_MS),
  );

  useChimeForNew(askedOfUs.map((l) => l.id));

  if (!askedOfUs.length && !shown.length) return null;
  const mayAnswer = !!role && DISPATCHERS.includes(role);
  return (
    <section className="panel mutual-aid" aria-labelledby="mutual-aid-heading">
      <h2 id="mutual-aid-heading">
        {t('mutualAid.heading')} {askedOfUs.length > 0 && <span className="count">{askedOfUs.length}</span>}
      </h2>
      {askedOfUs.length > 0 && (
        <ul aria-label={t('mutualAid.askedOfUs')}>
          {askedOfUs.map((l) => (
            <Request key={l.id} loan={l} waited={now - Date.parse(l.requestedAt)} mayAnswer={mayAnswer} />
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <ul aria-label={t('mutualAid.others')} className="mutual-aid-others">
          {shown.map((l) => (
            <li key={l.id} className={`loan-${l.state}`} data-testid="loan">
              {l.owner.id === centreId
                ? t('mutualAid.oursLine', { unit: l.unit.callSign, centre: l.borrower.name })
                : t('mutualAid.theirsLine', { unit: l.unit.callSign, centre: l.owner.name })}
              {': '}
              <strong>{t(`mutualAid.state.${l.state}`)}</strong>
              {l.declineReason && <span className="muted"> ({l.declineReason})</span>}
              {l.state === 'REQUESTED' && l.borrower.id === centreId && mayAnswer && <CancelButton loan={l} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Request({ loan, waited, mayAnswer }: { loan: UnitLoanSummary; waited: number; mayAnswer: boolean }) {
  const t = useT();
  const [declining, setDeclining] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  async function answer(send: () => Promise<UnitLoanSummary>) {
    try {
      useConsole.getState().upsertUnitLoan(await send());
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  const path = { params: { path: { loanId: loan.id } } };
  const accept = () => answer(() => ok(client.POST('/api/v1/mutual-aid/{loanId}/accept', path)));
  const decline = handleSubmit(({ reason }) =>
    answer(() => ok(client.POST('/api/v1/mutual-aid/{loanId}/decline', { ...path, body: { reason } }))),
  );

  return (
    <li className="loan-request">
      <div>
        <strong>{t('mutualAid.request', { centre: loan.borrower.name, unit: loan.unit.callSign })}</strong>
        <span className="muted">
          {' '}
          {clock(loan.requestedAt)} · {loan.requestedBy} · {t('inbox.waiting', { age: formatAge(waited) })}
        </span>
      </div>
      {loan.note && <div className="inbox-message">{loan.note}</div>}
      <ErrorLine error={msg} />
      {mayAnswer && !declining && (
        <div className="row">
          <button type="button" className="primary" onClick={accept}>
            {t('mutualAid.lend', { unit: loan.unit.callSign })}
          </button>
          <button type="button" onClick={() => setDeclining(true)}>
            {t('mutualAid.decline')}
          </button>
        </div>
      )}
      {mayAnswer && declining && (
        <form onSubmit={decline} aria-label={t('mutualAid.decline')} className="row">
          <label>
            {t('mutualAid.reason')}
            <input {...register('reason', { validate: (v) => v.trim().length > 0 || t('mutualAid.reasonNeeded') })} />
          </label>
          <button type="submit">{t('mutualAid.decline')}</button>
          {formState.errors.reason && <span className="error small">{formState.errors.reason.message}</span>}
        </form>
      )}
    </li>
  );
}

function CancelButton({ loan }: { loan: UnitLoanSummary }) {
  const t = useT();
  const [msg, setMsg] = useState<string | null>(null);
  async function cancel() {
    try {
      const path = { params: { path: { loanId: loan.id } } };
      useConsole.getState().upsertUnitLoan(await ok(client.POST('/api/v1/mutual-aid/{loanId}/cancel', path)));
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <>
      {' '}
      <button type="button" className="small" onClick={cancel}>
        {t('mutualAid.cancel')}
      </button>
      {msg && (
        <span role="alert" className="error small">
          {' '}
          {msg}
        </span>
      )}
    </>
  );
}
