// The console's state: everything the screens draw, keyed by id, with the seq of the last event
// applied. Events are applied idempotently: an event at or below lastSeq is ignored, and an
// older copy of a record never replaces a newer one (the HTTP answer and the socket echo of the
// same change may arrive in either order). A call or mission that left the lists (closed,
// transferred away) is remembered with its updatedAt, so a late older copy cannot bring it back.
import type {
  AlertSummary,
  BistandSummary,
  CallbackSummary,
  CallSummary,
  CentreRef,
  EventEnvelope,
  Me,
  MissionSummary,
  NotificationSummary,
  Snapshot,
  StationSummary,
  TakeoverSummary,
  UnitLoanSummary,
  TransferSummary,
  UnitMoved,
  UnitSummary,
} from '@amk/contracts';
import { create } from 'zustand';
import { setActingCentreResolver } from '../api/client.js';
import { useMajorIncidents } from './major-incident-store.js';

type Connection = 'connecting' | 'live' | 'offline';

export interface ConsoleState {
  me: Me | null;
  centre: CentreRef | null;
  calls: Record<string, CallSummary>;
  units: Record<string, UnitSummary>;
  stations: Record<string, StationSummary>;
  transfers: Record<string, TransferSummary>;
  notifications: Record<string, NotificationSummary>;
  missions: Record<string, MissionSummary>;
  alerts: Record<string, AlertSummary>;
  /** bistand requests of the centre's missions, as sent and confirmed */
  bistand: Record<string, BistandSummary>;
  /** Lost callers not yet called back (tilbakeringing), by callback id. */
  callbacks: Record<string, CallbackSummary>;
  /** Open takeovers (§ 15 p) my centre is in, either side, by id. */
  takeovers: Record<string, TakeoverSummary>;
  /** Mutual aid (§ 10 d) my centre asked for or was asked for, either side, by id. */
  unitLoans: Record<string, UnitLoanSummary>;
  /** Display names of the centre's people, by user id: who has taken a call. */
  operators: Record<string, string>;
  /** Calls and missions that left the lists, with the updatedAt they left at. */
  gone: { calls: Record<string, string>; missions: Record<string, string>; callbacks: Record<string, string> };
  lastSeq: number;
  connection: Connection;
  lastEventAt: number | null;
  selectedCallId: string | null;
  /** The unit the operator asked to see on the map (the unit board's call sign), highlighted there. */
  shownUnitId: string | null;

  setMe(me: Me | null): void;
  applySnapshot(s: Snapshot): void;
  applyEvent(e: EventEnvelope): void;
  applyPositions(batch: UnitMoved[]): void;
  /** The socket's replay is done; everything up to `seq` has been applied or was not for us. */
  markLive(seq: number): void;
  upsertCall(c: CallSummary): void;
  upsertUnit(u: UnitSummary): void;
  upsertTransfer(t: TransferSummary): void;
  upsertNotification(n: NotificationSummary): void;
  upsertMission(m: MissionSummary): void;
  upsertAlert(a: AlertSummary): void;
  upsertBistand(b: BistandSummary): void;
  upsertCallback(c: CallbackSummary): void;
  upsertTakeover(t: TakeoverSummary): void;
  upsertUnitLoan(l: UnitLoanSummary): void;
  setConnection(c: Connection): void;
  selectCall(id: string | null): void;
  /** Shows a unit on the map, or none. */
  showUnit(id: string | null): void;
}

const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((i) => [i.id, i]));

/** The centres whose work this console does: its own, and those it has taken over as backup (§ 15 p). */
function workCentreIds(s: Pick<ConsoleState, 'centre' | 'takeovers'>): string[] {
  if (!s.centre) return [];
  const covered = Object.values(s.takeovers).filter((t) => t.backupCentre.id === s.centre!.id && !t.endedAt);
  return [s.centre.id, ...covered.map((t) => t.centre.id)];
}

/** The code of the taken-over centre (§ 15 p) whose call this is, or null for my own centre's (and any other). */
function takenOverCentreOf(s: Pick<ConsoleState, 'centre' | 'takeovers' | 'calls'>, callId: string | null | undefined): string | null {
  const call = callId ? s.calls[callId] : undefined;
  if (!call || !s.centre || call.centreId === s.centre.id) return null;
  return Object.values(s.takeovers).find((t) => t.centre.id === call.centreId && !t.endedAt)?.centre.code ?? null;
}

const CALL_IN_PATH = /^\/api\/v1\/calls\/([0-9a-f-]{36})(?:\/|$)/;
/** Work on the open call that does not name it in the path: sending units, alerting, notifying, handing over. */
const ABOUT_OPEN_CALL = [
  '/api/v1/missions',
  '/api/v1/units',
  '/api/v1/akutthjelper',
  '/api/v1/notifications',
  '/api/v1/transfers',
  '/api/v1/mutual-aid',
];

