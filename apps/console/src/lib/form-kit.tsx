// Small pieces the admin forms share: a read (a react-query query) as data, message and reload, running a write and keeping the
// server's message, a react-hook-form resolver that checks a form with the contract's zod schema
// and gives one message per field (in the console's language where we know a better wording),
// and a labelled field that shows its own error.
import { zodResolver } from '@hookform/resolvers/zod';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FieldError, FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api/client.js';
import { dateAndClockShort } from './clock.js';
import { ErrorLine } from './ErrorLine.js';
import type { useT, MessageKey } from '../i18n/i18n.js';

export type T = ReturnType<typeof useT>;

/** A read (`$api.useQuery(...)`) as the forms show it: data (null = not yet), reload, and the server's message on failure. */
export function useLoad<D>(query: UseQueryResult<D, unknown>) {
  return { data: query.data ?? null, error: query.error ? messageOf(query.error) : null, loading: query.isFetching, reload: query.refetch };
}

export const messageOf = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));

/** DD.MM.YYYY for a YYYY-MM-DD date, as Norwegians write it. */
export function showDate(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** A moment in Oslo time as the interface's language writes it, or '–'. */
export const showTime = (iso: string | null | undefined): string => (iso ? dateAndClockShort(iso) : '–');

interface Issue {
  code: string;
  origin?: string;
  input?: unknown;
}
type Hints = Partial<Record<string, MessageKey>>;

/** The console's wording of an issue zod would word in English: choose one, required, a number. */
function wording(issue: Issue, t: T): string | undefined {
  if (issue.code === 'too_small' && issue.origin === 'array') return t('adm.err.chooseOne');
  if (issue.code === 'too_small' && issue.origin === 'string') return t('adm.err.required');
  if (issue.code === 'invalid_type' && typeof issue.input === 'number') return t('adm.err.number');
  return undefined;
}

/** The first error under a field (an array's element, an object's member) as the field's own. */
function firstError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string') return error as FieldError;
  for (const [key, inner] of Object.entries(error)) {
    const found = key === 'ref' ? undefined : firstError(inner);
    if (found) return found;
  }
  return undefined;
}

/** react-hook-form's errors as one message per top-level field, as the forms show them. */
export function messages(errors: FieldErrors): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(errors).map((field) => [field, firstError(errors[field])?.message]));
}

/**
 * A react-hook-form resolver that checks the form with a contract's zod schema (the server's own)
 * and gives one message per field. `hints` gives a field's own wording (it should fit both
 * "missing" and "not valid": "Velg en enhet", "8 til 15 sifre"); other fields say they are
 * required, need a number or need one chosen, in the console's language, else zod's message.
 */
export function contractResolver<I extends FieldValues, O>(schema: z.ZodType<O, I>, t: T, hints: Hints = {}): Resolver<I, unknown, O> {
  const check = zodResolver(schema, { error: (issue) => wording(issue as Issue, t) }) as unknown as Resolver<I, unknown, O>;
  return async (values, context, options) => {
    const result = await check(values, context, options);
    const fields = Object.keys(result.errors);
    if (fields.length === 0) return result;
    const errors: Record<string, FieldError> = {};
    for (const field of fields) {
      const error = firstError(result.errors[field]);
      const hint = hints[field];
      const message = hint ? t(hint) : error?.message === 'is required' ? t('adm.err.required') : error?.message;
      errors[field] = { type: error?.type ?? 'validate', message };
    }
    return { values: {}, errors: errors as FieldErrors<I> };
  };
}

/** A label around its input, with the field's error beneath it. */
export function Field({
  label,
  error,
  children,
  className,
}: {
  label: ReactNode;
  error?: string | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, which every caller passes
    <label className={[className, error ? 'invalid' : ''].filter(Boolean).join(' ')}>
      {label}
      {children}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** The outcome of the last write: a success line or the server's message. */
export function Outcome({ ok, error }: { ok: string | null; error: string | null }) {
  if (error) return <ErrorLine error={error} />;
  if (ok)
    return (
      <p role="status" className="ok-text small">
        {ok}
      </p>
    );
  return null;
}
