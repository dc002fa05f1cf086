// Days as a Norwegian reads them: a period "from 1 March to 31 March" runs from midnight in Oslo at
// the start of 1 March to midnight in Oslo at the end of 31 March (the start of 1 April), with
// summer time handled by the browser's own time-zone data (Intl), not by a date library.
const ZONE = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Milliseconds Oslo's wall clock is ahead of UTC at this instant (+1 h winter, +2 h summer). */
export function osloOffsetMs(at: number): number {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(new Date(at))) if (type !== 'literal') p[type] = Number(value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

const ymd = (day: string): [number, number, number] => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a date: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

/** The instant midnight begins this day (YYYY-MM-DD) in Oslo. */
export function osloDayStart(day: string): Date {
  const [y, mo, d] = ymd(day);
  const utcMidnight = Date.UTC(y, mo - 1, d);
  // Guess with the offset at UTC midnight, then check with the offset at the guess (the two differ
  // only on the days the clocks change, and then the second one is right: the change is at 02/03).
  const guess = utcMidnight - osloOffsetMs(utcMidnight);
  return new Date(utcMidnight - osloOffsetMs(guess));
}

/** The next calendar day. */
export function nextDay(day: string): string {
  const [y, mo, d] = ymd(day);
  return new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
}

/** A period of whole days in Oslo, both days included: [start of `from`, start of the day after `to`). */
export function osloPeriod(from: string, to: string): { from: string; to: string } {
  return { from: osloDayStart(from).toISOString(), to: osloDayStart(nextDay(to)).toISOString() };
}

/** Today's date (YYYY-MM-DD) in Oslo, `daysBack` days ago. */
export function osloToday(now = Date.now(), daysBack = 0): string {
  const today = new Date(now + osloOffsetMs(now)).toISOString().slice(0, 10);
  const [y, mo, d] = ymd(today);
  return new Date(Date.UTC(y, mo - 1, d - daysBack)).toISOString().slice(0, 10);
}
