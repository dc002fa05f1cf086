// Registering calls: from telephony (idempotent on externalId) and by an operator (idempotent on
// the id the console chose). Each write and its `call.upserted` event commit together.
import { type CallSummary, type CreateCallRequest, journalMessage, type Line, type RegisterCallRequest } from '@amk/contracts';
import { LINES_BY_CENTRE_KIND } from '@amk/domain';
import { rooms, type IntegrationActor, type UserActor } from '../../auth/actor.js';
import { type Call, type Db, Prisma, type Tx } from '@amk/db';
import { badRequest, conflict, forbidden } from '../../lib/http-error.js';
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
  hooks: Pick<ReturnType<typeof createCallHooks>, 'registered'>;
}

type Registration = { centre: IntegrationActor['centre']; req: RegisterCallRequest };
type Registered = { call: CallSummary; created: boolean };
const sameCall = (a: { centreId: string; externalId: string | null }, centreId: string, externalId: string) =>
  a.centreId === centreId && a.externalId === externalId;

/**
 * Inserts telephony's ringing calls in one statement, in the order given; a call whose externalId
 * the centre already has is skipped (not returned). Raw SQL because Prisma's createManyAndReturn
 * cost 3.2 ms of server CPU for five rows against 1.0 ms for this statement whatever the batch
 * size, and intake bursts are what this path is for. RETURNING * gives the Call row as Prisma's
 * own read would.
 */
function insertRinging(tx: Tx, items: Registration[]): Promise<Call[]> {
  const column = <T>(f: (r: Registration) => T) => items.map(f);
  return tx.$queryRaw<Call[]>`
    INSERT INTO "Call" ("id", "centreId", "externalId", "line", "source", "state", "callerNumber", "ringingAt")
    SELECT r.id, r.centre, r.external, r.line, r.source::"CallSource", 'RINGING', r.caller, r.ringing
    FROM unnest(
      ${column(() => crypto.randomUUID())}::uuid[], ${column((r) => r.centre.id)}::uuid[], ${column((r) => r.req.externalId)}::text[],
      ${column((r) => r.req.line)}::text[], ${column((r) => (r.req.exercise ? 'EXERCISE' : 'CTI'))}::text[],
      ${column((r) => r.req.callerNumber)}::text[], ${column((r) => new Date(r.req.ringingAt))}::timestamptz[]
    ) WITH ORDINALITY AS r(id, centre, external, line, source, caller, ringing, ord)
    ORDER BY r.ord
    ON CONFLICT ("centreId", "externalId") DO NOTHING
    RETURNING *`;
}

export function createCallsService({ prisma, transact, resolveKommune, hooks }: CallsDeps) {
  /**
   * Telephony's ringing calls, in one transaction: the new ones inserted together, the other
   * modules' reactions asked once (call-hooks.ts), one event each. A call whose externalId is known
   * (telephony retries, or two deliveries of one message that raced) is not inserted again: it is
   * answered with the call we have, created=false.
   */
  async function registerMany(items: Registration[]): Promise<Registered[]> {
    const inserted = await transact(async (tx, emit) => {
      const rows = await insertRinging(tx, items);
      const calls = await hooks.registered(tx, rows);
      for (const call of calls) {
        emit({ type: 'call.upserted', centreId: call.centreId, audience: [rooms.centre(call.centreId)], data: toCallSummary(call) });
      }
      return calls;
    });
    const known = items.some(({ centre, req }) => !inserted.some((c) => sameCall(c, centre.id, req.externalId)))
      ? await prisma.call.findMany({ where: { OR: items.map(({ centre, req }) => ({ centreId: centre.id, externalId: req.externalId })) } })
      : [];
    // The first item of an externalId that was inserted is the one that created it.
    const answered = new Set<string>();
    return items.map(({ centre, req }) => {
      const key = `${centre.id} ${req.externalId}`;
      const created = inserted.find((c) => sameCall(c, centre.id, req.externalId));
      if (created && !answered.has(key)) {
        answered.add(key);
        return { call: toCallSummary(created), created: true };
      }
      const row = created ?? known.find((c) => sameCall(c, centre.id, req.externalId));
      if (!row) throw new Error(`call ${req.externalId} was neither inserted nor found`);
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