// How far along a record is: an HTTP answer that left the server before a socket event must not
// undo what the event said (both arrive, in either order).
const ALERT_RANK: Record<string, number> = {
  PENDING: 0,
  FAILED: 1,
  DELIVERED: 2,
  SEEN: 3,
  DECLINED: 4,
  ACCEPTED: 4,
  ARRIVED: 5,
  CANCELLED: 6,
};
const NOTIFICATION_RANK: Record<string, number> = { PENDING: 0, MANUAL: 0, SENT: 1, DELIVERED: 2, FAILED: 2, ACKNOWLEDGED: 3 };
const TRANSFER_RANK: Record<string, number> = { REQUESTED: 0, ACCEPTED: 1, DECLINED: 1 };
const LOAN_RANK: Record<string, number> = { REQUESTED: 0, ACCEPTED: 1, DECLINED: 1, CANCELLED: 1, RETURNED: 2 };
const atLeastAsFar = (rank: Record<string, number>, current: { state: string } | undefined, incoming: { state: string }) =>
  !current || (rank[incoming.state] ?? 0) >= (rank[current.state] ?? 0);
const newer = (a: { updatedAt?: string } | undefined, b: { updatedAt?: string }) =>
  !a?.updatedAt || !b.updatedAt || b.updatedAt >= a.updatedAt;
/** A record that left a list comes back only as a strictly newer copy (e.g. transferred back). */
const admit = (current: { updatedAt?: string } | undefined, goneAt: string | undefined, incoming: { updatedAt?: string }) =>
  current ? newer(current, incoming) : goneAt === undefined || (!!incoming.updatedAt && incoming.updatedAt > goneAt);
const without = (record: Record<string, string>, id: string) => {
  const { [id]: _dropped, ...rest } = record;
  return rest;
};

