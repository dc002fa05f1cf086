// The Norwegian calendar date of a moment, YYYY-MM-DD: the date rules speak of (a shift's date for
// § 11's temporary post, the days of a § 7 exemption), whatever zone the server runs in.
const format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

export const osloDate = (d: Date): string => format.format(d);
