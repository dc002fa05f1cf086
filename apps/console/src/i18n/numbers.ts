// Numbers as the interface's language writes them (2,6 in Norwegian, 2.6 in English), never as the
// browser's own locale would: a Norwegian console on an English-language PC still writes 2,6 km.
import { INTL_TAGS, useLocale, type Locale } from './i18n.js';

const oneDecimal = Object.fromEntries(
  Object.entries(INTL_TAGS).map(([locale, tag]) => [locale, new Intl.NumberFormat(tag, { maximumFractionDigits: 1 })]),
) as Record<Locale, Intl.NumberFormat>;

/** 2,6 (nb) / 2.6 (en): a distance or a duration to one decimal. */
export const formatDecimal = (value: number, locale: Locale): string => oneDecimal[locale].format(value);

/** The formatter for the current interface language, for components. */
export function useDecimal(): (value: number) => string {
  const locale = useLocale((s) => s.locale);
  return (value) => formatDecimal(value, locale);
}

/** Whole numbers as the interface's language writes them (12 345 in Norwegian, 12,345 in English), for components. */
export function useNumber(): (value: number, options?: Intl.NumberFormatOptions) => string {
  const locale = useLocale((s) => s.locale);
  return (value, options) => value.toLocaleString(INTL_TAGS[locale], options);
}
