// Times as a Norwegian control room reads them: always in Norwegian time, whatever zone the
// machine running the browser is set to, on a 24-hour clock. One place, so every panel agrees.
const zone = 'Europe/Oslo';
const hms = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit' });
const hm = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat('nb-NO', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' });

type Moment = string | number | Date;

/** 14:03:27 */
export const clock = (at: Moment): string => hms.format(new Date(at));
/** 14:03 */
export const clockShort = (at: Moment): string => hm.format(new Date(at));
/** 29.11.2026, 14:03:27 */
export const dateAndClock = (at: Moment): string => dayAndTime.format(new Date(at));
