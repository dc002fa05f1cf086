// A tiny translation layer: bokmål by default, English on request, remembered per browser.
import { create } from 'zustand';
import { en } from './en.js';
import { nb, type MessageKey } from './nb.js';

export type Locale = 'nb' | 'en';
const dictionaries: Record<Locale, Record<MessageKey, string>> = { nb, en };

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('amk.locale')) as Locale | null;

export const useLocale = create<{ locale: Locale; setLocale(l: Locale): void }>((set) => ({
  locale: stored === 'en' ? 'en' : 'nb',
  setLocale(locale) {
    localStorage.setItem('amk.locale', locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  let text = dictionaries[locale][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, String(v));
  return text;
}

/** The translator for the current language, for components. */
export function useT() {
  const locale = useLocale((s) => s.locale);
  return (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
}

export type { MessageKey };
