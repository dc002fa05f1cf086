import { describe, expect, it } from 'vitest';
import { categoryChangeVerdict, transportVerdict, type CategoryChange } from '../src/major-incident.js';
import { TRIAGE_CATEGORIES } from '../src/vocabulary.js';

describe('triage categories', () => {
  it('are the four of Norwegian mass-casualty triage', () => {
    expect([...TRIAGE_CATEGORIES]).toEqual(['RED', 'YELLOW', 'GREEN', 'DEAD']);
  });
});

describe('changing a patient’s category', () => {
  it.each<[string, CategoryChange, boolean, string?]>([
    ['up-triage on scene', { from: 'YELLOW', to: 'RED', arrived: false }, true],
    ['down-triage on scene', { from: 'RED', to: 'GREEN', arrived: false }, true],
    ['died during transport', { from: 'RED', to: 'DEAD', arrived: false }, true],
    ['no change at all', { from: 'GREEN', to: 'GREEN', arrived: false }, false, 'allerede grønn'],
    ['after arrival at hospital', { from: 'YELLOW', to: 'RED', arrived: true }, false, 'kommet til sykehuset'],
    ['out of DEAD without a reason', { from: 'DEAD', to: 'RED', arrived: false }, false, 'begrunnelse'],
    ['out of DEAD with a blank reason', { from: 'DEAD', to: 'RED', arrived: false, reason: '  ' }, false, 'begrunnelse'],
    ['out of DEAD with a reason', { from: 'DEAD', to: 'RED', arrived: false, reason: 'puls funnet ved ny vurdering' }, true],
  ])('%s', (_, change, ok, words) => {
    const verdict = categoryChangeVerdict(change);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason).toContain(words);
  });
});

describe('transport to a hospital within its declared capacity', () => {
  const none = { RED: 0, YELLOW: 0, GREEN: 0 };
  it.each([
    ['room left', 'RED', { RED: 2, YELLOW: 0, GREEN: 0 }, { RED: 1, YELLOW: 0, GREEN: 0 }, true, false, ''],
    ['nothing declared for the category', 'YELLOW', { RED: 5, YELLOW: 0, GREEN: 5 }, none, false, true, 'ikke meldt kapasitet for gule'],
    ['declared capacity used up', 'GREEN', { RED: 0, YELLOW: 0, GREEN: 2 }, { RED: 0, YELLOW: 0, GREEN: 2 }, false, true, '2 av 2 brukt'],
    ['a dead patient, never overridable', 'DEAD', { RED: 9, YELLOW: 9, GREEN: 9 }, none, false, false, 'død pasient'],
  ] as const)('%s', (_, category, declared, used, ok, overridable, words) => {
    const verdict = transportVerdict(category, 'Voss sjukehus', declared, used);
    expect(verdict.ok).toBe(ok);
    expect(verdict.overridable).toBe(overridable);
    if (!verdict.ok) expect(verdict.reason).toContain(words);
  });
});
