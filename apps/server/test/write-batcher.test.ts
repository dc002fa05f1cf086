// The batching that telephony's bursts go through (lib/write-batcher.ts), on its own: a quiet
// moment writes at once and alone, a burst is written in batches, and one item that fails does not
// fail the others written with it.
import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../src/lib/write-batcher.js';

/** A write that takes a tick of its own, like a round trip to the database, and notes each batch. */
function recordingWrite(fails: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const write = async (items: number[]) => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (items.some(fails)) throw new Error(`item ${items.find(fails)} is bad`);
    return items.map((i) => i * 10);
  };
  return { batches, write };
}

describe('write batcher', () => {
  it('writes an item alone and at once when nothing else is being written', async () => {
    const { batches, write } = recordingWrite();
    const batched = createWriteBatcher(write);
    expect(await batched(1)).toBe(10);
    expect(await batched(2)).toBe(20);
    expect(batches).toEqual([[1], [2]]);
  });

  it('takes what arrives during a write into the next batch, and answers each item its own', async () => {
    const { batches, write } = recordingWrite();
    const batched = createWriteBatcher(write, { concurrency: 1 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => batched(i)));
    expect(answers).toEqual(Array.from({ length: 30 }, (_, i) => i * 10));
    // the first alone (nothing was in flight), the other 29 together
    expect(batches).toEqual([[0], Array.from({ length: 29 }, (_, i) => i + 1)]);
  });

  it('keeps batches to maxBatch items', async () => {
    const { batches, write } = recordingWrite();
    const batched = createWriteBatcher(write, { concurrency: 1, maxBatch: 10 });
    await Promise.all(Array.from({ length: 25 }, (_, i) => batched(i)));
    expect(batches.map((b) => b.length)).toEqual([1, 10, 10, 4]);
  });

  it('one bad item fails only its own write: the rest of its batch is written again, each alone', async () => {
    const { batches, write } = recordingWrite((i) => i === 7);
    const batched = createWriteBatcher(write, { concurrency: 1 });
    const answers = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => batched(i)));
    expect(answers[7]).toMatchObject({ status: 'rejected', reason: new Error('item 7 is bad') });
    expect(answers.filter((a) => a.status === 'fulfilled').map((a) => a.value)).toEqual([0, 10, 20, 30, 40, 50, 60, 80, 90]);
    expect(batches.filter((b) => b.length > 1)).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });
});
