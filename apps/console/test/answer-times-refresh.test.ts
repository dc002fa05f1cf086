// The answer-time panel's refresh: on a busy centre events come faster than the refresh interval.
// A resetting debounce would then never refresh; the shared throttle must refresh once per interval.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../src/app/throttle.js';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('answer-time refresh under a steady stream of events', () => {
  it('refreshes once at the start and then once per interval, never starved', () => {
    const refresh = vi.fn();
    const onEvent = throttle(refresh, 300);
    for (let ms = 0; ms < 3_000; ms += 50) {
      onEvent(); // an event every 50 ms: a 300 ms debounce would never fire
      vi.advanceTimersByTime(50);
    }
    expect(refresh.mock.calls.length).toBeGreaterThanOrEqual(10);
    expect(refresh.mock.calls.length).toBeLessThanOrEqual(11);
  });

  it('the last event of a burst is always followed by a refresh', () => {
    const refresh = vi.fn();
    const onEvent = throttle(refresh, 2_000);
    onEvent();
    vi.advanceTimersByTime(1_900);
    onEvent(); // the change the trailing run must include
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
