// Keep trying something the console cannot work without (its first snapshot) until it succeeds:
// a server that is restarting, or a database that is failing over, answers 503 for a few seconds,
// and a console left on "Kobler til …" for good would cost an operator the shift.

/** Calls `attempt` until it resolves, waiting `first` ms after a failure, doubling up to `max`. Returns a cancel function. */
export function retryUntilDone(attempt: () => Promise<void>, { first = 500, max = 5_000 } = {}): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (delay: number) => {
    attempt().catch(() => {
      if (!cancelled) timer = setTimeout(() => run(Math.min(delay * 2, max)), delay);
    });
  };
  run(first);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}
