import { useLocale } from '../i18n/i18n.js';

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  return (
    <fieldset className="lang bare" aria-label="Språk / Language">
      <button type="button" aria-pressed={locale === 'nb'} onClick={() => setLocale('nb')}>
        NB
      </button>
      <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
        EN
      </button>
    </fieldset>
  );
}
