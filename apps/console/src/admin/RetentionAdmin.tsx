// § 20: sound recordings are kept three years and then deleted, unless a hold keeps them for a
// tilsyn, a complaint, a compensation case, other case handling or their documentary value.
// Here: the figures and purge history of my centre, a dry run for any day, and holds.
import { HOLD_REASONS, type HoldReason, norwegianDate } from '@amk/domain';
import {
  HoldParams,
  PlaceHoldRequest,
  PurgePreviewQuery,
  RecordingIdParams,
  ReleaseHoldRequest,
  type PurgePreview,
  type RecordingSummary,
  type RetentionOverview,
} from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { $api, client, ok } from '../api/client.js';
import { useNumber } from '../i18n/numbers.js';
import { useT } from '../i18n/i18n.js';
import { Figure } from './AkutthjelperReport.js';
import { DateInput } from '../lib/date-time-input.js';
import { contractResolver, Field, messageOf, messages, Outcome, showDate, showTime, useLoad, type T } from '../lib/form-kit.js';
import { AdmTable } from './AdmTable.js';
import { ErrorLine } from '../lib/ErrorLine.js';

type Overview = ReturnType<typeof RetentionOverview.parse>;
type Preview = ReturnType<typeof PurgePreview.parse>;
type Hold = RecordingSummary['holds'][number];
const reasonLabel = (t: T, r: HoldReason) => t(`hold.${r}`);

