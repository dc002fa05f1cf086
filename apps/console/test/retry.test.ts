// The console's first snapshot is asked for again after a failure, with a growing pause, until it
// comes; leaving the page stops the asking.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryUntilDone } from '../src/lib/retry.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('retryUntilDone', () => {
  it('tries again after 500 ms, then 1 s, until it succeeds, and then stops', async () => {
    let calls = 0;
    retryUntilDone(async () => {
      calls++;
      if (calls < 3) throw new Error('503');
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);
  });

  it('never waits longer than the maximum between tries', async () => {
    let calls = 0;
    retryUntilDone(
      async () => {
        calls++;
        throw new Error('down');
      },
      { first: 1_000, max: 2_000 },
    );
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 2_000 + 2_000);
    expect(calls).toBe(5);
  });

  it('stops trying once cancelled', async () => {
    let calls = 0;
    const cancel = retryUntilDone(async () => {
      calls++;
      throw new Error('down');
    });
    await vi.advanceTimersByTimeAsync(0);
    cancel();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
  });
});
