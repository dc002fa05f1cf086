// How old a unit's position is, shown when it is behind. Terminals report every few seconds while
// a unit moves, and the server holds a position back at most a second for calls; a position older
// than POSITION_BEHIND_MS means reports are not getting through (no coverage, a terminal down, a
// server shedding load), so the dot may be hundreds of metres out: the dispatcher is told, long
// before the ranking stops trusting it (10 min, DEFAULT_MAX_POSITION_AGE_MS). A unit free at its
// station is where its station is, however quiet its terminal, and a unit with no position has
// none to be old: neither is marked.
import type { UnitSummary } from '@amk/contracts';
import type { TranslationKey } from '../i18n/i18n.js';

const POSITION_BEHIND_MS = 30_000;

type Translate = (key: TranslationKey, vars?: Record<string, string | number>) => string;

/** "posisjon 2 min gammel" when the position is behind, else null. Seconds in tens, then minutes, then hours. */
export function positionAgeText(u: Pick<UnitSummary, 'status' | 'positionAt'>, now: number, t: Translate): string | null {
  if (u.status === 'AVAILABLE_AT_STATION' || !u.positionAt) return null;
  const ms = now - Date.parse(u.positionAt);
  if (!(ms > POSITION_BEHIND_MS)) return null;
  const s = Math.floor(ms / 1000);
  if (s < 60) return t('units.positionAge.seconds', { amount: Math.floor(s / 10) * 10 });
  if (s < 3600) return t('units.positionAge.minutes', { amount: Math.floor(s / 60) });
  return t('units.positionAge.hours', { amount: Math.floor(s / 3600) });
}