export function RetentionAdmin({ canHold }: { canHold: boolean }) {
  const t = useT();
  const { data, error, reload } = useLoad($api.useQuery('get', '/api/v1/recordings/retention'));
  const [recordingId, setRecordingId] = useState('');
  return (
    <section className="admin-section" aria-labelledby="adm-ret">
      <h2 id="adm-ret">{t('admin.retention')}</h2>
      <p className="hint">{t('adm.ret.intro')}</p>
      <div className="adm-columns">
        <div>
          <ErrorLine error={error} />
          {data && <OverviewView data={data} t={t} />}
          <DryRun t={t} onPick={setRecordingId} />
        </div>
        <div className="adm-side">
          {canHold ? (
            <Holds t={t} recordingId={recordingId} setRecordingId={setRecordingId} onChanged={reload} />
          ) : (
            <p className="muted">{t('adm.ret.noHolds')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function OverviewView({ data, t }: { data: Overview; t: T }) {
  const num = useNumber();
  return (
    <>
      <section className="adm-figures" aria-label={t('adm.ret.figures')}>
        <Figure label={t('adm.ret.today')} value={showDate(data.today)} />
        <Figure label={t('adm.ret.total')} value={num(data.total)} />
        <Figure label={t('adm.ret.due')} value={num(data.dueWithin30Days)} />
        <Figure label={t('adm.ret.held')} value={num(data.held)} warn={data.held > 0} />
      </section>
      <div className="adm-two-tables">
        <AdmTable
          label={t('admin.deletedPerMonth')}
          caption
          columns={[{ label: t('adm.ret.month') }, { label: t('adm.ret.deleted'), num: true }]}
          rows={data.deletedPerMonth}
          empty={t('adm.ret.noneDeleted')}
          row={(m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td className="num">{num(m.count)}</td>
            </tr>
          )}
        />
        <AdmTable
          label={t('admin.purgeRuns')}
          caption
          columns={[
            { label: t('adm.ret.started') },
            { label: t('adm.ret.asOf') },
            { label: t('adm.ret.deleted'), num: true },
            { label: t('adm.ret.status') },
          ]}
          rows={data.purgeRuns}
          empty={t('adm.ret.noRuns')}
          row={(r) => (
            <tr key={r.id}>
              <td>{showTime(r.startedAt)}</td>
              <td>{showDate(r.asOfDate)}</td>
              <td className="num">{num(r.deletedCount)}</td>
              <td className={r.error ? 'error' : r.finishedAt ? 'ok-text' : 'muted'}>
                {r.error ?? (r.finishedAt ? t('adm.ret.done') : t('adm.ret.running'))}
              </td>
            </tr>
          )}
        />
      </div>
    </>
  );
}

function DryRun({ t, onPick }: { t: T; onPick(id: string): void }) {
  const num = useNumber();
  const [date, setDate] = useState(norwegianDate(new Date()));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(e: FormEvent) {
    e.preventDefault();
    const parsed = PurgePreviewQuery.safeParse({ date });
    if (!parsed.success) return setFieldError(t('adm.err.date'));
    setFieldError(null);
    setBusy(true);
    try {
      setResult(await ok(client.GET('/api/v1/recordings/purge/preview', { params: { query: { date: parsed.data.date } } })));
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="adm-box">
      <form onSubmit={run} className="inline" aria-label={t('adm.ret.dryRun')} noValidate>
        <DateInput label={t('admin.dryRun')} className="grow" error={fieldError ?? undefined} value={date} onChange={setDate} />
        <button type="submit" className="adm-inline-button" disabled={busy}>
          {t('admin.preview')}
        </button>
      </form>
      <ErrorLine error={error} />
      {result && (
        <div>
          <p role="status">
            {t('admin.wouldDelete', {
              n: num(result.wouldDelete),
              held: num(result.heldBack),
              date: showDate(result.date),
            })}
          </p>
          {result.sample.length > 0 && (
            <table className="adm-table" aria-label={t('adm.ret.sample')}>
              <caption>{t('adm.ret.sample')}</caption>
              <thead>
                <tr>
                  <th>{t('adm.ret.recording')}</th>
                  <th>{t('adm.ret.recordedAt')}</th>
                  <th>{t('adm.ret.deleteAfter')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {result.sample.map((s) => (
                  <tr key={s.id}>
                    <td className="mono">{s.id}</td>
                    <td>{showTime(s.recordedAt)}</td>
                    <td>{showDate(s.deleteAfter)}</td>
                    <td>
                      <button type="button" className="small-button" onClick={() => onPick(s.id)}>
                        {t('adm.ret.pick')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

/** The release form: the contract's reason, and the hold's id as the path parameter checks it. */
const Release = ReleaseHoldRequest.extend({ holdId: z.preprocess((id: string) => id.trim(), HoldParams.shape.holdId) });

function Holds({
  t,
  recordingId,
  setRecordingId,
  onChanged,
}: {
  t: T;
  recordingId: string;
  setRecordingId(v: string): void;
  onChanged(): unknown;
}) {
  // Errors show when a form is sent and change when one is sent again; focus stays where it is.
  const asBefore = { reValidateMode: 'onSubmit', shouldFocusError: false } as const;
  const place = useForm<{ reason: HoldReason; caseRef: string }, unknown, z.output<typeof PlaceHoldRequest>>({
    defaultValues: { reason: 'klage', caseRef: '' },
    resolver: contractResolver(PlaceHoldRequest, t, { caseRef: 'adm.err.caseRef' }),
    ...asBefore,
  });
  const release = useForm<{ holdId: string; reason: string }, unknown, { holdId: string; reason: string }>({
    defaultValues: { holdId: '', reason: '' },
    resolver: contractResolver(Release, t, { holdId: 'adm.err.holdId', reason: 'adm.err.releaseReason' }),
    ...asBefore,
  });
  const placeErrors = messages(place.formState.errors);
  const releaseErrors = messages(release.formState.errors);
  const [idError, setIdError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: string | null; error: string | null }>({ ok: null, error: null });
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<RecordingSummary | null>(null);

  async function send(write: () => Promise<RecordingSummary>, ok: string, reset: () => void) {
    setBusy(true);
    try {
      setSummary(await write());
      setOutcome({ ok, error: null });
      reset();
      await onChanged();
    } catch (err) {
      setOutcome({ ok: null, error: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  /** The recording's id for either form (its error shows with the form's own), else null. */
  function checkId(): string | null {
    const id = RecordingIdParams.safeParse({ recordingId: recordingId.trim() });
    setIdError(id.success ? null : t('adm.err.recordingId'));
    return id.success ? recordingId.trim() : null;
  }

  // Sending one form shows its errors only: the other form's errors go.
  const placeHold = place.handleSubmit(
    (body) => {
      const id = checkId();
      if (!id) return;
      void send(
        () => ok(client.POST('/api/v1/recordings/{recordingId}/holds', { params: { path: { recordingId: id } }, body })),
        t('adm.hold.placed', { caseRef: body.caseRef }),
        () => place.reset({ ...place.getValues(), caseRef: '' }),
      );
    },
    () => void checkId(),
  );
  const releaseHold = release.handleSubmit(
    ({ holdId, reason }) => {
      const id = checkId();
      if (!id) return;
      void send(
        () =>
          ok(
            client.POST('/api/v1/recordings/{recordingId}/holds/{holdId}/release', {
              params: { path: { recordingId: id, holdId } },
              body: { reason },
            }),
          ),
        t('adm.hold.released'),
        () => release.reset(),
      );
    },
    () => void checkId(),
  );

  return (
    <div className="adm-holds">
      <h3>{t('adm.hold.heading')}</h3>
      <Field label={t('admin.recordingId')} error={idError ?? undefined}>
        <input
          className="mono"
          value={recordingId}
          onChange={(e) => setRecordingId(e.target.value)}
          placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
          aria-invalid={!!idError}
          autoComplete="off"
        />
        <span className="hint">{t('adm.hold.idHint')}</span>
      </Field>
      <form
        onSubmit={(e) => {
          release.clearErrors();
          void placeHold(e);
        }}
        className="adm-form"
        aria-label={t('admin.hold')}
        noValidate
      >
        <h4>{t('admin.hold')}</h4>
        <div className="row">
          <Field label={t('admin.reason')} error={placeErrors.reason}>
            <select {...place.register('reason')}>
              {HOLD_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`hold.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('admin.caseRef')} error={placeErrors.caseRef}>
            <input {...place.register('caseRef')} aria-invalid={!!placeErrors.caseRef} />
          </Field>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('admin.placeHold')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          place.clearErrors();
          void releaseHold(e);
        }}
        className="adm-form"
        aria-label={t('adm.hold.release')}
        noValidate
      >
        <h4>{t('adm.hold.release')}</h4>
        <Field label={t('adm.hold.holdId')} error={releaseErrors.holdId}>
          <input className="mono" {...release.register('holdId')} aria-invalid={!!releaseErrors.holdId} autoComplete="off" />
        </Field>
        <Field label={t('adm.hold.releaseReason')} error={releaseErrors.reason}>
          <input {...release.register('reason')} aria-invalid={!!releaseErrors.reason} />
        </Field>
        <button type="submit" disabled={busy}>
          {t('adm.hold.releaseButton')}
        </button>
      </form>
      <Outcome {...outcome} />
      {summary && (
        <SummaryView
          t={t}
          summary={summary}
          onRelease={(h) => {
            setRecordingId(summary.id);
            release.setValue('holdId', h.id);
          }}
        />
      )}
    </div>
  );
}

function SummaryView({ t, summary: s, onRelease }: { t: T; summary: RecordingSummary; onRelease(h: Hold): void }) {
  const num = useNumber();
  const active = s.holds.filter((h) => !h.releasedAt).length;
  return (
    <section className="adm-recording" aria-label={t('adm.hold.recording')}>
      <h4>{t('adm.hold.recording')}</h4>
      <dl className="adm-dl">
        <dt>{t('adm.ret.recording')}</dt>
        <dd className="mono">{s.id}</dd>
        <dt>{t('adm.hold.call')}</dt>
        <dd className="mono">{s.callExternalId}</dd>
        <dt>{t('adm.ret.recordedAt')}</dt>
        <dd>{showTime(s.recordedAt)}</dd>
        <dt>{t('adm.ret.deleteAfter')}</dt>
        <dd>
          {showDate(s.deleteAfter)} {active > 0 && <span className="warn-badge">{t('adm.hold.keptBy', { n: active })}</span>}
        </dd>
        <dt>{t('adm.hold.size')}</dt>
        <dd>
          {num(s.sizeBytes / 1024, { maximumFractionDigits: 0 })} kB · {s.contentType}
        </dd>
      </dl>
      <AdmTable
        label={t('adm.hold.list')}
        caption
        columns={[
          { label: t('admin.reason') },
          { label: t('admin.caseRef') },
          { label: t('adm.hold.placedBy') },
          { label: t('adm.hold.releasedBy') },
          { label: '' },
        ]}
        rows={s.holds}
        empty={t('adm.hold.none')}
        row={(h) => (
          <tr key={h.id} className={h.releasedAt ? 'released' : ''}>
            <td>
              {reasonLabel(t, h.reason)}
              <div className="mono small muted">{h.id}</div>
            </td>
            <td>{h.caseRef}</td>
            <td>
              {h.placedBy}
              <div className="small muted">{showTime(h.placedAt)}</div>
            </td>
            <td>
              {h.releasedAt ? (
                <>
                  {h.releasedBy ?? '–'}
                  <div className="small muted">{showTime(h.releasedAt)}</div>
                  {h.releaseReason && <div className="small">«{h.releaseReason}»</div>}
                </>
              ) : (
                <span className="warn-text">{t('adm.hold.active')}</span>
              )}
            </td>
            <td>
              {!h.releasedAt && (
                <button type="button" className="small-button" onClick={() => onRelease(h)}>
                  {t('adm.hold.releaseThis')}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