export const useConsole = create<ConsoleState>((set, get) => ({
  me: null,
  centre: null,
  calls: {},
  units: {},
  stations: {},
  transfers: {},
  notifications: {},
  missions: {},
  alerts: {},
  bistand: {},
  callbacks: {},
  takeovers: {},
  unitLoans: {},
  operators: {},
  gone: { calls: {}, missions: {}, callbacks: {} },
  lastSeq: 0,
  connection: 'connecting',
  lastEventAt: null,
  selectedCallId: null,
  shownUnitId: null,

  setMe: (me) => set({ me }),

  applySnapshot: (s) => {
    set({
      centre: s.centre,
      calls: byId(s.calls),
      units: byId(s.units),
      stations: byId(s.stations),
      transfers: byId(s.transfers),
      notifications: byId(s.notifications),
      missions: byId(s.missions),
      callbacks: byId(s.callbacks ?? []),
      takeovers: byId(s.takeovers ?? []),
      unitLoans: byId(s.unitLoans ?? []),
      operators: Object.fromEntries((s.operators ?? []).map((o) => [o.id, o.displayName])),
      lastSeq: s.seq,
    });
    // a takeover that ended takes its calls with it: the record closes
    const now = get();
    if (now.selectedCallId && !now.calls[now.selectedCallId]) set({ selectedCallId: null });
  },

  applyEvent: (e) => {
    if (e.seq <= get().lastSeq) return; // seen already (a replay overlapping the snapshot)
    const patch: Partial<ConsoleState> = { lastSeq: e.seq, lastEventAt: Date.now() };
    set(patch);
    switch (e.type) {
      case 'call.upserted':
        return get().upsertCall(e.data);
      case 'callback.upserted':
        return get().upsertCallback(e.data);
      case 'unit.upserted':
        return get().upsertUnit(e.data);
      case 'transfer.upserted':
        return get().upsertTransfer(e.data);
      case 'notification.upserted':
        return get().upsertNotification(e.data);
      case 'mission.upserted':
        return get().upsertMission(e.data);
      case 'akutthjelper.alert.upserted':
        return get().upsertAlert(e.data);
      case 'akutthjelper.bistand.upserted':
        return get().upsertBistand(e.data);
      case 'responder.alert':
        return; // the responder page's own store handles these
      case 'major-incident.upserted':
        return useMajorIncidents.getState().upsertIncident(e.data);
      case 'hospital.upserted':
        return useMajorIncidents.getState().upsertHospital(e.data);
      case 'takeover.upserted':
        return get().upsertTakeover(e.data);
      case 'unit-loan.upserted':
        return get().upsertUnitLoan(e.data);
      default:
        // A new event type must be handled here: this line stops compiling until it is.
        e satisfies never;
    }
  },

  applyPositions: (batch) =>
    set((s) => {
      const units = { ...s.units };
      for (const m of batch) {
        const u = units[m.id];
        if (u && (!u.positionAt || u.positionAt <= m.at)) units[m.id] = { ...u, lat: m.lat, lon: m.lon, positionAt: m.at };
      }
      return { units };
    }),

  markLive: (seq) => set((s) => ({ connection: 'live', lastSeq: Math.max(s.lastSeq, seq) })),

  upsertCall: (c) =>
    set((s) => {
      if (!admit(s.calls[c.id], s.gone.calls[c.id], c)) return {};
      const mine = workCentreIds(s).includes(c.centreId);
      // A call that was closed, or that another centre now owns, leaves this console's list.
      if (!mine || c.closedAt) {
        const { [c.id]: _left, ...calls } = s.calls;
        return {
          calls,
          gone: { ...s.gone, calls: { ...s.gone.calls, [c.id]: c.updatedAt } },
          selectedCallId: s.selectedCallId === c.id && !mine ? null : s.selectedCallId,
        };
      }
      // (the usual case, a call that never left, copies nothing more than the call list)
      return { calls: { ...s.calls, [c.id]: c }, ...(c.id in s.gone.calls && { gone: { ...s.gone, calls: without(s.gone.calls, c.id) } }) };
    }),
  upsertUnit: (u) =>
    set((s) => {
      const current = s.units[u.id];
      // An answer older than the status the board shows is dropped; the latest position is kept.
      if (current && u.statusAt < current.statusAt) return {};
      const keepPosition = current?.positionAt && (!u.positionAt || u.positionAt < current.positionAt);
      const next = keepPosition ? { ...u, lat: current.lat, lon: current.lon, positionAt: current.positionAt } : u;
      return { units: { ...s.units, [u.id]: next } };
    }),
  upsertTransfer: (t) =>
    set((s) => (atLeastAsFar(TRANSFER_RANK, s.transfers[t.id], t) ? { transfers: { ...s.transfers, [t.id]: t } } : {})),
  upsertNotification: (n) =>
    set((s) => (atLeastAsFar(NOTIFICATION_RANK, s.notifications[n.id], n) ? { notifications: { ...s.notifications, [n.id]: n } } : {})),
  upsertMission: (m) =>
    set((s) => {
      // A closed mission stays closed: nothing older or newer brings it back to the open list.
      if (m.id in s.gone.missions || !newer(s.missions[m.id], m)) return {};
      if (m.closedAt) {
        const { [m.id]: _closed, ...missions } = s.missions;
        return { missions, gone: { ...s.gone, missions: { ...s.gone.missions, [m.id]: m.updatedAt ?? m.closedAt } } };
      }
      return { missions: { ...s.missions, [m.id]: m } };
    }),
  // A confirmed request never goes back to unconfirmed (events and a reload may cross).
  upsertBistand: (b) => set((s) => (s.bistand[b.id]?.acknowledgedAt && !b.acknowledgedAt ? {} : { bistand: { ...s.bistand, [b.id]: b } })),
  upsertAlert: (a) => set((s) => (atLeastAsFar(ALERT_RANK, s.alerts[a.id], a) ? { alerts: { ...s.alerts, [a.id]: a } } : {})),
  upsertCallback: (c) =>
    set((s) => {
      // A settled callback leaves the list for good: no copy, older or newer, brings it back.
      if (c.id in s.gone.callbacks || !newer(s.callbacks[c.id], c)) return {};
      if (c.resolvedAt) {
        const { [c.id]: _settled, ...callbacks } = s.callbacks;
        return { callbacks, gone: { ...s.gone, callbacks: { ...s.gone.callbacks, [c.id]: c.updatedAt } } };
      }
      return { callbacks: { ...s.callbacks, [c.id]: c } };
    }),
  upsertTakeover: (t) =>
    set((s) => {
      if (t.endedAt) {
        const { [t.id]: _ended, ...takeovers } = s.takeovers;
        return { takeovers };
      }
      return { takeovers: { ...s.takeovers, [t.id]: t } };
    }),
  upsertUnitLoan: (l) => set((s) => (atLeastAsFar(LOAN_RANK, s.unitLoans[l.id], l) ? { unitLoans: { ...s.unitLoans, [l.id]: l } } : {})),
  setConnection: (connection) => set({ connection }),
  selectCall: (selectedCallId) => set({ selectedCallId }),
  showUnit: (shownUnitId) => set({ shownUnitId }),
}));

// Requests about a taken-over centre's call act for it: the call in the path, else the one open.
setActingCentreResolver((path) => {
  const s = useConsole.getState();
  const named = CALL_IN_PATH.exec(path)?.[1];
  if (named) return takenOverCentreOf(s, named);
  return ABOUT_OPEN_CALL.some((p) => path.startsWith(p)) ? takenOverCentreOf(s, s.selectedCallId) : null;
});

/** Open calls in the order an operator works in (see lib/call-order.ts). */
export { sortCalls } from '../lib/call-order.js';
