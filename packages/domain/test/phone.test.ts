import { describe, expect, it } from 'vitest';
import { canonicalPhone, samePhone } from '../src/index.js';

describe('canonicalPhone', () => {
  it.each([
    ['+4791234567', '4791234567'],
    ['4791234567', '4791234567'],
    ['004791234567', '4791234567'],
    ['91234567', '4791234567'],
    ['912 34 567', '4791234567'],
    ['+46 70 123 45 67', '46701234567'],
    ['', null],
    ['call me', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPhone(input)).toBe(expected);
  });

  it('matches the same caller written three ways, and not another caller', () => {
    expect(samePhone('+47 912 34 567', '4791234567')).toBe(true);
    expect(samePhone('91234567', '004791234567')).toBe(true);
    expect(samePhone('91234567', '91234568')).toBe(false);
    expect(samePhone(null, null)).toBe(false);
  });
});
