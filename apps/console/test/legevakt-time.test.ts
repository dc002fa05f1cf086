// Shift times typed in Norwegian time become the right instants, summer time included, and the
// roster names the day when a moment is not today.
import { describe, expect, it } from 'vitest';
import { osloInstant, shiftMoment, tonight } from '../src/legevakt/oslo-time.js';

describe('Oslo shift times', () => {
  it('turns a date and time in Norway into an instant, winter and summer', () => {
    expect(osloInstant('2030-01-15', '16:00')).toBe('2030-01-15T15:00:00.000Z');
    expect(osloInstant('2030-07-15', '08:00')).toBe('2030-07-15T06:00:00.000Z');
    // The night the clocks go back (27 October 2030): 16:00 before, 08:00 after.
    expect(osloInstant('2030-10-26', '16:00')).toBe('2030-10-26T14:00:00.000Z');
    expect(osloInstant('2030-10-27', '08:00')).toBe('2030-10-27T07:00:00.000Z');
  });

  it('refuses what is not a date or a time', () => {
    expect(osloInstant('', '16:00')).toBeUndefined();
    expect(osloInstant('2030-02-31', '16:00')).toBeUndefined();
    expect(osloInstant('2030-01-15', '25:00')).toBeUndefined();
  });

  it('offers tonight 16:00 to 08:00 the next day', () => {
    expect(tonight(Date.parse('2030-01-15T10:00:00Z'))).toEqual({
      fromDate: '2030-01-15',
      fromTime: '16:00',
      toDate: '2030-01-16',
      toTime: '08:00',
    });
    // 23:30 UTC on the 15th is already the 16th in Oslo.
    expect(tonight(Date.parse('2030-01-15T23:30:00Z')).fromDate).toBe('2030-01-16');
  });

  it('shows only the time today, and the day and date otherwise', () => {
    const now = Date.parse('2030-01-15T10:00:00Z');
    expect(shiftMoment('2030-01-15T15:00:00Z', 'nb', now)).toBe('16:00');
    const tomorrow = shiftMoment('2030-01-16T07:00:00Z', 'nb', now);
    expect(tomorrow).toMatch(/16\.1\.? 08:00$/);
    expect(tomorrow).not.toBe('08:00');
  });
});
