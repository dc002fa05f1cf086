// The Norwegian calendar, the one place the console turns dates and wall-clock times in Oslo into
// instants and back: a period "from 1 March to 31 March" runs from midnight in Oslo at the start
// of 1 March to the start of 1 April; a shift "16:00" is 16:00 in Oslo. @date-fns/tz does the
// zone arithmetic (summer time from the browser's own zone data, through Intl), so none of it is
// hand-written here.
import { TZDate, tzOffset } from '@date-fns/tz';

const ZONE = 'Europe/Oslo';

/** Milliseconds Oslo's wall clock is ahead of UTC at this instant (+1 h winter, +2 h summer). */
export const osloOffsetMs = (at: number): number => tzOffset(ZONE, new Date(at)) * 60_000;

const ymd = (day: string): [number, number, number] => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

/** The instant a wall-clock time (YYYY-MM-DD, HH:MM) in Oslo names, as ISO; undefined if not valid. */
export function osloInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [y, mo, day, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59) return undefined;
  if (new Date(Date.UTC(y, mo - 1, day)).getUTCDate() !== day) return undefined; // 31 February and the like
  return new Date(new TZDate(y, mo - 1, day, h, mi, ZONE).getTime()).toISOString();
}

/** The instant midnight begins this day (YYYY-MM-DD) in Oslo. */
export function osloDayStart(day: string): Date {
  const at = osloInstant(day, '00:00');
  if (!at) throw new Error(`not a date: ${day}`);
  return new Date(at);
}

/** The calendar day `days` after (or before) this one. */
export function addDays(day: string, days: number): string {
  const [y, mo, d] = ymd(day);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** The next calendar day. */
export const nextDay = (day: string): string => addDays(day, 1);

/** A period of whole days in Oslo, both days included: [start of `from`, start of the day after `to`). */
export function osloPeriod(from: string, to: string): { from: string; to: string } {
  return { from: osloDayStart(from).toISOString(), to: osloDayStart(nextDay(to)).toISOString() };
}

/** Today's date (YYYY-MM-DD) in Oslo, `daysBack` days ago. */
export function osloToday(now = Date.now(), daysBack = 0): string {
  const oslo = new TZDate(now, ZONE);
  const today = new Date(Date.UTC(oslo.getFullYear(), oslo.getMonth(), oslo.getDate())).toISOString().slice(0, 10);
  return addDays(today, -daysBack);
}
