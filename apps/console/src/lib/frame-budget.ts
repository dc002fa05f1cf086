// Development only (main.tsx starts it under import.meta.env.DEV, so a production build has none
// of it): the console watches its own frame budget while a developer works on it. Every task over
// 50 ms (the browser's long-task entries) and every frame that came more than 50 ms after the last
// is counted on window.__amkFrameBudget and written to the browser console, so a change that makes
// the map or a list janky shows at once, long before `pnpm bench` measures it.

/** What the console has seen since it started. */
interface FrameBudget {
  longTasks: number;
  longFrames: number;
  /** the longest task, and the longest gap between two frames, in ms */
  worstTaskMs: number;
  worstFrameMs: number;
}

declare global {
  interface Window {
    __amkFrameBudget?: FrameBudget;
  }
}

const BUDGET_MS = 50;

export function watchFrameBudget(): () => void {
  const budget: FrameBudget = { longTasks: 0, longFrames: 0, worstTaskMs: 0, worstFrameMs: 0 };
  window.__amkFrameBudget = budget;
  const observer =
    typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')
      ? new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            budget.longTasks++;
            budget.worstTaskMs = Math.max(budget.worstTaskMs, e.duration);
            console.warn(`[frame budget] long task ${e.duration.toFixed(0)} ms`);
          }
        })
      : null;
  observer?.observe({ type: 'longtask' });
  let last = 0;
  let frame = 0;
  const onFrame = (t: number) => {
    // A hidden tab gets no frames; the gap after it is not jank.
    if (last && document.visibilityState === 'visible' && t - last > BUDGET_MS) {
      budget.longFrames++;
      budget.worstFrameMs = Math.max(budget.worstFrameMs, t - last);
    }
    last = document.visibilityState === 'visible' ? t : 0;
    frame = requestAnimationFrame(onFrame);
  };
  frame = requestAnimationFrame(onFrame);
  return () => {
    observer?.disconnect();
    cancelAnimationFrame(frame);
  };
}
