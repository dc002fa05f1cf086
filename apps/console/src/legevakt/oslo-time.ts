// Shift times as the legevakt writes and reads them: a date and a clock time in Norway
// (Europe/Oslo, summer time included), sent to the server as an instant.
import { nextDay, osloOffsetMs, osloToday } from '../indicators/oslo-day.js';

const ZONE = 'Europe/Oslo';

/** The instant a wall-clock time (YYYY-MM-DD, HH:MM) in Oslo names, as ISO; undefined if not valid. */
export function osloInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [y, mo, day, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, day, h, mi);
  if (new Date(wall).getUTCDate() !== day) return undefined; // 31 February and the like
  // The offset at a first guess, then at the instant that guess gives (they differ only around
  // the night the clocks change).
  const guess = wall - osloOffsetMs(wall);
  return new Date(wall - osloOffsetMs(guess)).toISOString();
}

/** Tonight's watch as the form offers it: today 16:00 to tomorrow 08:00, Oslo time. */
export function tonight(now = Date.now()): { fromDate: string; fromTime: string; toDate: string; toTime: string } {
  const today = osloToday(now);
  return { fromDate: today, fromTime: '16:00', toDate: nextDay(today), toTime: '08:00' };
}

const localeTag = (locale: 'nb' | 'en') => (locale === 'en' ? 'en-GB' : 'nb-NO');

/** "16:00", or "lør. 15.3. 08:00" when the moment is not today in Oslo. */
export function shiftMoment(iso: string, locale: 'nb' | 'en', now = Date.now()): string {
  const at = new Date(iso);
  const clock = new Intl.DateTimeFormat(localeTag(locale), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (osloToday(at.getTime()) === osloToday(now)) return clock;
  const day = new Intl.DateTimeFormat(localeTag(locale), { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'numeric' }).format(at);
  return `${day} ${clock}`;
}

/** A shift's period for the roster: "16:00–lør. 15.3. 08:00". */
export function shiftPeriod(fromAt: string, toAt: string, locale: 'nb' | 'en', now = Date.now()): string {
  return `${shiftMoment(fromAt, locale, now)}–${shiftMoment(toAt, locale, now)}`;
}
