import { describe, expect, it } from 'vitest';
import { coveringCentres, HAND_OVER_PAIRS, handOverTargets, handOverVerdict, type HandOverCentre } from '../src/hand-over.js';

const AMK_BERGEN: HandOverCentre = { code: 'AMK-BERGEN', kind: 'AMK', kommuner: ['4601', '4627'] };
const AMK_FORDE: HandOverCentre = { code: 'AMK-FORDE', kind: 'AMK', kommuner: ['4647', '4602'] };
const LVS_BERGEN: HandOverCentre = { code: 'LVS-BERGEN', kind: 'LVS', kommuner: ['4601'] };
const LVS_SUNNFJORD: HandOverCentre = { code: 'LVS-SUNNFJORD', kind: 'LVS', kommuner: ['4647', '4645'] };
const ALL = [AMK_BERGEN, AMK_FORDE, LVS_BERGEN, LVS_SUNNFJORD];

describe('hand-over between centres', () => {
  it('lists exactly the four pairs the law allows, with their basis', () => {
    expect(HAND_OVER_PAIRS.map((p) => `${p.from}→${p.to} ${p.basis}`).sort()).toEqual([
      'AMK→AMK § 15 e',
      'AMK→LVS § 15 g',
      'LVS→AMK § 13 b',
      'LVS→LVS § 13 b',
    ]);
  });

  it.each([
    // from, to, patient's kommune, allowed, basis or reason
    [LVS_BERGEN, AMK_BERGEN, '4601', true, '§ 13 b'],
    [LVS_BERGEN, AMK_FORDE, null, true, '§ 13 b'],
    [LVS_BERGEN, LVS_SUNNFJORD, '4647', true, '§ 13 b'],
    [LVS_BERGEN, LVS_SUNNFJORD, null, true, '§ 13 b'],
    [AMK_BERGEN, AMK_FORDE, '4647', true, '§ 15 e'],
    [AMK_FORDE, AMK_BERGEN, null, true, '§ 15 e'],
    [AMK_BERGEN, LVS_BERGEN, '4601', true, '§ 15 g'],
    [AMK_FORDE, LVS_SUNNFJORD, '4645', true, '§ 15 g'],
    [AMK_BERGEN, LVS_BERGEN, '4647', false, /LVS-BERGEN dekker ikke pasientens kommune \(4647\).*riktig legevaktsentral er LVS-SUNNFJORD/],
    [AMK_BERGEN, LVS_SUNNFJORD, '4627', false, /ingen legevaktsentral i løsningen dekker kommunen/],
    [AMK_BERGEN, LVS_BERGEN, null, false, /Pasientens kommune er ukjent/],
    [AMK_BERGEN, AMK_BERGEN, '4601', false, /allerede hos AMK-BERGEN/],
    [LVS_BERGEN, LVS_BERGEN, '4601', false, /allerede hos LVS-BERGEN/],
  ] as const)('%#: %o → %o, kommune %s: %s', (from, to, kommune, ok, expected) => {
    const v = handOverVerdict(from, to, kommune, ALL);
    expect(v.ok).toBe(ok);
    if (v.ok) expect(v.basis).toBe(expected);
    else expect(v.reason).toMatch(expected as RegExp);
  });

  it('offers the LVS that covers the kommune, and every AMK; never the own centre', () => {
    expect(coveringCentres('4647', 'LVS', ALL).map((c) => c.code)).toEqual(['LVS-SUNNFJORD']);
    expect(coveringCentres(null, 'LVS', ALL)).toEqual([]);
    expect(handOverTargets(AMK_BERGEN, '4647', ALL).map((c) => c.code)).toEqual(['AMK-FORDE', 'LVS-SUNNFJORD']);
    expect(handOverTargets(AMK_BERGEN, null, ALL).map((c) => c.code)).toEqual(['AMK-FORDE']);
    expect(handOverTargets(LVS_BERGEN, '4601', ALL).map((c) => c.code)).toEqual(['AMK-BERGEN', 'AMK-FORDE', 'LVS-SUNNFJORD']);
  });
});
