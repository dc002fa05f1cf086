// Triage with the index, from the keyboard: type a code or words in the criterion field and press
// Enter on a match to set it. A/H/V (outside a text field) choose another urgency than the
// criterion gives; that needs a reason, so focus goes to the reason field, and Enter saves.
// When a call has just been registered or taken, this field takes focus.
import type { CallRecord, TriageCriterion, Urgency } from '@amk/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { $api, ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useFocusRequest } from '../focus-request.js';
import { criterionByCode } from './criterion-search.js';
import { CriterionPicker } from './CriterionPicker.js';
import { useDraft } from './use-draft.js';
import { useUrgencyKeys } from './use-urgency-keys.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

const NO_CRITERIA: TriageCriterion[] = [];
/** The catalogue, loaded once per page load and shared (react-query); a failed load is tried again next time instead of kept. */
function useCriteria(): TriageCriterion[] {
  const { data } = $api.useQuery('get', '/api/v1/triage/criteria', undefined, {
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    select: (r) => r.criteria,
  });
  return data ?? NO_CRITERIA;
}

export function TriageSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const list = useCriteria();
  // The criterion follows the record (a colleague may triage it) until this operator types one.
  const draft = useDraft({ code: record.criterionCode ?? '' });
  const code = draft.values.code;
  const [urgency, setUrgency] = useState<Urgency | ''>('');
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  const [focusReason, setFocusReason] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const chosen = criterionByCode(list, code);
  const overrides = (c: TriageCriterion | undefined) => !!c && !!urgency && urgency !== c.urgency;

  // Just registered or taken: triage is the next thing to do.
  const focusFor = useFocusRequest((s) => s.triageCallId);
  useEffect(() => {
    if (focusFor !== record.id) return;
    inputRef.current?.focus();
    useFocusRequest.getState().done();
  }, [focusFor, record.id]);

  useEffect(() => {
    if (!focusReason) return;
    reasonRef.current?.focus();
    setFocusReason(false);
  }, [focusReason]);

  useUrgencyKeys(
    chosen
      ? (u) => {
          const next = u === chosen.urgency ? '' : u;
          setUrgency(next);
          if (next) setFocusReason(true);
        }
      : null,
  );

  async function save(criterionCode: string) {
    const criterion = criterionByCode(list, criterionCode);
    if (overrides(criterion) && !reason.trim()) {
      setMsg(t('triage.needReason'));
      setFocusReason(true);
      return;
    }
    try {
      onSaved(
        await ok(
          client.POST('/api/v1/calls/{id}/triage', {
            params: { path: { id: record.id } },
            body: { criterionCode, ...(urgency && { urgency }), ...(reason.trim() && { reason: reason.trim() }) },
          }),
        ),
      );
      draft.saved({ code: criterionCode });
      setMsg(null);
      formRef.current?.focus(); // out of the text field: A/H/V now choose another urgency
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err));
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    if (code.trim()) void save(code.trim().toUpperCase());
  }

  return (
    <form className="section triage" onSubmit={submit} ref={formRef} tabIndex={-1} aria-labelledby={`triage-${record.id}`}>
      <h3 id={`triage-${record.id}`}>{t('record.triage')}</h3>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is the CriterionPicker's input */}
      <label>
        {t('record.criterion')}
        <CriterionPicker
          list={list}
          value={code}
          inputRef={inputRef}
          onChange={(text) => draft.set('code', text)}
          onPick={(c) => {
            draft.set('code', c.code);
            void save(c.code);
          }}
        />
      </label>
      {chosen && (
        <p className="muted">
          {chosen.text}
          {chosen.isSample ? ` ${t('triage.sample')}` : ''}
        </p>
      )}
      {record.criterionCode && record.urgency && (
        <p className="muted" data-testid="triage-current">
          {t('triage.current', { code: record.criterionCode, urgency: `${record.urgency} – ${t(`urgency.${record.urgency}`)}` })}
        </p>
      )}
      <label>
        {t('form.urgency')}
        <select value={urgency} onChange={(e) => setUrgency(e.target.value as Urgency | '')}>
          <option value="">{chosen ? `${chosen.urgency} (${t(`urgency.${chosen.urgency}`)})` : '—'}</option>
          {(['A', 'H', 'V'] as const).map((u) => (
            <option key={u} value={u}>
              {u} – {t(`urgency.${u}`)}
            </option>
          ))}
        </select>
      </label>
      {overrides(chosen) && (
        <label>
          {t('record.reason')}
          <input ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
      )}
      <button type="submit" disabled={!code.trim()}>
        {t('record.setTriage')}
      </button>
      <p className="hint">{t('triage.keys')}</p>
      <ErrorLine error={msg} />
    </form>
  );
}
