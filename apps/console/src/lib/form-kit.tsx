// Small pieces the admin forms share: a read (a react-query query) as data, message and reload, running a write and keeping the
// server's message, turning zod issues into one message per field (in the console's language
// where we know a better wording), and a labelled field that shows its own error.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
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

export const showTime = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString('nb-NO', { dateStyle: 'short', timeStyle: 'short' }) : '–');

interface Issue { path: readonly PropertyKey[]; code: string; message: string; origin?: string; input?: unknown }

/**
 * One message per field from a failed safeParse. `hints` gives a field's own wording (it should
 * fit both "missing" and "not valid": "Velg en enhet", "8 til 15 sifre"); other fields say they
 * are required or need a number, else zod's own message.
 */
export function fieldErrors(issues: readonly Issue[], t: T, hints: Partial<Record<string, MessageKey>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    const hint = hints[field];
    if (hint) out[field] = t(hint);
    else if (issue.code === 'too_small' && issue.origin === 'array') out[field] = t('adm.err.chooseOne');
    else if (issue.message === 'is required' || (issue.code === 'too_small' && issue.origin === 'string')) out[field] = t('adm.err.required');
    else if (issue.code === 'invalid_type' && typeof issue.input === 'number') out[field] = t('adm.err.number');
    else out[field] = issue.message;
  }
  return out;
}

/** A label around its input, with the field's error beneath it. */
export function Field({ label, error, children, className }: { label: ReactNode; error?: string | undefined; children: ReactNode; className?: string }) {
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
  if (error) return <p role="alert" className="error">{error}</p>;
  if (ok) return <p role="status" className="ok-text small">{ok}</p>;
  return null;
}
