// Shift times as the legevakt writes and reads them: a date and a clock time in Norway
// (Europe/Oslo, summer time included), sent to the server as an instant.
import { addDays, norwegianDate } from '@amk/domain';
import { INTL_TAGS, type Locale } from '../i18n/i18n.js';

export { osloInstant } from '../lib/oslo-calendar.js';

const ZONE = 'Europe/Oslo';

/** Tonight's watch as the form offers it: today 16:00 to tomorrow 08:00, Oslo time. */
export function tonight(now = Date.now()): { fromDate: string; fromTime: string; toDate: string; toTime: string } {
  const today = norwegianDate(new Date(now));
  return { fromDate: today, fromTime: '16:00', toDate: addDays(today, 1), toTime: '08:00' };
}

/** "16:00", or "lør. 15.3. 08:00" when the moment is not today in Oslo. */
export function shiftMoment(iso: string, locale: Locale, now = Date.now()): string {
  const at = new Date(iso);
  const clock = new Intl.DateTimeFormat(INTL_TAGS[locale], { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );
  if (norwegianDate(at) === norwegianDate(new Date(now))) return clock;
  const day = new Intl.DateTimeFormat(INTL_TAGS[locale], { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'numeric' }).format(at);
  return `${day} ${clock}`;
}

/** A shift's period for the roster: "16:00–lør. 15.3. 08:00". */
export function shiftPeriod(fromAt: string, toAt: string, locale: Locale, now = Date.now()): string {
  return `${shiftMoment(fromAt, locale, now)}–${shiftMoment(toAt, locale, now)}`;
}
