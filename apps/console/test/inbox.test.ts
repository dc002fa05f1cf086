// The centre's inbox: notifications other centres of the installation sent here, until acknowledged;
// the store applies their events idempotently (a late DELIVERED never undoes an ACKNOWLEDGED).
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, NotificationSummary } from '@amk/contracts';
import { inboxItems } from '../src/notifications/inbox.js';
import { useConsole } from '../src/store/console-store.js';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const n = (over: Partial<NotificationSummary>): NotificationSummary => ({
  id: crypto.randomUUID(),
  callId: crypto.randomUUID(),
  centreId: OTHER,
  groupId: null,
  urgency: null,
  recipient: 'LVS',
  recipientCentreId: ME,
  channel: 'internal',
  message: 'Behov for lege i vakt',
  state: 'DELIVERED',
  attempts: 0,
  lastError: null,
  createdAt: '2026-12-02T10:00:00.000Z',
  sentAt: '2026-12-02T10:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
  ...over,
});

describe('inbox', () => {
  it('holds what other centres sent to mine, oldest first, until acknowledged', () => {
    const later = n({ createdAt: '2026-12-02T10:05:00.000Z' });
    const first = n({});
    const acked = n({ state: 'ACKNOWLEDGED', acknowledgedAt: '2026-12-02T10:01:00.000Z', acknowledgedBy: 'Sofie Nilsen' });
    const mineOut = n({ centreId: ME, recipientCentreId: OTHER });
    const police = n({ recipient: 'POLICE', recipientCentreId: null, channel: 'webhook' });
    const all = Object.fromEntries([later, first, acked, mineOut, police].map((x) => [x.id, x]));
    expect(inboxItems(all, ME).map((x) => x.id)).toEqual([first.id, later.id]);
    expect(inboxItems(all, undefined)).toEqual([]);
  });

  it('an acknowledgement stays, whatever order the events and HTTP answer arrive in', () => {
    const item = n({});
    const store = useConsole.getState();
    const ev = (seq: number, data: NotificationSummary) =>
      ({ seq, type: 'notification.upserted', centreId: OTHER, at: data.createdAt, data }) as EventEnvelope;
    const acked = {
      ...item,
      state: 'ACKNOWLEDGED' as const,
      acknowledgedAt: '2026-12-02T10:00:30.000Z',
      acknowledgedBy: 'Sofie Nilsen, Legevaktsentralen i Bergen',
    };
    store.upsertNotification(acked); // the HTTP answer first
    store.applyEvent(ev(1_000_001, item)); // then the older DELIVERED event
    store.applyEvent(ev(1_000_002, acked));
    store.applyEvent(ev(1_000_002, acked)); // and a replay of it
    expect(useConsole.getState().notifications[item.id]).toEqual(acked);
    expect(inboxItems(useConsole.getState().notifications, ME)).toEqual([]);
  });
});
