// Finding a criterion by code or words, and what a notification's row says.
import type { NotificationSummary, TriageCriterion } from '@amk/contracts';
import { describe, expect, it } from 'vitest';
import { criterionByCode, searchCriteria } from '../src/calls/record/criterion-search.js';
import { ACK_WARNING_MS, notificationStatus } from '../src/calls/record/notification-status.js';

const c = (code: string, chapterTitle: string, text: string): TriageCriterion => ({
  code,
  urgency: code[0] as TriageCriterion['urgency'],
  chapter: Number(code.slice(2, 4)),
  chapterTitle,
  text,
  isSample: false,
});
const index = [
  c('A.06.01', 'Brystsmerter', 'brystsmerter med påvirket allmenntilstand'),
  c('H.06.02', 'Brystsmerter', 'brystsmerter, stabil allmenntilstand'),
  c('A.12.01', 'Pustebesvær', 'uttalt pustebesvær'),
  c('A.01.06', 'Bevissthet', 'reagerer ikke'),
];
const codes = (list: TriageCriterion[]) => list.map((x) => x.code);

describe('searchCriteria', () => {
  it('finds a code typed in full, in any case and with or without dots', () => {
    expect(codes(searchCriteria(index, 'A.06.01'))).toEqual(['A.06.01']);
    expect(codes(searchCriteria(index, 'a0601'))).toEqual(['A.06.01']);
  });
  it('finds codes by their beginning, and without the urgency letter', () => {
    expect(codes(searchCriteria(index, 'A.0'))).toEqual(['A.01.06', 'A.06.01']);
    expect(codes(searchCriteria(index, '06'))).toEqual(['A.06.01', 'H.06.02']);
  });
  it('finds criteria by every word typed, ignoring case', () => {
    expect(codes(searchCriteria(index, 'Bryst stabil'))).toEqual(['H.06.02']);
    expect(codes(searchCriteria(index, 'pustebesvær'))).toEqual(['A.12.01']);
    expect(searchCriteria(index, 'hodeskade')).toEqual([]);
    expect(searchCriteria(index, '  ')).toEqual([]);
  });
  it('knows a code typed in full', () => {
    expect(criterionByCode(index, 'h.06.02')?.code).toBe('H.06.02');
    expect(criterionByCode(index, 'H.06')).toBeUndefined();
  });
});

const NOW = Date.parse('2026-11-22T10:10:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const n = (over: Partial<NotificationSummary>): NotificationSummary => ({
  id: 'n',
  callId: 'c',
  centreId: 'x',
  groupId: null,
  urgency: null,
  recipient: 'HRS',
  recipientCentreId: null,
  channel: 'webhook',
  message: 'm',
  state: 'SENT',
  attempts: 1,
  lastError: null,
  createdAt: ago(10_000),
  sentAt: ago(9_000),
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...over,
});

describe('notificationStatus', () => {
  it('says in words where a notification stands', () => {
    expect(notificationStatus(n({ state: 'PENDING', sentAt: null }), NOW).stateKey).toBe('notify.state.PENDING');
    expect(notificationStatus(n({}), NOW).stateKey).toBe('notify.state.SENT');
    expect(notificationStatus(n({ state: 'ACKNOWLEDGED', acknowledgedAt: ago(1000) }), NOW)).toMatchObject({
      stateKey: 'notify.state.ACKNOWLEDGED',
      acknowledged: true,
      lateByMs: null,
    });
  });
  it('never says a manual-channel notification was sent: it must be phoned in', () => {
    const s = notificationStatus(n({ channel: 'manual', state: 'MANUAL', sentAt: null }), NOW);
    expect(s).toMatchObject({ stateKey: 'notify.state.MANUAL', manual: true, lateByMs: null });
  });
  it('flags one unacknowledged after two minutes, counted from sending (manual: from registering)', () => {
    expect(notificationStatus(n({ sentAt: ago(ACK_WARNING_MS + 5000) }), NOW).lateByMs).toBe(ACK_WARNING_MS + 5000);
    expect(notificationStatus(n({ sentAt: ago(ACK_WARNING_MS - 1000) }), NOW).lateByMs).toBeNull();
    expect(
      notificationStatus(n({ channel: 'manual', state: 'MANUAL', createdAt: ago(ACK_WARNING_MS + 1), sentAt: null }), NOW).lateByMs,
    ).toBe(ACK_WARNING_MS + 1);
  });
  it('flags a failed one as failed, not merely late', () => {
    const s = notificationStatus(n({ state: 'FAILED', sentAt: null, createdAt: ago(10 * 60_000), lastError: 'gateway answered 503' }), NOW);
    expect(s).toMatchObject({ stateKey: 'notify.state.FAILED', failed: true, lateByMs: null });
  });
});
