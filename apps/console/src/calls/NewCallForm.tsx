// Keyboard-first intake: F2 opens it, Tab moves through the fields, A/H/V keys on the urgency
// choice, Enter registers, Escape closes; the new call then opens with focus in its triage field.
// The console chooses the call's id, so a retry after a network failure can never create a second
// call; what the operator typed is kept until it is saved.
import { CreateCallRequest, type CentreKind } from '@amk/contracts';
import { LINES_BY_CENTRE_KIND } from '@amk/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ApiError, client, ok } from '../api/client.js';
import { messages } from '../lib/form-kit.js';
import { useT } from '../i18n/i18n.js';
import { useConsole } from '../store/console-store.js';
import { useFocusRequest } from './focus-request.js';

const RETRIES = 3;

interface Form {
  id: string;
  line: string;
  callerNumber: string;
  callerName: string;
  addressText: string;
  lat: string;
  lon: string;
  urgency: string;
  summary: string;
}

/** The contract's own schema over what the inputs hold: blanks left out, text trimmed, a decimal comma read as a point. */
const NewCall = z.preprocess((form: Form) => {
  const body: Record<string, unknown> = { id: form.id, line: form.line };
  for (const k of ['callerNumber', 'callerName', 'addressText', 'summary'] as const) if (form[k].trim()) body[k] = form[k].trim();
  if (form.lat.trim()) body.lat = Number(form.lat.replace(',', '.'));
  if (form.lon.trim()) body.lon = Number(form.lon.replace(',', '.'));
  if (form.urgency) body.urgency = form.urgency;
  return body;
}, CreateCallRequest);

export function NewCallForm({ centreKind, onClose }: { centreKind: CentreKind; onClose(): void }) {
  const t = useT();
  const id = useRef(crypto.randomUUID()); // the same id for every retry of this form
  const { register, handleSubmit, setValue, formState } = useForm<Form, unknown, CreateCallRequest>({
    defaultValues: {
      id: id.current,
      line: LINES_BY_CENTRE_KIND[centreKind][0]!,
      callerNumber: '',
      callerName: '',
      addressText: '',
      lat: '',
      lon: '',
      urgency: '',
      summary: '',
    },
    resolver: zodResolver(NewCall),
    reValidateMode: 'onSubmit', // errors change when the operator registers again, as before
    shouldFocusError: false, // the keyboard stays where the operator is
  });
  const errors = messages(formState.errors);
  const busy = formState.isSubmitting;
  const [status, setStatus] = useState<string | null>(null);

  async function save(body: CreateCallRequest) {
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      setStatus(attempt ? t('form.retrying', { n: attempt }) : t('form.saving'));
      try {
        const call = await ok(client.POST('/api/v1/calls', { body }));
        useConsole.getState().upsertCall(call);
        useConsole.getState().selectCall(call.id);
        useFocusRequest.getState().focusTriage(call.id);
        onClose();
        return;
      } catch (err) {
        if (err instanceof ApiError && !err.isNetwork && err.status < 500) {
          setStatus(err.message);
          return;
        }
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
    }
    setStatus(t('form.failed'));
  }

  const submit = handleSubmit(save);

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') onClose();
    const letter = e.key.toUpperCase();
    if (e.target instanceof HTMLInputElement && e.target.name === 'urgency' && ['A', 'H', 'V'].includes(letter)) {
      e.preventDefault();
      setValue('urgency', letter);
      document.querySelector<HTMLInputElement>(`input[name="urgency"][value="${letter}"]`)?.focus();
    }
    if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement && !e.ctrlKey)) {
      e.preventDefault();
      if (!busy) void submit();
    }
  }

  const field = (k: 'callerNumber' | 'callerName' | 'addressText' | 'lat' | 'lon', label: string, props: Record<string, unknown> = {}) => (
    <label className={errors[k] ? 'invalid' : ''}>
      {label}
      <input {...register(k)} aria-invalid={!!errors[k]} {...props} />
      {errors[k] && <span className="field-error">{errors[k]}</span>}
    </label>
  );

  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        onSubmit={(e) => (busy ? e.preventDefault() : void submit(e))}
        onKeyDown={onKey}
        aria-labelledby="new-call-heading"
        role="dialog"
        aria-modal="true"
      >
        <h2 id="new-call-heading">{t('form.heading')}</h2>
        <label>
          {t('form.line')}
          {/* biome-ignore lint/a11y/noAutofocus: F2 opens the form to type into at once; keyboard-first intake is the point */}
          <select {...register('line')} autoFocus>
            {LINES_BY_CENTRE_KIND[centreKind].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        {field('callerNumber', t('form.callerNumber'), { inputMode: 'tel' })}
        {field('callerName', t('form.callerName'))}
        {field('addressText', t('form.address'))}
        <div className="row">
          {field('lat', t('form.lat'), { inputMode: 'decimal' })}
          {field('lon', t('form.lon'), { inputMode: 'decimal' })}
        </div>
        <fieldset className="urgency-choice">
          <legend>{t('form.urgency')}</legend>
          {(['A', 'H', 'V'] as const).map((u) => (
            <label key={u} className={`urgency-${u}`}>
              <input type="radio" {...register('urgency')} value={u} />
              {u} – {t(`urgency.${u}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('form.summary')}
          <textarea {...register('summary')} rows={3} />
        </label>
        {status && (
          <p role="status" className="status">
            {status}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('form.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
