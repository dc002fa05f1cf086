// Natural batching for writes that arrive in bursts (a major incident brings hundreds of calls in
// a minute). When nothing is being written, an item is written at once, alone: a quiet night
// pays no wait. While a write is in flight, items that arrive queue, and the next write takes them
// all together: one transaction, one commit, one event append for the lot. The batch grows with
// the load and shrinks with it, so nobody waits for a timer.
//
// One item must never fail another: when a batch fails, each of its items is written again on its
// own and gets its own answer.

type WriteBatcher<I, O> = (item: I) => Promise<O>;

interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

/**
 * `write` takes items and returns one answer per item, in the same order. At most `concurrency`
 * batches are written at once (so one batch's round trips to the database overlap the next
 * batch's work in the server), each of at most `maxBatch` items.
 */
export function createWriteBatcher<I, O>(
  write: (items: I[]) => Promise<O[]>,
  { maxBatch = 64, concurrency = 2 }: { maxBatch?: number; concurrency?: number } = {},
): WriteBatcher<I, O> {
  const queue: Waiting<I, O>[] = [];
  let writing = 0;

  const alone = (w: Waiting<I, O>) =>
    write([w.item]).then(
      ([out]) => w.resolve(out!),
      (err) => w.reject(err),
    );

  async function drain(): Promise<void> {
    writing++;
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch);
        try {
          const outs = await write(batch.map((w) => w.item));
          for (const [i, w] of batch.entries()) w.resolve(outs[i]!);
        } catch (err) {
          if (batch.length === 1) batch[0]!.reject(err);
          else await Promise.all(batch.map(alone));
        }
      }
    } finally {
      writing--;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (writing < concurrency) void drain();
    });
}
