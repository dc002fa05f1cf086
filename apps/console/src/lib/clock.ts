// Times as a Norwegian control room reads them: always in Norwegian time, whatever zone the
// machine running the browser is set to, on a 24-hour clock, written as the interface's language
// writes dates (29.11.2026 in Norwegian, 29/11/2026 in English). One place, so every panel agrees.
import { INTL_TAGS, useLocale, type Locale } from '../i18n/i18n.js';

const zone = 'Europe/Oslo';

function formats(tag: string) {
  return {
    hms: new Intl.DateTimeFormat(tag, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
    hm: new Intl.DateTimeFormat(tag, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    dayAndTime: new Intl.DateTimeFormat(tag, { timeZone: zone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }),
    dayAndMinute: new Intl.DateTimeFormat(tag, { timeZone: zone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }),
  };
}
// Made when a language first writes a time, not when the page loads: each format costs the
// browser several milliseconds to build, and the login form writes no time at all.
const byLocale: Partial<Record<Locale, ReturnType<typeof formats>>> = {};
const current = () => {
  const locale = useLocale.getState().locale;
  byLocale[locale] ??= formats(INTL_TAGS[locale]);
  return byLocale[locale];
};

type Moment = string | number | Date;

/** 14:03:27 */
export const clock = (at: Moment): string => current().hms.format(new Date(at));
/** 14:03 */
export const clockShort = (at: Moment): string => current().hm.format(new Date(at));
/** 29.11.2026, 14:03:27 (29/11/2026, 14:03:27 in English) */
export const dateAndClock = (at: Moment): string => current().dayAndTime.format(new Date(at));
/** 29.11.2026, 14:03 (29/11/2026, 14:03 in English) */
export const dateAndClockShort = (at: Moment): string => current().dayAndMinute.format(new Date(at));
