// Date and time fields that write as the interface's language does (nb: 24.12.2026, en: 24/12/2026;
// 16:00 on a 24-hour clock in both), whatever the browser's own language is: a native
// <input type="date"> shows the browser's mm/dd/yyyy and AM/PM under a Norwegian interface.
// react-aria's DateField/TimeField draw the date as keyboard-editable segments (spinbuttons with
// their own names) in the locale we give them; the value crossing this boundary stays the ISO text
// the forms and contracts hold ('' when empty or half typed), so schemas and requests are unchanged.
import { today } from '@internationalized/date';
import { useMemo, type ReactNode } from 'react';
import { DateField, DateInput as Segments, DateSegment, I18nProvider, Label, TimeField } from 'react-aria-components';
import { useController, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { INTL_TAGS, useLocale } from '../i18n/i18n.js';
import { dateFromIso, isoFromDate, isoFromTime, timeFromIso } from './iso-date-time.js';

interface Common {
  /** `YYYY-MM-DD` for a date, `HH:MM` for a time; '' for empty. */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** The visible label, which names the field unless `aria-label` is given. */
  label?: ReactNode;
  /** The field's name for assistive technology when the visible label is shorter ("Dato" under "Fra"). */
  'aria-label'?: string;
  invalid?: boolean;
  /** A message under the field (marks it invalid too). */
  error?: string | undefined;
  className?: string;
  /** react-hook-form's ref, so a field with an error can be focused. */
  inputRef?: (el: { focus(): void } | null) => void;
}

const ZONE = 'Europe/Oslo';

/** The label, the segments and the message, shared by both kinds of field. */
function Parts({ label, ariaLabel, error }: { label: ReactNode; ariaLabel: string | undefined; error: string | undefined }) {
  return (
    <>
      {/* A visible label with an aria-label beside it would make the name "Dato Fra dato": show it as text only. */}
      {label != null &&
        (ariaLabel ? <span className="date-field-label">{label}</span> : <Label className="date-field-label">{label}</Label>)}
      <Segments className="date-field-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</Segments>
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

const classOf = (p: Common) => ['date-field', p.className, p.error || p.invalid ? 'invalid' : ''].filter(Boolean).join(' ');

/** Focusing the field (react-hook-form on an error) focuses its first segment. */
const focusFirst = (inputRef: Common['inputRef']) => (el: HTMLDivElement | null) =>
  inputRef?.(el ? { focus: () => el.querySelector<HTMLElement>('[role="spinbutton"]')?.focus() } : null);

/** A calendar date typed as the interface's language writes it; `min`/`max` are `YYYY-MM-DD`. */
export function DateInput(p: Common & { min?: string; max?: string }) {
  const locale = useLocale((s) => s.locale);
  const value = useMemo(() => dateFromIso(p.value), [p.value]);
  const min = useMemo(() => dateFromIso(p.min) ?? undefined, [p.min]);
  const max = useMemo(() => dateFromIso(p.max) ?? undefined, [p.max]);
  // Arrow keys in an empty field start from today in Norway, not in the browser's zone.
  const placeholder = useMemo(() => today(ZONE), []);
  return (
    <I18nProvider locale={INTL_TAGS[locale]}>
      <DateField
        ref={focusFirst(p.inputRef)}
        className={classOf(p)}
        aria-label={p['aria-label']}
        value={value}
        onChange={(d) => p.onChange(isoFromDate(d))}
        onBlur={p.onBlur}
        minValue={min}
        maxValue={max}
        placeholderValue={placeholder}
        isInvalid={!!p.error || p.invalid}
        // The forms check themselves (zod, noValidate); out-of-range shows at once, not on a native submit.
        validationBehavior="aria"
        shouldForceLeadingZeros
      >
        <Parts label={p.label} ariaLabel={p['aria-label']} error={p.error} />
      </DateField>
    </I18nProvider>
  );
}

/** A wall-clock time (hours and minutes, 24-hour clock) typed as the interface's language writes it. */
function TimeInput(p: Common) {
  const locale = useLocale((s) => s.locale);
  const value = useMemo(() => timeFromIso(p.value), [p.value]);
  return (
    <I18nProvider locale={INTL_TAGS[locale]}>
      <TimeField
        ref={focusFirst(p.inputRef)}
        className={classOf(p)}
        aria-label={p['aria-label']}
        value={value}
        onChange={(t) => p.onChange(isoFromTime(t))}
        onBlur={p.onBlur}
        hourCycle={24}
        granularity="minute"
        isInvalid={!!p.error || p.invalid}
        // The forms check themselves (zod, noValidate); out-of-range shows at once, not on a native submit.
        validationBehavior="aria"
        shouldForceLeadingZeros
      >
        <Parts label={p.label} ariaLabel={p['aria-label']} error={p.error} />
      </TimeField>
    </I18nProvider>
  );
}

/** A form's control and the name of a string field in it; `O` is what the form's resolver makes of it. */
type Controlled<F extends FieldValues, O> = Omit<Common, 'value' | 'onChange' | 'onBlur' | 'inputRef'> & {
  control: Control<F, unknown, O>;
  name: FieldPathByValue<F, string>;
};

function useField<F extends FieldValues, O>({ control, name }: Controlled<F, O>) {
  const { field } = useController({ control, name });
  return { value: field.value as string, onChange: field.onChange, onBlur: field.onBlur, inputRef: field.ref };
}

/** A DateInput bound to a react-hook-form field holding `YYYY-MM-DD`. */
export function DateFormField<F extends FieldValues, O>(p: Controlled<F, O> & { min?: string; max?: string }) {
  const { control: _c, name: _n, ...rest } = p;
  return <DateInput {...rest} {...useField(p)} />;
}

/** A TimeInput bound to a react-hook-form field holding `HH:MM`. */
export function TimeFormField<F extends FieldValues, O>(p: Controlled<F, O>) {
  const { control: _c, name: _n, ...rest } = p;
  return <TimeInput {...rest} {...useField(p)} />;
}
