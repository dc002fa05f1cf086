// Incoming hand-overs wait in the receiving centre's queue: most urgent first, then longest waiting.
import { describe, expect, it } from 'vitest';
import type { TransferSummary } from '@amk/contracts';
import { incomingHandOvers } from '../src/transfers/answer-transfer.js';
import { isTransferShown } from '../src/transfers/recent-transfers.js';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const centre = (id: string) => ({ id, code: id === ME ? 'AMK-FORDE' : 'AMK-BERGEN', name: id });
const tr = (over: { id: string; urgency: 'A' | 'H' | 'V' | null; requestedAt: string; to?: string; state?: TransferSummary['state'] }) =>
  ({
    id: over.id,
    callId: over.id,
    fromCentre: centre(over.to === OTHER ? ME : OTHER),
    toCentre: centre(over.to ?? ME),
    reason: 'x',
    state: over.state ?? 'REQUESTED',
    requestedAt: over.requestedAt,
    requestedBy: 'Ingrid',
    answeredAt: null,
    answeredBy: null,
    answerSeconds: null,
    basis: '§ 15 e',
    conference: false,
    call: { urgency: over.urgency } as TransferSummary['call'],
  }) as TransferSummary;

describe('incoming hand-overs in the queue', () => {
  it('lists only offers to my centre still waiting, acute first, then the longest waiting', () => {
    const all = [
      tr({ id: 'v-old', urgency: 'V', requestedAt: '2026-12-02T10:00:00Z' }),
      tr({ id: 'a-new', urgency: 'A', requestedAt: '2026-12-02T10:05:00Z' }),
      tr({ id: 'a-old', urgency: 'A', requestedAt: '2026-12-02T10:01:00Z' }),
      tr({ id: 'none', urgency: null, requestedAt: '2026-12-02T09:00:00Z' }),
      tr({ id: 'outgoing', urgency: 'A', requestedAt: '2026-12-02T09:00:00Z', to: OTHER }),
      tr({ id: 'accepted', urgency: 'A', requestedAt: '2026-12-02T09:00:00Z', state: 'ACCEPTED' }),
    ];
    expect(incomingHandOvers(Object.fromEntries(all.map((t) => [t.id, t])), ME).map((t) => t.id)).toEqual([
      'a-old',
      'a-new',
      'v-old',
      'none',
    ]);
    expect(incomingHandOvers({}, undefined)).toEqual([]);
  });
});

describe('the hand-overs panel', () => {
  const at = Date.parse('2026-12-02T10:10:00Z');
  it('keeps a waiting offer however old, and an answered one for five minutes only', () => {
    expect(isTransferShown(tr({ id: 'w', urgency: 'A', requestedAt: '2026-12-01T10:00:00Z' }), at)).toBe(true);
    const answered = (answeredAt: string) => ({
      ...tr({ id: 'x', urgency: 'A', requestedAt: '2026-12-02T10:00:00Z', state: 'ACCEPTED' }),
      answeredAt,
    });
    expect(isTransferShown(answered('2026-12-02T10:06:00Z'), at)).toBe(true);
    expect(isTransferShown(answered('2026-12-02T10:04:00Z'), at)).toBe(false);
  });
});
