// The call list's order: the ringing queue on top (oldest first, whatever the urgency), then open
// calls by urgency A, H, V, untriaged, and by age within an urgency; F3 takes the oldest unowned ringing call.
import type { CallSummary } from '@amk/contracts';
import { describe, expect, it } from 'vitest';
import { nextToTake, sortCalls } from '../src/lib/call-order.js';

const at = (minute: number) => `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`;
const call = (id: string, over: Partial<CallSummary>): CallSummary =>
  ({
    id,
    centreId: 'c',
    externalId: null,
    line: '113',
    source: 'CTI',
    state: 'ANSWERED',
    callerNumber: null,
    callerName: id,
    ringingAt: at(0),
    answeredAt: null,
    endedAt: null,
    operatorId: 'op',
    urgency: null,
    criterionCode: null,
    addressText: null,
    lat: null,
    lon: null,
    positionRadiusM: null,
    kommunenummer: null,
    summary: null,
    closedAt: null,
    updatedAt: at(0),
    ...over,
  }) as CallSummary;

const ids = (calls: CallSummary[]) => calls.map((c) => c.id);

describe('sortCalls', () => {
  it('puts ringing calls first, oldest first, before even an acute open call', () => {
    const calls = [
      call('acute-old', { urgency: 'A', ringingAt: at(1) }),
      call('ring-new', { state: 'RINGING', operatorId: null, ringingAt: at(9) }),
      call('ring-old', { state: 'RINGING', operatorId: null, ringingAt: at(5) }),
    ];
    expect(ids(sortCalls(calls))).toEqual(['ring-old', 'ring-new', 'acute-old']);
  });

  it('orders ringing calls by age only, not by an urgency set ahead (e.g. from another centre)', () => {
    const calls = [
      call('ring-v', { state: 'RINGING', urgency: 'V', ringingAt: at(2) }),
      call('ring-a', { state: 'RINGING', urgency: 'A', ringingAt: at(3) }),
    ];
    expect(ids(sortCalls(calls))).toEqual(['ring-v', 'ring-a']);
  });

  it('orders open calls A, H, V, untriaged, then oldest first', () => {
    const calls = [
      call('none', { urgency: null, ringingAt: at(0) }),
      call('v', { urgency: 'V', ringingAt: at(0) }),
      call('h-new', { urgency: 'H', ringingAt: at(8) }),
      call('a', { urgency: 'A', ringingAt: at(9) }),
      call('h-old', { urgency: 'H', ringingAt: at(2) }),
      call('ended-a', { state: 'ENDED', urgency: 'A', ringingAt: at(4) }),
    ];
    expect(ids(sortCalls(calls))).toEqual(['ended-a', 'a', 'h-old', 'h-new', 'v', 'none']);
  });

  it('is stable for equal calls and does not change its input', () => {
    const calls = [call('b', {}), call('a', {})];
    expect(ids(sortCalls(calls))).toEqual(['a', 'b']);
    expect(ids(calls)).toEqual(['b', 'a']);
  });
});

describe('nextToTake', () => {
  it('is the oldest ringing call nobody owns', () => {
    const calls = [
      call('open', { urgency: 'A', operatorId: null, ringingAt: at(0) }),
      call('ring-owned', { state: 'RINGING', operatorId: 'someone', ringingAt: at(1) }),
      call('ring-2', { state: 'RINGING', operatorId: null, ringingAt: at(3) }),
      call('ring-1', { state: 'RINGING', operatorId: null, ringingAt: at(2) }),
    ];
    expect(nextToTake(calls)?.id).toBe('ring-1');
  });

  it('is nothing when no call is ringing', () => {
    expect(nextToTake([call('open', { operatorId: null })])).toBeUndefined();
  });
});
