// An optional ring for the queue, for a console whose telephone is not beside the operator (a
// supervisor's desk, a second screen): off unless the operator turns it on, remembered per
// browser. When on, a new ringing call rings at once, and the queue rings again every
// RING_REPEAT_MS for as long as any call is still ringing — a call nobody answers does not go quiet.
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { playTones } from '../lib/chime.js';

const STORAGE_KEY = 'amk.ringSound';
const RING_REPEAT_MS = 10_000;
const RING = [1046, 880, 1046, 880] as const; // a telephone's trill, unlike the notification chime

export const useRingSound = create<{ on: boolean; toggle(): void }>((set, get) => ({
  on: typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'on',
  toggle() {
    const on = !get().on;
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    set({ on });
  },
}));

/** Rings for calls that started ringing since the last render, then every RING_REPEAT_MS while any rings. */
export function useRingAlarm(ringingIds: readonly string[]): void {
  const on = useRingSound((s) => s.on);
  const heard = useRef(new Set<string>());
  const key = ringingIds.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `ringingIds`, a new array every render
  useEffect(() => {
    const fresh = ringingIds.filter((id) => !heard.current.has(id));
    for (const id of fresh) heard.current.add(id);
    if (on && fresh.length) playTones(RING);
  }, [key, on]);
  const anyRinging = ringingIds.length > 0;
  useEffect(() => {
    if (!on || !anyRinging) return;
    const timer = setInterval(() => playTones(RING), RING_REPEAT_MS);
    return () => clearInterval(timer);
  }, [on, anyRinging]);
}
