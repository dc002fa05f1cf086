import { useEffect, useRef } from 'react';

// A short two-tone chime through the Web Audio API (no sound file to load). Browsers may keep
// audio muted until the page has had a click; the operator's login is one. Silent where no audio.
let context: AudioContext | null = null;

/** Plays tones one after another, each `step` seconds after the last (silent where there is no audio). */
export function playTones(frequencies: readonly number[], step = 0.25): void {
  try {
    const Ctor = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    context ??= new Ctor();
    const ctx = context;
    void ctx.resume?.();
    frequencies.forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const start = ctx.currentTime + i * step;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.22);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + step);
    });
  } catch {
    // no audio on this machine: the item is on screen all the same
  }
}

/** Chimes once for each id not seen before by this component (an item that arrives, not one re-rendered). */
export function useChimeForNew(ids: readonly string[]): void {
  const heard = useRef(new Set<string>());
  const key = ids.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `ids`, whose array changes every render
  useEffect(() => {
    const fresh = ids.filter((id) => !heard.current.has(id));
    for (const id of fresh) heard.current.add(id);
    if (fresh.length) playTones([880, 660]);
  }, [key]);
}
