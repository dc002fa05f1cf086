// The doctor-on-call roster as the console holds it: one copy for the roster panel and for the
// dispatch section's "doctor on call now", read again after a shift is saved and every minute.
// The hours of the next 7 days with no doctor on call come with it (døgnkontinuerlig, § 6).
import type { DoctorShiftSummary, RosterGap } from '@amk/contracts';
import { create } from 'zustand';
import { ApiError, client, ok } from '../api/client.js';

/** A shift as the roster answers it, with its § 7 verdict. */
export type RosterShift = DoctorShiftSummary;

const DAY_MS = 24 * 3_600_000;
/** How far ahead the roster is checked for hours without a doctor. */
const GAP_HORIZON_MS = 7 * DAY_MS;

interface RosterState {
  /** null until the first answer. */
  shifts: RosterShift[] | null;
  /** Stretches of the next 7 days with no doctor on call, per district. */
  gaps: RosterGap[];
  error: string | null;
  /** Shifts are listed for the next 24 h, or further when a shift was saved that ends later. */
  until: number;
  load(): Promise<void>;
  /** Keep a saved shift in view although it ends beyond the next 24 h. */
  showUntil(at: number): void;
}

let issued = 0;

export const useRoster = create<RosterState>((set, get) => ({
  shifts: null,
  gaps: [],
  error: null,
  until: 0,
  async load() {
    const seq = ++issued;
    const now = Date.now();
    const to = Math.max(now + GAP_HORIZON_MS, get().until);
    try {
      const r = await ok(
        client.GET('/api/v1/legevakt/roster', { params: { query: { from: new Date(now).toISOString(), to: new Date(to).toISOString() } } }),
      );
      if (seq === issued) set({ shifts: r.shifts, gaps: r.gaps, error: null });
    } catch (e) {
      // A refresh that never reached the server keeps the list shown.
      if (seq === issued) set((s) => ({ error: e instanceof ApiError ? e.message : String(e), shifts: s.shifts }));
    }
  },
  showUntil(at) {
    set((s) => ({ until: Math.max(s.until, at) }));
  },
}));

/** Shifts running at this moment. */
export const onCallAt = (shifts: readonly RosterShift[], at: number) =>
  shifts.filter((s) => Date.parse(s.fromAt) <= at && at < Date.parse(s.toAt));
