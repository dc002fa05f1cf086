// Calls first: a unit position that reached this instance after a call (or a hand-over, a
// notification, an acknowledgement …) must not reach a console before that change's event does.
// Every request that writes events is "in flight" from its arrival until its events have been
// handed to the sockets; the position stream only lets out positions stamped before the oldest
// write still in flight (its barrier). Positions stamped earlier flow on, so the map keeps moving
// while calls are written, and no position waits more than MAX_HOLD_MS: a write that hangs (a slow
// upload, a database stall) must not freeze the map.
const MAX_HOLD_MS = 1_000;

export class PriorityGate {
  /** The longest a position waits for writes in flight (a test of the order alone may lengthen it). */
  maxHoldMs = MAX_HOLD_MS;
  /** A write request → when it arrived (performance.now()). */
  private readonly inFlight = new Map<object, number>();
  /**
   * The earliest arrival among writes that have answered while the event pump was still reading
   * the log: their events may not have reached the sockets yet, so positions after them wait until
   * the pump is idle again.
   */
  private settling: number | null = null;

  constructor(
    /** True when every committed event offered to the pump has been broadcast. */
    private readonly pumpIdle: () => boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The time a position is stamped with when it reaches this instance. */
  stamp(): number {
    return this.now();
  }

  begin(write: object): void {
    this.inFlight.set(write, this.now());
  }

  /** The write has answered: its transaction committed (or failed) and its events were offered to the pump. */
  end(write: object): void {
    const arrived = this.inFlight.get(write);
    if (arrived === undefined) return;
    this.inFlight.delete(write);
    if (!this.pumpIdle()) this.settling = Math.min(this.settling ?? arrived, arrived);
  }

  /** Positions stamped before this may go to consoles now. */
  barrier(): number {
    const now = this.now();
    const floor = now - this.maxHoldMs;
    if (this.settling !== null && (this.pumpIdle() || this.settling < floor)) this.settling = null;
    let oldest = this.settling ?? Number.POSITIVE_INFINITY;
    for (const [write, arrived] of this.inFlight) {
      // A request that never answered (none should) is forgotten rather than kept for ever.
      if (arrived < now - 60_000) this.inFlight.delete(write);
      else oldest = Math.min(oldest, arrived);
    }
    return Math.max(oldest, floor);
  }
}
