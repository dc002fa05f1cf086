// The console's forms hold dates as ISO `YYYY-MM-DD` and wall-clock times as `HH:MM` (Oslo time,
// turned into instants by oslo-calendar.ts); the date and time fields work in @internationalized/date's
// CalendarDate and Time. These are the two conversions at that boundary: '' is an empty field, and
// text that is not a real date or time reads as empty rather than throwing mid-render.
import { CalendarDate, Time } from '@internationalized/date';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The calendar date an ISO `YYYY-MM-DD` names; null when empty or not a real day (31 February). */
export function dateFromIso(iso: string | null | undefined): CalendarDate | null {
  const m = DATE.exec(iso ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // CalendarDate would quietly move 31 February to 28 February; a field must not show another day.
  if (mo < 1 || mo > 12 || d < 1 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return new CalendarDate(y, mo, d);
}

/** `YYYY-MM-DD` for a calendar date, '' for none. */
export const isoFromDate = (date: CalendarDate | null | undefined): string => (date ? date.toString() : '');

/** The wall-clock time an `HH:MM` names; null when empty or not a time of day (24:00, 12:60). */
export function timeFromIso(iso: string | null | undefined): Time | null {
  const m = TIME.exec(iso ?? '');
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  return h > 23 || mi > 59 ? null : new Time(h, mi);
}

/** `HH:MM` for a time of day (seconds are not asked for), '' for none. */
export const isoFromTime = (time: Time | null | undefined): string =>
  time ? `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}` : '';
