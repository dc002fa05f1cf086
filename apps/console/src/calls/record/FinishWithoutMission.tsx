// Finishing a call for which nothing was sent asks why (advice given, referred, no patient, …):
// one click must not end a 113 call without a word. The reason goes into the call's append-only
// journal (in Norwegian, like the rest of the record) before the call is closed.
import { AddJournalEntryRequest, type CallRecord } from '@amk/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ApiError, client, ok } from '../../api/client.js';
import { translate, useT } from '../../i18n/i18n.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

const REASONS = ['ADVICE', 'REFERRED', 'OTHER_SERVICE', 'NO_PATIENT', 'SAME_EVENT', 'OTHER'] as const;
type Reason = (typeof REASONS)[number];
interface Fields {
  reason: Reason | '';
  note: string;
}
const needsNote = (f: Fields) => f.reason === 'OTHER' && !f.note.trim();

/** The journal entry the choice makes, checked by the journal's own contract. */
const Entry = z.preprocess((f: Fields) => {
  if (!f.reason || needsNote(f)) return { text: '' };
  const label = translate('nb', `finish.reason.${f.reason}`);
  return { text: `${translate('nb', 'finish.journal')}: ${f.note.trim() ? `${label}: ${f.note.trim()}` : label}` };
}, AddJournalEntryRequest);

export function FinishWithoutMission({ record, onFinish, onCancel }: { record: CallRecord; onFinish(): Promise<void>; onCancel(): void }) {
  const t = useT();
  const { register, handleSubmit, control, formState } = useForm<Fields, unknown, z.output<typeof AddJournalEntryRequest>>({
    defaultValues: { reason: '', note: '' },
    resolver: zodResolver(Entry),
    shouldFocusError: false,
  });
  const [reason, note] = useWatch({ control, name: ['reason', 'note'] });
  const [msg, setMsg] = useState<string | null>(null);
  const submit = handleSubmit(async (body) => {
    try {
      await ok(client.POST('/api/v1/calls/{id}/journal', { params: { path: { id: record.id } }, body }));
      await onFinish();
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the choice stays
    }
  });
  return (
    <form className="section prompt" role="alertdialog" aria-label={t('record.finish')} onSubmit={submit}>
      <p className="prompt-text">{t('finish.nothingSent')}</p>
      <div className="row">
        <label>
          {t('finish.reason')}
          <select {...register('reason')} required>
            <option value="">{t('finish.chooseReason')}</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`finish.reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('missions.outcomeNote')}
          <input {...register('note')} maxLength={900} required={reason === 'OTHER'} />
        </label>
      </div>
      <div className="row">
        <button type="submit" disabled={!reason || needsNote({ reason, note }) || formState.isSubmitting}>
          {t('record.finish')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('record.cancel')}
        </button>
      </div>
      <ErrorLine error={msg} />
    </form>
  );
}
