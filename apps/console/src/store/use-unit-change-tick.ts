// A counter that goes up when the units in the store change in a way that can change a ranking
// (see unit-changes.ts), at most once per `ms` and with a trailing tick, so a fetch keyed on it
// follows the board without hammering the server while units move every second.
import { useEffect, useState } from 'react';
import { throttle } from '../lib/throttle.js';
import { useConsole } from './console-store.js';
import { unitsChangedForRanking } from './unit-changes.js';

export function useUnitChangeTick(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = throttle(() => setTick((n) => n + 1), ms);
    let prev = useConsole.getState().units;
    const unsubscribe = useConsole.subscribe((s) => {
      if (s.units === prev) return;
      const changed = unitsChangedForRanking(prev, s.units);
      prev = s.units;
      if (changed) bump();
    });
    return () => {
      unsubscribe();
      bump.cancel();
    };
  }, [ms]);
  return tick;
}
