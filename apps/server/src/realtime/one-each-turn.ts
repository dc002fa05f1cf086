// The lane position work goes through, so that it never holds up a call. Items are taken a few per
// turn of the event loop (one, unless told otherwise), in setImmediate's phase, after that turn's
// I/O: a call's request, or the database's answer to one of its queries, that arrives meanwhile is
// handled in the next turn, behind at most that few items, however many are queued. An empty lane
// costs nothing; an item waits one turn when the server is idle (microseconds).
export class OneEachTurn<T> {
  private readonly items: T[] = [];

  constructor(
    private readonly take: (item: T) => void,
    /** While no more than this many wait, they are all taken in one turn (fewer turns, less CPU). */
    private readonly allUpTo = 1,
  ) {}

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    // the first item of an empty lane starts the taking; takeSome keeps it going while any wait
    if (this.items.push(item) === 1) setImmediate(this.takeSome);
  }

  // One scheduled here runs in the next turn, so what arrives meanwhile goes first again.
  private readonly takeSome = (): void => {
    const taken = this.items.splice(0, this.items.length <= this.allUpTo ? this.items.length : 1);
    if (this.items.length > 0) setImmediate(this.takeSome);
    for (const item of taken) this.take(item);
  };
}
