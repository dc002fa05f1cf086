import { AddJournalEntryRequest, type CallRecord } from '@amk/contracts';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { clock } from '../../lib/clock.js';
import { contractResolver, Field, messages } from '../../lib/form-kit.js';
import { LinkedCallsSection } from './LinkedCallsSection.js';
import { journalText } from '../../lib/journal-text.js';
import { ErrorLine } from '../../lib/ErrorLine.js';

/** The journal, after the calls linked to this one: a link is an entry in both journals. */
export function JournalSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const [msg, setMsg] = useState<string | null>(null);
  const { register, handleSubmit, control, reset, formState } = useForm<
    z.input<typeof AddJournalEntryRequest>,
    unknown,
    z.output<typeof AddJournalEntryRequest>
  >({
    defaultValues: { text: '' },
    resolver: contractResolver(AddJournalEntryRequest, t, { text: 'record.noteInvalid' }),
  });
  const text = useWatch({ control, name: 'text' });
  const errors = messages(formState.errors);
  const add = handleSubmit(async (body) => {
    try {
      onSaved(await ok(client.POST('/api/v1/calls/{id}/journal', { params: { path: { id: record.id } }, body })));
      reset();
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the text stays in the box
    }
  });
  return (
    <>
      <LinkedCallsSection record={record} onSaved={onSaved} />
      <section className="section">
        <h3>{t('record.journal')}</h3>
        <ol className="journal">
          {record.journal.map((j) => (
            <li key={j.id} className={`journal-${j.kind}`}>
              <time dateTime={j.at}>{clock(j.at)}</time> <strong>{j.author}</strong>: {journalText(j, t)}
            </li>
          ))}
        </ol>
        <form onSubmit={(e) => void add(e)} className="inline" noValidate>
          <Field className="grow" label={t('record.addNote')} error={errors.text}>
            <input aria-invalid={!!errors.text} {...register('text')} />
          </Field>
          <button type="submit" disabled={!text.trim() || formState.isSubmitting}>
            {t('record.addNoteButton')}
          </button>
        </form>
        <ErrorLine error={msg} />
      </section>
    </>
  );
}
