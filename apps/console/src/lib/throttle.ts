// At most one run per `ms`, and never a lost last call: the first call runs at once, calls inside
// the window are folded into one trailing run when the window ends. For refetches driven by a
// stream of store changes (units moving every second), where the last change must always count.
export interface Throttled {
  (): void;
  /** Drops a pending trailing run. */
  cancel(): void;
  /** Runs now (dropping a pending trailing run) and starts a new window. */
  flush(): void;
}

export function throttle(fn: () => void, ms: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  const throttled = (() => {
    if (timer) return; // a trailing run is due and will see this change
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  }) as Throttled;
  throttled.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  throttled.flush = () => {
    throttled.cancel();
    run();
  };
  return throttled;
}
