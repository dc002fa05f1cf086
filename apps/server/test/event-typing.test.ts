// The seam every service writes through: `emit` must not accept a payload of another event type.
// These checks run in `pnpm typecheck` (part of `pnpm test`): a mismatch fails the build, and an
// unused @ts-expect-error (a mismatch that compiles again) fails it too.
import type { CallSummary, UnitSummary } from '@amk/contracts';
import { describe, expectTypeOf, it } from 'vitest';
import type { Emit, NewEvent } from '../src/realtime/event-log.js';

type Payload<T extends NewEvent['type']> = Extract<Parameters<Emit>[0], { type: T }>['data'];

/** Never called: the body is what the compiler checks. */
export function emitsOnlyMatchingPayloads(emit: Emit, call: CallSummary, unit: UnitSummary, someType: NewEvent['type']): void {
  emit({ type: 'call.upserted', centreId: call.centreId, audience: [], data: call });
  emit({ type: 'unit.upserted', centreId: unit.centreId, audience: [], data: unit });
  // @ts-expect-error a unit is not the payload of a call event
  emit({ type: 'call.upserted', centreId: null, audience: [], data: unit });
  // @ts-expect-error a type known only at run time cannot carry any payload it likes
  emit({ type: someType, centreId: null, audience: [], data: unit });
}

describe('typed events', () => {
  it('each event type names exactly its payload', () => {
    expectTypeOf<Payload<'call.upserted'>>().toEqualTypeOf<CallSummary>();
    expectTypeOf<Payload<'unit.upserted'>>().toEqualTypeOf<UnitSummary>();
    expectTypeOf<Payload<'unit.upserted'>>().not.toEqualTypeOf<CallSummary>();
  });
});
