// The Norwegian calendar, the one place the console turns dates and wall-clock times in Oslo into
// instants and back: a period "from 1 March to 31 March" runs from midnight in Oslo at the start
// of 1 March to the start of 1 April; a shift "16:00" is 16:00 in Oslo. @date-fns/tz does the
// zone arithmetic (summer time from the browser's own zone data, through Intl), so none of it is
// hand-written here. Which day it is in Oslo, and adding days, are the domain's (`norwegianDate`,
// `addDays` in @amk/domain's calendar), the same rule the server uses.
import { addDays, parseIsoDate } from '@amk/domain';
import { TZDate, tzOffset } from '@date-fns/tz';

const ZONE = 'Europe/Oslo';

/** Milliseconds Oslo's wall clock is ahead of UTC at this instant (+1 h winter, +2 h summer). */
export const osloOffsetMs = (at: number): number => tzOffset(ZONE, new Date(at)) * 60_000;

/** The instant a wall-clock time (YYYY-MM-DD, HH:MM) in Oslo names, as ISO; undefined if not valid. */
export function osloInstant(date: string, time: string): string | undefined {
  const d = parseIsoDate(date); // null for 31 February and the like
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [h, mi] = [Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return undefined;
  return new Date(new TZDate(d.year, d.month - 1, d.day, h, mi, ZONE).getTime()).toISOString();
}

/** The instant midnight begins this day (YYYY-MM-DD) in Oslo. */
export function osloDayStart(day: string): Date {
  const at = osloInstant(day, '00:00');
  if (!at) throw new Error(`not a date: ${day}`);
  return new Date(at);
}

/** A period of whole days in Oslo, both days included: [start of `from`, start of the day after `to`). */
export function osloPeriod(from: string, to: string): { from: string; to: string } {
  return { from: osloDayStart(from).toISOString(), to: osloDayStart(addDays(to, 1)).toISOString() };
}
