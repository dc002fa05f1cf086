// What an operator reads: the right plural form, every placeholder filled, the same facts in both languages.
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { translate, useLocale } from '../src/i18n/i18n.js';
import { nb } from '../src/i18n/nb.js';
import { formatDecimal } from '../src/i18n/numbers.js';
import { clock, dateAndClock } from '../src/lib/clock.js';

describe('translations', () => {
  it('give a text without variables in the language asked for, each time (remembered per language)', () => {
    expect(translate('nb', 'login.submit')).toBe('Logg inn');
    expect(translate('en', 'login.submit')).toBe('Log in');
    expect(translate('nb', 'login.submit')).toBe('Logg inn');
    expect(translate('nb', 'akutthjelper.willAlert', { n: 3, total: 4 })).toContain('De 3 nærmeste');
  });

  it('choose the plural form by the number', () => {
    expect(translate('nb', 'akutthjelper.willAlert', { n: 1, total: 4 })).toBe('Den nærmeste varsles (av 4 på vakt med gyldig opplæring)');
    expect(translate('nb', 'akutthjelper.willAlert', { n: 3, total: 4 })).toBe('De 3 nærmeste varsles (av 4 på vakt med gyldig opplæring)');
    expect(translate('en', 'akutthjelper.willAlert', { n: 1, total: 1 })).toBe(
      'The nearest will be alerted (of 1 on duty with valid training)',
    );
    expect(translate('en', 'index.imported', { n: 1 })).toBe('1 criterion imported');
    expect(translate('nb', 'index.imported', { n: 0 })).toBe('0 kriterier importert');
  });

  it('fill every placeholder and leave the text otherwise as written', () => {
    expect(translate('nb', 'adm.report.beforeOf', { n: 2, of: 5 })).toBe('2 av 5 med kjent ambulansetid');
    expect(translate('en', 'record.dispatch', { unit: 'BGN-A11' })).toBe('Dispatch BGN-A11');
    expect(translate('nb', 'calls.take')).toBe('Ta samtalen');
  });

  it('give English the same placeholders as bokmål, key by key', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(nb).filter(
      (key) => JSON.stringify(placeholders(nb[key as keyof typeof nb])) !== JSON.stringify(placeholders(en[key as keyof typeof en])),
    );
    expect(differing).toEqual([]);
  });
});

describe('numbers in the interface language', () => {
  it('writes a decimal comma in Norwegian and a point in English, whatever the browser', () => {
    expect(formatDecimal(2.64, 'nb')).toBe('2,6');
    expect(formatDecimal(2.64, 'en')).toBe('2.6');
    expect(formatDecimal(12, 'nb')).toBe('12');
  });
});

describe('dates and times in the interface language', () => {
  it('are Oslo time on a 24-hour clock, with the date written as the chosen language writes it', () => {
    const at = '2026-11-29T13:03:27Z'; // 14:03:27 in Oslo (winter time)
    useLocale.setState({ locale: 'nb' });
    expect(dateAndClock(at)).toBe('29.11.2026, 14:03:27');
    expect(clock('2026-11-29T23:00:05Z')).toBe('00:00:05');
    useLocale.setState({ locale: 'en' });
    expect(dateAndClock(at)).toBe('29/11/2026, 14:03:27');
    useLocale.setState({ locale: 'nb' });
  });
});
