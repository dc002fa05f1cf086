// The realtime contract ties each event type to its own payload, at compile time and at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { EventEnvelopeSchema, type EventEnvelope } from '../src/index.js';

const envelope = { seq: 1, centreId: null, at: '2026-12-02T18:00:00+01:00' };

describe('event envelope', () => {
  it('the schema enforces exactly the envelope type the console switches over', () => {
    expectTypeOf<z.infer<typeof EventEnvelopeSchema>>().toEqualTypeOf<EventEnvelope>();
    // A call event carries a call: narrowing on `type` narrows `data`.
    expectTypeOf<Extract<EventEnvelope, { type: 'call.upserted' }>['data']>().toHaveProperty('urgency');
    expectTypeOf<Extract<EventEnvelope, { type: 'unit.upserted' }>['data']>().not.toHaveProperty('urgency');
  });

  it('refuses a payload that belongs to another event type', () => {
    const moved = { id: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', lat: 60.39, lon: 5.32, at: envelope.at };
    const parsed = EventEnvelopeSchema.safeParse({ ...envelope, type: 'call.upserted', data: moved });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((i) => i.path[0] === 'data')).toBe(true);
  });

  it('refuses an unknown event type', () => {
    expect(EventEnvelopeSchema.safeParse({ ...envelope, type: 'call.deleted', data: {} }).success).toBe(false);
  });
});
