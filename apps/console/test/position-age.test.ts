// A dispatcher sees how old a unit's position is once it is behind (30 s), in either language:
// the unit list and the map's popup both say it with positionAgeText.
import { describe, expect, it } from 'vitest';
import { translate } from '../src/i18n/i18n.js';
import { positionAgeText } from '../src/lib/position-age.js';

const now = Date.parse('2026-12-04T10:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const nb = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('nb', key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('position age', () => {
  it('is not shown while the position is fresh', () => {
    expect(positionAgeText({ status: 'EN_ROUTE', positionAt: ago(5_000) }, now, nb)).toBeNull();
    expect(positionAgeText({ status: 'EN_ROUTE', positionAt: ago(30_000) }, now, nb)).toBeNull();
  });

  it('is shown once the position is behind, in seconds, minutes and hours', () => {
    expect(positionAgeText({ status: 'EN_ROUTE', positionAt: ago(47_000) }, now, nb)).toBe('posisjon 40 s gammel');
    expect(positionAgeText({ status: 'EN_ROUTE', positionAt: ago(150_000) }, now, nb)).toBe('posisjon 2 min gammel');
    expect(positionAgeText({ status: 'ON_SCENE', positionAt: ago(150_000) }, now, en)).toBe('position 2 min old');
    expect(positionAgeText({ status: 'UNAVAILABLE', positionAt: ago(3 * 3600_000 + 5) }, now, en)).toBe('position 3 h old');
  });

  it('is not shown for a unit free at its station, or one with no position', () => {
    expect(positionAgeText({ status: 'AVAILABLE_AT_STATION', positionAt: ago(600_000) }, now, nb)).toBeNull();
    expect(positionAgeText({ status: 'EN_ROUTE', positionAt: null }, now, nb)).toBeNull();
  });
});
