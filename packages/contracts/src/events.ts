// The realtime contract: every change travels to consoles as one `event` message with this
// envelope. `seq` rises by one per event in commit order; a console keeps the last seq it applied
// and hands it back as `auth.afterSeq` when it reconnects.
import { z } from 'zod';
import { CallSummary } from './calls.js';
import { CallbackSummary } from './callbacks.js';
import { IsoTime, Uuid } from './common.js';
import { AlertSummary, BistandSummary, ResponderAlert } from './akutthjelper.js';
import { HospitalSummary, MajorIncidentDetail } from './major-incidents.js';
import { MissionSummary } from './missions.js';
import { UnitLoanSummary } from './mutual-aid.js';
import { NotificationSummary } from './notifications.js';
import { TakeoverSummary } from './takeovers.js';
import { TransferSummary } from './transfers.js';
import { UnitSummary, type UnitMoved } from './units.js';

/**
 * Payload schema per event type. Add a type here and TypeScript finds every place to handle it:
 * the server's `emit` ties `type` to `data`, and every switch over event types ends in
 * `satisfies never`.
 */
export const EventPayloads = {
  /** A call was registered or changed. A call whose centreId is not yours has left your centre. */
  'call.upserted': CallSummary,
  /** A lost caller was put on the callback list, or taken off it (resolvedAt set). */
  'callback.upserted': CallbackSummary,
  'unit.upserted': UnitSummary,
  'transfer.upserted': TransferSummary,
  'notification.upserted': NotificationSummary,
  'mission.upserted': MissionSummary,
  /** For AMK consoles: one alerted akutthjelper's acknowledgements. */
  'akutthjelper.alert.upserted': AlertSummary,
  /** For AMK consoles: a bistand request sent to an organisation, delivered, confirmed. */
  'akutthjelper.bistand.upserted': BistandSummary,
  /** For the responder's own page: the alert as the responder may see it. */
  'responder.alert': ResponderAlert,
  /** A major incident of the centre (§ 15 o), with its patients and counts. */
  'major-incident.upserted': MajorIncidentDetail,
  /** A hospital's declared capacity or its use by open major incidents changed (for every AMK). */
  'hospital.upserted': HospitalSummary,
  /** A takeover of a centre began or ended (§ 15 p): both centres hear it, and the backup's consoles reload. */
  'takeover.upserted': TakeoverSummary,
  /** Mutual aid (§ 10 d): a unit asked for, lent, declined or returned; the owner and the borrower hear it. */
  'unit-loan.upserted': UnitLoanSummary,
} as const;

export type EventType = keyof typeof EventPayloads;
export const EventTypeSchema = z.enum(Object.keys(EventPayloads) as [EventType, ...EventType[]]);
export type EventData<T extends EventType> = z.infer<(typeof EventPayloads)[T]>;

export type EventEnvelope<T extends EventType = EventType> = {
  [K in T]: { seq: number; type: K; centreId: string | null; at: string; data: EventData<K> };
}[T];

const envelopeOf = <K extends EventType>(type: K) =>
  z.object({ seq: z.number().int().positive(), type: z.literal(type), centreId: Uuid.nullable(), at: IsoTime, data: EventPayloads[type] });

type EnvelopeSchema = { [K in EventType]: ReturnType<typeof envelopeOf<K>> }[EventType];

/** One envelope schema per type, told apart by `type`: parsing checks that the data is the payload of its own type. */
export const EventEnvelopeSchema = z.discriminatedUnion(
  'type',
  // Object.keys of a non-empty record: at least one schema (zod wants that as a tuple type).
  (Object.keys(EventPayloads) as EventType[]).map(envelopeOf) as [EnvelopeSchema, ...EnvelopeSchema[]],
);

/** Sent instead of a replay when the missed events are too many or too old: reload the snapshot. */
export const ResyncNotice = z.object({ reason: z.enum(['gap_too_large', 'gap_too_old', 'access_changed']), latestSeq: z.number().int() });
export type ResyncNotice = z.infer<typeof ResyncNotice>;

/** Sent once per connection when the replay is done and live events follow. */
export const LiveNotice = z.object({ replayed: z.number().int().nonnegative(), seq: z.number().int().nonnegative() });
export type LiveNotice = z.infer<typeof LiveNotice>;

export interface ServerToClientEvents {
  event: (envelope: EventEnvelope) => void;
  /**
   * Several events in one packet, in seq order: events committed together for the same rooms (a
   * burst of calls registered in one write), or a replay. Apply them in order, as if each came alone.
   */
  events: (envelopes: EventEnvelope[]) => void;
  /** Unit positions, batched (every 200 ms per centre). Latest wins; never replayed. */
  positions: (batch: UnitMoved[]) => void;
  resync: (notice: ResyncNotice) => void;
  live: (notice: LiveNotice) => void;
}

// Consoles only listen: every command goes over HTTP, so it has one validated, audited path.
export type ClientToServerEvents = Record<string, never>;

export interface SocketAuth {
  afterSeq?: number;
}
