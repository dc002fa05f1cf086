// Renders the server's messages in the reader's language. i18next, the library the console already
// translates with (same version, so nothing new to audit), in a separate instance: the same `{var}`
// syntax on both sides, every placeholder replaced, and no HTML escaping (answers are JSON, not markup).
import i18next from 'i18next';
import type { Message } from './catalogue.js';
import { en } from './en.js';
import { nb } from './nb.js';

export type Language = 'nb' | 'en';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  keySeparator: false, // codes contain dots: they are flat names, not paths
  nsSeparator: false,
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  returnNull: false,
});
const fixed = { nb: i18n.getFixedT('nb'), en: i18n.getFixedT('en') };

export function render(language: Language, message: Message): string {
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([name, value]) => [
      name,
      typeof value !== 'object' ? value : 'code' in value ? render(language, value) : value[language],
    ]),
  );
  return fixed[language](message.code, params);
}

/**
 * The language an answer is written in. No header (API clients, telephony, scripts): English, as the
 * API has always answered, and so does `*`. Otherwise the first language the request names that we
 * write (nb, nn and no read bokmål; en English), by its q weight; a request that names only others
 * gets bokmål, the language of the people at the consoles.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage?.trim()) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...opts] = part.trim().toLowerCase().split(';');
      const q = opts.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { primary: tag.split('-')[0]!, q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { primary } of ranked) {
    if (primary === 'nb' || primary === 'nn' || primary === 'no') return 'nb';
    // '*' (any language, what Node's fetch sends unless told) is no preference: the API's English.
    if (primary === 'en' || primary === '*') return 'en';
  }
  return 'nb';
}
