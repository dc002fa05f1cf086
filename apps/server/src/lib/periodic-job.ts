// A job that runs every `intervalMs` on each server instance (the work itself claims rows so that
// instances never do the same item twice), never overlapping itself, and that tests can run on
// demand — after any run already in flight, which may have started before the test's own write.
export interface PeriodicJob<T> {
  runOnce(): Promise<T>;
  start(): void;
  stop(): Promise<void>;
}

export function periodicJob<T>(
  name: string,
  work: () => Promise<T>,
  intervalMs: number,
  log?: { warn(obj: unknown, msg?: string): void },
): PeriodicJob<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> | null = null;
  const run = () => (running = work().finally(() => (running = null)));
  return {
    async runOnce() {
      await running?.catch(() => {});
      return run();
    },
    start() {
      timer = setInterval(() => {
        if (!running) run().catch((err) => log?.warn({ err }, `${name} failed; it will run again`));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
