// Backup centres (§ 15 p for AMK, § 12 d for 116117). Every console of both centres shows an open
// takeover at the top, so nobody wonders why another centre's calls are in the queue. A supervisor
// takes over a centre that has designated theirs as backup, hands their own centre over before
// evacuating, and ends it; ending shows what was done meanwhile.
import type { TakeoverSummary, TakeoverWork } from '@amk/contracts';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { $api, client, ok } from '../api/client.js';
import { useT } from '../i18n/i18n.js';
import { dateAndClock } from '../lib/clock.js';
import { messageOf, Outcome } from '../lib/form-kit.js';
import { useConsole } from '../store/console-store.js';
import './takeovers.css';

const PLANNED_HOURS = [0, 2, 4, 8, 12, 24] as const;

export function TakeoverPanel() {
  const t = useT();
  const me = useConsole((s) => s.me);
  // The list is asked for again whenever a takeover event reaches the store.
  const version = useConsole((s) => Object.keys(s.takeovers).sort().join());
  const { data, refetch } = $api.useQuery('get', '/api/v1/takeovers');
  useEffect(() => {
    if (version !== undefined) void refetch();
  }, [version, refetch]);
  if (!data || !me) return null;
  const open = data.takeovers.filter((x) => !x.endedAt);
  const ended = data.takeovers.filter((x) => x.endedAt);
  const supervisor = me.role === 'supervisor';
  const takenOver = new Set(open.map((x) => x.centre.id));
  const mayTakeOver = data.canTakeOver.filter((c) => !takenOver.has(c.id));
  const ownTaken = takenOver.has(me.centre.id);
  if (!open.length && !ended.length && !supervisor) return null;
  return (
    <section className="panel takeovers" aria-labelledby="takeovers-heading">
      <h2 id="takeovers-heading">{t('takeover.heading')}</h2>
      {open.map((x) => (
        <OpenTakeover
          key={x.id}
          takeover={x}
          mine={x.backupCentre.id === me.centre.id}
          supervisor={supervisor}
          onEnded={() => void refetch()}
        />
      ))}
      {ended.map((x) => (
        <p key={x.id} className="takeover-ended small" data-testid="takeover-ended">
          {t('takeover.endedLine', {
            backup: x.backupCentre.name,
            centre: x.centre.name,
            at: dateAndClock(x.endedAt!),
          })}{' '}
          {x.work && <WorkLine work={x.work} />}
        </p>
      ))}
      {supervisor && mayTakeOver.length > 0 && (
        <StartForm
          label={t('takeover.takeOver')}
          choices={mayTakeOver}
          start={(code, reason, endsAt) => ({ code, body: { reason, ...(endsAt && { endsAt }) } })}
          onStarted={() => void refetch()}
        />
      )}
      {supervisor && !ownTaken && data.backupCentres.length > 0 && (
        <StartForm
          label={t('takeover.handOver')}
          choices={data.backupCentres}
          start={(backup, reason, endsAt) => ({ code: me.centre.code, body: { reason, backupCentre: backup, ...(endsAt && { endsAt }) } })}
          onStarted={() => void refetch()}
        />
      )}
      {supervisor && !data.canTakeOver.length && !data.backupCentres.length && (
        <p className="muted small">{t('takeover.noneDesignated')}</p>
      )}
    </section>
  );
}

function OpenTakeover({
  takeover: x,
  mine,
  supervisor,
  onEnded,
}: {
  takeover: TakeoverSummary;
  mine: boolean;
  supervisor: boolean;
  onEnded(): void;
}) {
  const t = useT();
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const end = async () => {
    if (!window.confirm(t('takeover.confirmEnd', { centre: x.centre.name }))) return;
    try {
      const done = await ok(client.DELETE('/api/v1/centres/{code}/takeover', { params: { path: { code: x.centre.code } } }));
      setOutcome({ ok: t('takeover.handedBack', { centre: done.centre.name }), error: null });
      onEnded();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) });
    }
  };
  return (
    <div className="takeover-open" role="status" data-testid="takeover-open">
      <strong>{t('takeover.openLine', { backup: x.backupCentre.name, centre: x.centre.name })}</strong>
      <span className="small">
        {t('takeover.since', { at: dateAndClock(x.startedAt), by: x.startedBy })}
        {x.endsAt && ` · ${t('takeover.until', { at: dateAndClock(x.endsAt) })}`}
      </span>
      <span className="small">{x.reason}</span>
      {mine && <span className="small">{t('takeover.workHint', { centre: x.centre.name })}</span>}
      {supervisor && (
        <button type="button" className="secondary" onClick={() => void end()}>
          {t('takeover.end')}
        </button>
      )}
      <Outcome ok={outcome.ok} error={outcome.error} />
    </div>
  );
}

function WorkLine({ work }: { work: TakeoverWork }) {
  const t = useT();
  return (
    <span data-testid="takeover-work">
      {t('takeover.work', {
        received: work.callsReceived,
        worked: work.callsWorked,
        missions: work.missionsCreated,
        actions: work.actions,
      })}
    </span>
  );
}

interface StartValues {
  centre: string;
  reason: string;
  hours: string;
}

function StartForm({
  label,
  choices,
  start,
  onStarted,
}: {
  label: string;
  choices: { code: string; name: string }[];
  start(
    code: string,
    reason: string,
    endsAt: string | undefined,
  ): { code: string; body: { reason: string; endsAt?: string; backupCentre?: string } };
  onStarted(): void;
}) {
  const t = useT();
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const { register, handleSubmit, formState, reset } = useForm<StartValues>({
    defaultValues: { centre: choices[0]?.code ?? '', reason: '', hours: '0' },
  });
  const submit = handleSubmit(async (v) => {
    const endsAt = Number(v.hours) > 0 ? new Date(Date.now() + Number(v.hours) * 3_600_000).toISOString() : undefined;
    const { code, body } = start(v.centre, v.reason.trim(), endsAt);
    try {
      const started = await ok(client.POST('/api/v1/centres/{code}/takeover', { params: { path: { code } }, body }));
      setOutcome({ ok: t('takeover.started', { backup: started.backupCentre.name, centre: started.centre.name }), error: null });
      reset();
      onStarted();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) }); // what was typed stays
    }
  });
  return (
    <details>
      <summary>{label}</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={label} noValidate className="takeover-form">
        <label>
          {t('takeover.centre')}
          <select {...register('centre')}>
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className={formState.errors.reason ? 'invalid' : ''}>
          {t('takeover.reason')}
          <input {...register('reason', { validate: (r) => r.trim().length > 0 || t('takeover.err.reason') })} maxLength={1000} />
          {formState.errors.reason && <span className="field-error">{formState.errors.reason.message}</span>}
        </label>
        <label>
          {t('takeover.plannedEnd')}
          <select {...register('hours')}>
            {PLANNED_HOURS.map((h) => (
              <option key={h} value={h}>
                {h === 0 ? t('takeover.untilEnded') : t('takeover.hours', { n: h })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={formState.isSubmitting}>
          {label}
        </button>
        <Outcome ok={outcome.ok} error={outcome.error} />
      </form>
    </details>
  );
}
