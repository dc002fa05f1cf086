// Registering calls: from telephony (idempotent on externalId) and by an operator (idempotent on
// the id the console chose). Each write and its `call.upserted` event commit together.
import { type CallSummary, type CreateCallRequest, journalMessage, type Line, type RegisterCallRequest } from '@amk/contracts';
import { LINES_BY_CENTRE_KIND } from '@amk/domain';
import { rooms, type IntegrationActor, type UserActor } from '../../auth/actor.js';
import { type Call, type Db, Prisma, queryPrepared } from '@amk/db';
import { badRequest, conflict, forbidden } from '../../lib/http-error.js';
import { appendEventSteps, type NewEvent, storedEvents } from '../../realtime/event-log.js';
import type { Transact } from '../../realtime/transact.js';
import type { createCallHooks } from './call-hooks.js';
import { toCallSummary } from './call-summary.js';
import { requireCompetent } from '../users/competence-guard.js';
import { createWriteBatcher } from '../../lib/write-batcher.js';

function checkLineForCentre(line: Line, centre: { code: string; kind: 'AMK' | 'LVS' }) {
  const allowed: readonly string[] = LINES_BY_CENTRE_KIND[centre.kind];
  if (!allowed.includes(line)) {
    throw badRequest('call.lineNotAnswered', { line, centre: centre.code, kind: centre.kind, lines: allowed.join(', ') });
  }
}

/**
 * The centre a telephony message is for, which must be its key's own, on a line that centre
 * answers. The key already names its centre (integration-keys.service.ts): the database is asked
 * only when the message names another one, to say whether that centre exists at all.
 */
