// Bokmål by default, English on request, remembered per browser. i18next does the work (plural
// forms per language, every `{var}` replaced, not only the first); the dictionaries stay plain
// objects with `{var}` placeholders, and the language lives in a small store so components
// re-render when it changes (react-i18next would add a provider and a second source of truth).
import i18next, { type TOptions } from 'i18next';
import { create } from 'zustand';
import { en } from './en.js';
import { nb, type MessageKey } from './nb.js';

export type Locale = 'nb' | 'en';
/** The BCP 47 tag each interface language formats dates and numbers with (never the browser's own). */
export const INTL_TAGS: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A key written as `x_one` / `x_other` in the dictionaries is asked for as `x`, with `n` or `count`. */
type PluralBase<K> = K extends `${infer Base}_one` ? Base : never;
export type TranslationKey = MessageKey | PluralBase<MessageKey>;
type Vars = Record<string, string | number>;

const i18n = i18next.createInstance();
void i18n.init({
  // English must have every key Norwegian has (en.ts is typed so); a missing one falls back to nb.
  resources: { nb: { translation: nb }, en: { translation: en satisfies Record<MessageKey, string> } },
  lng: 'nb',
  fallbackLng: 'nb',
  initAsync: false,
  // Keys contain dots and colons ("state.RINGING"): they are flat names, not paths.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false }, // React escapes what it renders
  returnNull: false,
});
const fixed: Record<Locale, ReturnType<typeof i18n.getFixedT>> = { nb: i18n.getFixedT('nb'), en: i18n.getFixedT('en') };

const stored = (typeof localStorage !== 'undefined' && localStorage.getItem('amk.locale')) as Locale | null;

export const useLocale = create<{ locale: Locale; setLocale(l: Locale): void }>((set) => ({
  locale: stored === 'en' ? 'en' : 'nb',
  setLocale(locale) {
    localStorage.setItem('amk.locale', locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

// A text without variables is the same every time (the dictionaries never change at run time), so
// it is looked up in i18next once per language: the console's first render asks for a few thousand
// (every row's labels), and i18next's lookup took about 25 ms of it in a trace of the first load.
const plain: Record<Locale, Map<TranslationKey, string>> = { nb: new Map(), en: new Map() };

export function translate(locale: Locale, key: TranslationKey, vars?: Vars): string {
  if (!vars) {
    const known = plain[locale].get(key);
    if (known !== undefined) return known;
    const text = fixed[locale](key, {});
    plain[locale].set(key, text);
    return text;
  }
  // `n` is the dictionaries' name for a number; i18next chooses the plural form by `count`.
  const options: TOptions = typeof vars.n === 'number' && vars.count === undefined ? { ...vars, count: vars.n } : { ...vars };
  return fixed[locale](key, options);
}

/** The translator for the current language, for components. */
export function useT() {
  const locale = useLocale((s) => s.locale);
  return (key: TranslationKey, vars?: Vars) => translate(locale, key, vars);
}

export type { MessageKey };
