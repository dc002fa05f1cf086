// Several calls about one incident (a crash reported by three cars): the calls linked to this one,
// and linking it to another open call of the centre. The server links both and publishes both, so
// every console showing either call sees the link.
import { type CallRecord, LinkCallsRequest } from '@amk/contracts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, client, ok } from '../../api/client.js';
import { useT, type MessageKey } from '../../i18n/i18n.js';
import { contractResolver, Field, messages } from '../../lib/form-kit.js';
import { useConsole } from '../../store/console-store.js';
import { kommuneName } from '../../lib/kommune-names.js';
import { callLabel, linkCandidates, type LabelWords } from './linked-calls.js';
import './record-extras.css';
import { clockShort } from '../../lib/clock.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

const time = clockShort;

export function LinkedCallsSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const calls = useConsole((s) => s.calls);
  const candidates = linkCandidates(Object.values(calls), record);
  const [msg, setMsg] = useState<string | null>(null);
  const { register, handleSubmit, control, reset, formState } = useForm<
    z.input<typeof LinkCallsRequest>,
    unknown,
    z.output<typeof LinkCallsRequest>
  >({
    defaultValues: { otherCallId: '' },
    resolver: contractResolver(LinkCallsRequest, t, { otherCallId: 'record.linkMissing' }),
  });
  const other = useWatch({ control, name: 'otherCallId' });
  const busy = formState.isSubmitting;
  const errors = messages(formState.errors);
  const words: LabelWords = { time, kommune: kommuneName, unknownCaller: t('calls.unknownCaller'), noAddress: t('calls.noAddress') };
  // A call that left the list (closed, transferred) since it was chosen cannot be linked from here.
  const chosen = candidates.some((c) => c.id === other) ? other : '';

  const link = handleSubmit(async (body) => {
    if (!candidates.some((c) => c.id === body.otherCallId)) return;
    try {
      onSaved(await ok(client.POST('/api/v1/calls/{id}/link', { params: { path: { id: record.id } }, body })));
      reset();
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the choice stays
    }
  });

  return (
    <section className="section" aria-label={t('record.linked')}>
      <h3>{t('record.linked')}</h3>
      {record.linkedCalls.length === 0 ? (
        <p className="muted">{t('record.noLinked')}</p>
      ) : (
        <ul className="linked-calls" aria-label={t('record.linked')}>
          {record.linkedCalls.map((l) => (
            <li key={l.id}>
              {callLabel({ ...l, ...calls[l.id] }, words)} · {t(`state.${calls[l.id]?.state ?? l.state}` as MessageKey)}
              <button type="button" className="small-button" onClick={() => useConsole.getState().selectCall(l.id)}>
                {t('record.openLinked')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline" onSubmit={(e) => (busy || !chosen ? e.preventDefault() : void link(e))} noValidate>
        <Field className="grow" label={t('record.linkTo')} error={errors.otherCallId}>
          <select aria-invalid={!!errors.otherCallId} {...register('otherCallId')} value={chosen}>
            <option value="">{candidates.length ? t('record.linkChoose') : t('record.linkNone')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {callLabel(c, words)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={!chosen || busy}>
          {t('record.linkButton')}
        </button>
      </form>
      <ErrorLine error={msg} />
    </section>
  );
}