export async function intakeCentre(prisma: Db, actor: IntegrationActor, req: Pick<RegisterCallRequest, 'centre' | 'line'>) {
  if (req.centre !== actor.centre.code) {
    const other = await prisma.centre.findUnique({ where: { code: req.centre } });
    if (!other) throw badRequest('centre.unknown', { centre: req.centre });
    throw forbidden('call.keyForOtherCentre', { own: actor.centre.code, centre: req.centre });
  }
  checkLineForCentre(req.line, actor.centre);
  return actor.centre;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

export interface CallsDeps {
  prisma: Db;
  transact: Transact;
  resolveKommune: (lat: number, lon: number) => string | null;
  /** Other modules' reactions, run in the registering transaction (see call-hooks.ts). */
  hooks: Pick<ReturnType<typeof createCallHooks>, 'registered' | 'waiting'>;
}

type Registration = { centre: IntegrationActor['centre']; req: RegisterCallRequest };
type Registered = { call: CallSummary; created: boolean };
const sameCall = (a: { centreId: string; externalId: string | null }, centreId: string, externalId: string) =>
  a.centreId === centreId && a.externalId === externalId;

/** A ringing call from telephony, and the call it makes if it is new, as consoles will see it. */
interface Ringing extends Registration {
  summary: CallSummary;
}

/**
 * The call a ringing-call message makes, as stored and as every console sees it: what telephony
 * said, a new id, and nothing else yet. The statement that inserts it writes these very values
 * (updatedAt too), so its event can be made before the statement runs. The bench's same-route
 * server sends the same (bench/same-route-server.ts).
 */
export function ringingCallSummary(centreId: string, req: RegisterCallRequest, now: Date): CallSummary {
  return {
    id: crypto.randomUUID(),
    centreId,
    externalId: req.externalId,
    line: req.line,
    source: req.exercise ? 'EXERCISE' : 'CTI',
    state: 'RINGING',
    callerNumber: req.callerNumber,
    callerName: null,
    ringingAt: new Date(req.ringingAt).toISOString(),
    answeredAt: null,
    endedAt: null,
    operatorId: null,
    urgency: null,
    criterionCode: null,
    addressText: null,
    lat: null,
    lon: null,
    positionRadiusM: null,
    kommunenummer: null,
    summary: null,
    closedAt: null,
    updatedAt: now.toISOString(),
  };
}

const ringingCall = ({ centre, req }: Registration, now: Date): Ringing => ({
  centre,
  req,
  summary: ringingCallSummary(centre.id, req, now),
});

/**
 * The rows to insert for telephony's ringing calls, in the order given, from their summaries: a
 * call whose externalId the centre already has is skipped (ON CONFLICT), and so is every call when
 * `unless` holds. Raw SQL because Prisma's createManyAndReturn cost 3.2 ms of server CPU for five
 * rows against 1.0 ms for this statement whatever the batch size, and intake bursts are what this
 * path is for. RETURNING * gives the Call row as Prisma's own read would.
 */
function insertRingingSql(calls: Ringing[], unless: Prisma.Sql = Prisma.sql`false`): Prisma.Sql {
  const column = <T>(f: (c: CallSummary) => T) => calls.map((c) => f(c.summary));
  return Prisma.sql`
    INSERT INTO "Call" ("id", "centreId", "externalId", "line", "source", "state", "callerNumber", "ringingAt", "updatedAt")
    SELECT r.id, r.centre, r.external, r.line, r.source::"CallSource", 'RINGING', r.caller, r.ringing, r.updated
    FROM unnest(
      ${column((c) => c.id)}::uuid[], ${column((c) => c.centreId)}::uuid[], ${column((c) => c.externalId)}::text[],
      ${column((c) => c.line)}::text[], ${column((c) => c.source)}::text[], ${column((c) => c.callerNumber)}::text[],
      ${column((c) => new Date(c.ringingAt))}::timestamptz[], ${column((c) => new Date(c.updatedAt))}::timestamptz[]
    ) WITH ORDINALITY AS r(id, centre, external, line, source, caller, ringing, updated, ord)
    WHERE NOT (${unless})
    ORDER BY r.ord
    ON CONFLICT ("centreId", "externalId") DO NOTHING
    RETURNING *`;
}

const upserted = (call: CallSummary): NewEvent => ({
  type: 'call.upserted',
  centreId: call.centreId,
  audience: [rooms.centre(call.centreId)],
  data: call,
});

export function createCallsService({ prisma, transact, resolveKommune, hooks }: CallsDeps) {
  /**
   * The common case, in one statement that commits on its own (transact.single): nothing waits for
   * these calls (no caller position, no recording: call-hooks.ts), so each new one is inserted as
   * telephony gave it and its event appended in the same statement. Returns the ids inserted, or
   * null when something waits, and then nothing was written.
   */
  function registerAlone(calls: Ringing[]): Promise<Set<string> | null> {
    const events = calls.map((c) => upserted(c.summary));
    return transact.single(async (db) => {
      const { steps, envelopes } = appendEventSteps(events, Prisma.sql`(e.value->'data'->>'id')::uuid IN (SELECT "id" FROM ins)`);
      // prepared: planned once per connection, not at every call (queryPrepared)
      const rows = await queryPrepared<{ waiting: boolean; inserted: string[]; seq: bigint | null; at: Date | null }>(
        db,
        Prisma.sql`
        WITH waiting AS (SELECT ${hooks.waiting(calls.map((c) => c.summary))} AS "any"),
        ins AS (${insertRingingSql(calls, Prisma.sql`(SELECT "any" FROM waiting)`)}),
        ${steps}
        SELECT w."any" AS "waiting", ARRAY(SELECT "id"::text FROM ins) AS "inserted", written."seq", written."at"
        FROM waiting w LEFT JOIN ev AS written ON true
        ORDER BY written."seq"`,
      );
      if (rows[0]?.waiting !== false) return { value: null, stored: [] };
      const inserted = new Set(rows[0].inserted);
      const written = rows.flatMap(({ seq, at }) => (seq !== null && at !== null ? [{ seq, at }] : []));
      return { value: inserted, stored: storedEvents(events, envelopes, written, (i) => inserted.has(calls[i]!.summary.id)) };
    });
  }

  /**
   * When something waits for the calls: one transaction, the new ones inserted together, the other
   * modules' hooks asked once (call-hooks.ts), one event each, made from the calls as the hooks
   * left them (e.g. with a position). Returns the new calls by id.
   */
  async function registerWithHooks(calls: Ringing[]): Promise<Map<string, CallSummary>> {
    const done = await transact(async (tx, emit) => {
      const rows = await hooks.registered(tx, await tx.$queryRaw<Call[]>(insertRingingSql(calls)));
      const summaries = rows.map(toCallSummary);
      for (const call of summaries) emit(upserted(call));
      return summaries;
    });
    return new Map(done.map((c) => [c.id, c]));
  }

  /**
   * Telephony's ringing calls, together. A call whose externalId is known (telephony retries, or
   * two deliveries of one message that raced) is not inserted again: it is answered with the call
   * we have, created=false.
   */
  async function registerMany(items: Registration[]): Promise<Registered[]> {
    const now = new Date();
    const calls = items.map((item) => ringingCall(item, now));
    const alone = await registerAlone(calls);
    const created = alone
      ? new Map(calls.filter((c) => alone.has(c.summary.id)).map((c) => [c.summary.id, c.summary]))
      : await registerWithHooks(calls);
    const others = calls.filter((c) => !created.has(c.summary.id));
    const known = others.length
      ? await prisma.call.findMany({ where: { OR: others.map((c) => ({ centreId: c.centre.id, externalId: c.req.externalId })) } })
      : [];
    return calls.map((c) => {
      const mine = created.get(c.summary.id);
      if (mine) return { call: mine, created: true };
      const row = known.find((k) => sameCall(k, c.centre.id, c.req.externalId));
      if (!row) throw new Error(`call ${c.req.externalId} was neither inserted nor found`);
      return { call: toCallSummary(row), created: false };
    });
  }
  // Calls from telephony come in bursts; see lib/write-batcher.ts.
  const registerBatched = createWriteBatcher(registerMany);

  return {
    /** Telephony reports a ringing call. Returns created=false when the externalId is known. */
    async registerFromTelephony(actor: IntegrationActor, req: RegisterCallRequest): Promise<Registered> {
      const centre = await intakeCentre(prisma, actor, req);
      return registerBatched({ centre, req });
    },

    /** An operator registers a call by hand; they are already talking to the caller. */
    async createManual(actor: UserActor, req: CreateCallRequest): Promise<{ call: CallSummary; created: boolean }> {
      checkLineForCentre(req.line, actor.centre);
      await requireCompetent(prisma, actor);
      const sameId = async () => {
        const existing = await prisma.call.findUnique({ where: { id: req.id } });
        if (!existing) return null;
        if (existing.centreId !== actor.centre.id) throw conflict('call.idInUse', { id: req.id });
        return { call: toCallSummary(existing), created: false };
      };
      const retry = await sameId();
      if (retry) return retry;
      const now = new Date();
      const hasPosition = req.lat !== undefined && req.lon !== undefined;
      try {
        const call = await transact(async (tx, emit) => {
          const created = await tx.call.create({
            data: {
              id: req.id,
              centreId: actor.centre.id,
              line: req.line,
              source: 'MANUAL',
              state: 'ANSWERED',
              callerNumber: req.callerNumber ?? null,
              callerName: req.callerName ?? null,
              ringingAt: now,
              answeredAt: now,
              operatorId: actor.userId,
              urgency: req.urgency ?? null,
              addressText: req.addressText ?? null,
              lat: req.lat ?? null,
              lon: req.lon ?? null,
              positionAt: hasPosition ? now : null,
              positionMethod: hasPosition ? 'MANUAL' : null,
              kommunenummer: hasPosition ? resolveKommune(req.lat!, req.lon!) : null,
              summary: req.summary ?? null,
            },
          });
          const row = (await hooks.registered(tx, [created]))[0] ?? created;
          await tx.callJournalEntry.create({
            data: {
              id: crypto.randomUUID(),
              callId: row.id,
              authorId: actor.userId,
              author: actor.displayName,
              kind: 'SYSTEM',
              text: 'Henvendelse registrert manuelt',
              message: journalMessage('call.registeredManually', {}),
            },
          });
          const summary = toCallSummary(row);
          emit({ type: 'call.upserted', centreId: actor.centre.id, audience: [rooms.centre(actor.centre.id)], data: summary });
          return summary;
        });
        return { call, created: true };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const retryAfterRace = await sameId();
        if (retryAfterRace) return retryAfterRace;
        throw e;
      }
    },

    async listOpen(centreId: string): Promise<CallSummary[]> {
      const rows = await prisma.call.findMany({ where: { centreId, closedAt: null }, orderBy: { ringingAt: 'asc' }, take: 500 });
      return rows.map(toCallSummary);
    },
  };
}

export type CallsService = ReturnType<typeof createCallsService>;
