// Caller and patient details. The form follows the record as others change it (an AML position,
// a colleague's edit) but never overwrites what this operator has typed and not yet saved.
// The fødselsnummer is checked with the domain rule as it is typed; a valid one gives the birth
// date and sex (the server fills them). Without one, birth date, age and sex are entered by hand.
import { SEXES } from '@amk/domain';
import type { CallRecord } from '@amk/contracts';
import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useForm, useWatch, type RegisterOptions } from 'react-hook-form';
import { ApiError, client, ok } from '../../api/client.js';
import { useT, type MessageKey } from '../../i18n/i18n.js';
import { nationalIdProblem, patientChanges, patientValues, type PatientField, type PatientValues } from './patient-fields.js';
import { PositionSection } from './PositionSection.js';

type InputField = Exclude<PatientField, 'sex' | 'interpreterUsed'>;

export function PatientSection({ record, onSaved }: { record: CallRecord; onSaved(r: CallRecord): void }) {
  const t = useT();
  const server = patientValues(record);
  // The form follows the record (`values`); a field the operator has edited (dirty) keeps their
  // text when the record changes under it, until it is saved or they take the other value.
  const { register, control, formState, getValues, resetField } = useForm<PatientValues>({
    values: server,
    resetOptions: { keepDirtyValues: true },
  });
  const v = useWatch({ control }) as PatientValues; // the fødselsnummer and other faults show as typed
  const edited = (k: PatientField) => !!formState.dirtyFields[k];
  const edits: Partial<PatientValues> = Object.fromEntries((Object.keys(v) as PatientField[]).filter(edited).map((k) => [k, v[k]]));
  // The record's value when the operator began editing each field, to tell them it moved since.
  const [bases, setBases] = useState<Partial<PatientValues>>({});
  const startEdit = (k: PatientField) => () => {
    if (!(k in edits)) setBases((b) => ({ ...b, [k]: server[k] }));
  };
  const dropBases = (keys: PatientField[]) =>
    setBases((b) => Object.fromEntries(Object.entries(b).filter(([k]) => !keys.includes(k as PatientField))));
  /** Drop the operator's edit of one field: it follows the record again. */
  const undo = (k: PatientField) => {
    resetField(k);
    dropBases([k]);
  };
  /** The record changed this edited field since the operator started: its value now, else undefined. */
  const changedUnder = (k: PatientField) =>
    edited(k) && k in bases && !Object.is(bases[k], server[k]) && !Object.is(v[k], server[k]) ? server[k] : undefined;
  const [msg, setMsg] = useState<string | null>(null);
  const [typingId, setTypingId] = useState(false);
  const { errors } = patientChanges(edits);
  // Only the operator's own edit is checked: a stored number passed the same check when saved.
  const idProblem = 'nationalId' in edits ? nationalIdProblem(v.nationalId) : null;
  // While the number is being typed, "too short" is not news; every other fault shows at once.
  const idShown = idProblem && !(typingId && idProblem.code === 'WRONG_LENGTH' && idProblem.length < 11) ? idProblem : null;

  async function save(e: FormEvent) {
    e.preventDefault();
    const sent = { ...edits };
    const { body, errors: wrong } = patientChanges(sent);
    if (Object.keys(wrong).length) {
      setTypingId(false); // nothing is sent; every fault shows, a number too short as well
      return;
    }
    if (!body) return;
    try {
      const saved = await ok(client.PATCH('/api/v1/calls/{id}', { params: { path: { id: record.id } }, body }));
      onSaved(saved);
      // The record now has these values: edits equal to what was sent are done, and show as the
      // server stored them (trimmed, normalised). Later typing stays.
      const stored = patientValues(saved);
      const done = (Object.keys(sent) as PatientField[]).filter((k) => Object.is(getValues(k), sent[k]));
      for (const k of done) resetField(k, { defaultValue: stored[k] });
      dropBases(done);
      setMsg(t('record.saved'));
    } catch (err) {
      setMsg(err instanceof ApiError ? err.message : String(err)); // the edits stay in the form
    }
  }

  const errorText = (k: PatientField): string | null => {
    if (k === 'nationalId')
      return idShown
        ? t('record.nationalIdInvalid', { reason: t(`nationalId.${idShown.code}` as MessageKey, { n: idShown.length }) })
        : null;
    if (!errors[k]) return null;
    return t(k === 'ageYears' ? 'record.ageInvalid' : k === 'birthDate' ? 'record.birthDateInvalid' : 'record.fieldInvalid');
  };
  const changedElsewhere = (k: PatientField) => {
    const theirs = changedUnder(k);
    if (theirs === undefined) return null;
    const shown = k === 'sex' && theirs ? t(`sex.${theirs as string}` as MessageKey) : String(theirs);
    return (
      <span className="muted small">
        {t('record.changedElsewhere', { value: shown || '–' })}{' '}
        <button type="button" className="small-button" onClick={() => undo(k)}>
          {t('record.useTheirs')}
        </button>
      </span>
    );
  };
  const field = (k: PatientField, label: string, control: ReactNode) => {
    const error = errorText(k);
    return (
      // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in as `control`
      <label className={[edited(k) && 'edited', error && 'invalid'].filter(Boolean).join(' ') || undefined}>
        {label}
        {control}
        {error && (
          <span className="field-error" id={`patient-${k}-error`}>
            {error}
          </span>
        )}
        {changedElsewhere(k)}
      </label>
    );
  };
  const input = (
    k: InputField,
    label: string,
    props: InputHTMLAttributes<HTMLInputElement> = {},
    options: RegisterOptions<PatientValues, InputField> = {},
  ) =>
    field(
      k,
      label,
      <input
        {...register(k, { ...options, onChange: startEdit(k) })}
        aria-invalid={!!errorText(k)}
        aria-describedby={errorText(k) ? `patient-${k}-error` : undefined}
        {...props}
      />,
    );

  const dirty = Object.keys(edits).length > 0;
  return (
    <>
      <form className="section" onSubmit={save}>
        <h3>{t('record.patient')}</h3>
        {input('callerName', t('form.callerName'))}
        {input('patientName', t('record.patientName'))}
        {input(
          'nationalId',
          t('record.nationalId'),
          { inputMode: 'numeric', autoComplete: 'off', onFocus: () => setTypingId(true) },
          { onBlur: () => setTypingId(false) },
        )}
        <div className="row">
          {input('birthDate', t('record.birthDate'), { type: 'date' })}
          {input('ageYears', t('record.ageYears'), { type: 'number', min: 0, max: 130, step: 1, inputMode: 'numeric' })}
          {field(
            'sex',
            t('record.sex'),
            <select {...register('sex', { onChange: startEdit('sex') })}>
              <option value="">{t('record.sexNotGiven')}</option>
              {SEXES.map((s) => (
                <option key={s} value={s}>
                  {t(`sex.${s}`)}
                </option>
              ))}
            </select>,
          )}
        </div>
        {input('addressText', t('form.address'))}
        {input('language', t('record.language'))}
        <label className="check">
          <input type="checkbox" {...register('interpreterUsed', { onChange: startEdit('interpreterUsed') })} /> {t('record.interpreter')}
        </label>
        <button type="submit" disabled={!dirty}>
          {t('record.save')}
        </button>
        {dirty && <span className="muted small"> {t('record.unsaved')}</span>}
        {msg && (
          <span role="status" className="status">
            {msg}
          </span>
        )}
      </form>
      <PositionSection record={record} onSaved={onSaved} />
    </>
  );
}
