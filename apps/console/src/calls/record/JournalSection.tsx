import type { CallRecord } from '@amk/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError, client, ok } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { LinkedCallsSection } from './LinkedCallsSection.js';
import { clock } from '../../lib/clock.js';

/** The journal, after the calls linked to this one: a link is an entry in both journals. */
export function JournalSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [msg, setMsg] = useState<string | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      onSaved(await ok(client.POST('/api/v1/calls/{id}/journal', { params: { path: { id: record.id } }, body: { text } })));
      setText('');
      setMsg(null);
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the text stays in the box
    }
  }
  return (
    <>
      <LinkedCallsSection record={record} onSaved={onSaved} />
      <section className="section">
        <h3>{t('record.journal')}</h3>
        <ol className="journal">
          {record.journal.map((j) => (
            <li key={j.id} className={`journal-${j.kind}`}>
              <time dateTime={j.at}>{clock(j.at)}</time> <strong>{j.author}</strong>: {j.text}
            </li>
          ))}
        </ol>
        <form onSubmit={add} className="inline">
          <label className="grow">
            {t('record.addNote')}
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" disabled={!text.trim()}>
            {t('record.addNoteButton')}
          </button>
        </form>
        {msg && (
          <p role="alert" className="error">
            {msg}
          </p>
        )}
      </section>
    </>
  );
}
