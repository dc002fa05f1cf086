// The throttle behind the preparedness, recommendation and cluster refreshes: the first change
// runs at once, a burst inside the window becomes ONE trailing run, and the last change is never lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../src/lib/throttle.js';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('throttle', () => {
  it('runs the first call at once and folds a burst into one trailing run at the end of the window', () => {
    const fn = vi.fn();
    const t = throttle(fn, 3_000);
    t();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    t();
    t();
    vi.advanceTimersByTime(1_000);
    t();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_499);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2); // 3 s after the first run, with everything since
    vi.advanceTimersByTime(10_000);
    expect(fn).toHaveBeenCalledTimes(2); // nothing new, nothing more
  });

  it('a call after a quiet window runs at once again', () => {
    const fn = vi.fn();
    const t = throttle(fn, 5_000);
    t();
    vi.advanceTimersByTime(6_000);
    t();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('a change during the trailing wait is not lost; cancel drops it; flush runs now', () => {
    const fn = vi.fn();
    const t = throttle(fn, 2_000);
    t();
    t();
    t.cancel();
    vi.advanceTimersByTime(5_000);
    expect(fn).toHaveBeenCalledTimes(1);
    t.flush();
    expect(fn).toHaveBeenCalledTimes(2);
    t(); // inside the new window: trailing
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(2_000);
    expect(fn).toHaveBeenCalledTimes(3);
  });
});
