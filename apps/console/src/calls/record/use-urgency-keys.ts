// A, H or V pressed anywhere in the console — except while typing in a field or in a dialog —
// chooses the urgency in the open call's triage. Nothing is saved by the key itself: a different
// urgency than the criterion gives needs a reason, which the operator writes and saves with Enter.
import type { Urgency } from '@amk/contracts';
import { useEffect, useRef } from 'react';

const KEYS: Record<string, Urgency> = { a: 'A', h: 'H', v: 'V' };

/** True when the key goes into something the operator is writing or choosing in. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[role="dialog"]')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

/** `onUrgency` null: the keys do nothing (no criterion chosen, nothing to override). */
export function useUrgencyKeys(onUrgency: ((u: Urgency) => void) | null): void {
  const handler = useRef(onUrgency);
  handler.current = onUrgency;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const u = KEYS[e.key.toLowerCase()];
      if (!u || !handler.current || e.altKey || e.ctrlKey || e.metaKey || e.repeat || e.defaultPrevented || isTypingTarget(e.target))
        return;
      if (document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      handler.current(u);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
