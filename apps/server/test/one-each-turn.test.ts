// The lane position work goes through (realtime/one-each-turn.ts): a call that arrives while many
// position answers wait is handled in the next turn of the event loop, behind one answer, not
// behind all of them; a small batch goes out in one turn, as it did before the lane.
import { describe, expect, it } from 'vitest';
import { OneEachTurn } from '../src/realtime/one-each-turn.js';

/** Resolves after `n` turns of the event loop. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('one each turn', () => {
  it('takes a long queue one item per turn, so work that arrives meanwhile goes between them', async () => {
    const done: string[] = [];
    const lane = new OneEachTurn<string>((item) => done.push(item), 32);
    for (let i = 0; i < 100; i++) lane.push(`answer ${i}`);
    // a call's database answer arriving now is handled in the next turn, as I/O is
    setImmediate(() => done.push('call'));
    await turns(101);
    expect(done.indexOf('call')).toBeLessThanOrEqual(1);
    expect(done.filter((d) => d !== 'call')).toEqual(Array.from({ length: 100 }, (_, i) => `answer ${i}`));
  });

  it('takes a short queue (up to allUpTo) in one turn', async () => {
    const done: string[] = [];
    const lane = new OneEachTurn<string>((item) => done.push(item), 32);
    for (let i = 0; i < 32; i++) lane.push(`answer ${i}`);
    expect(lane.length).toBe(32);
    await turns(1);
    expect(done).toHaveLength(32);
    expect(lane.length).toBe(0);
  });

  it('takes nothing in the turn an item is pushed: what is already waiting goes first', async () => {
    const done: string[] = [];
    const lane = new OneEachTurn<string>((item) => done.push(item));
    lane.push('position');
    done.push('call');
    await turns(1);
    expect(done).toEqual(['call', 'position']);
  });
});
