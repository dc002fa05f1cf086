// F3 takes the call that has rung longest, from anywhere in the console (F2 is a new call).
// Not while a dialog is open: the operator is typing a call in there.
import { useEffect, useRef } from 'react';
import { useConsole } from '../store/console-store.js';
import { nextToTake } from '../lib/call-order.js';
import { takeCall } from './take-call.js';

const TAKE_KEY = 'F3';

export function useTakeHotkey(onError: (e: unknown) => void): void {
  const report = useRef(onError);
  report.current = onError;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== TAKE_KEY || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault(); // F3 is also the browser's "find next"
      if (e.repeat || document.querySelector('[aria-modal="true"]')) return;
      const next = nextToTake(Object.values(useConsole.getState().calls));
      if (next) takeCall(next).catch((err: unknown) => report.current(err));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
