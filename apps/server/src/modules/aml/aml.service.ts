// Caller position (AML, Advanced Mobile Location): the handset sends its position by SMS or HTTPS
// seconds after the call starts. It goes to the open call from that number at the receiving
// centre (the one whose integration key delivered it, never another); one that arrives before its
// call is kept and attached when that centre registers the call (within an hour). Every message is stored as received, for a later dispute about where a caller was.
import { parseAmlHttps, parseAmlSms, samePhone, canonicalPhone, type AmlResult } from '@amk/domain';
import type { AmlResponse } from '@amk/contracts';
import { rooms, type IntegrationActor } from '../../auth/actor.js';
import { type Call, type CallerPosition, type Db, Prisma, type Tx } from '@amk/db';
import type { NewCall } from '../calls/call-hooks.js';
import { badRequest } from '../../lib/http-error.js';
import { newId } from '../../lib/ids.js';
import type { Transact } from '../../realtime/transact.js';
import { toCallSummary } from '../calls/call-summary.js';

const PENDING_POSITION_MS = 60 * 60_000;
/** An open call is matched to a position when it rang within this window. */
const CALL_MATCH_WINDOW_MS = 6 * 60 * 60_000;

/** The oldest a waiting position may have arrived and still join a call registered now. */
const pendingSince = () => new Date(Date.now() - PENDING_POSITION_MS);

/** The centre and caller number of each call that has a number: where its waiting positions would be. */
const numbersOf = (calls: NewCall[]) =>
  calls.flatMap((call) => {
    const msisdn = canonicalPhone(call.callerNumber);
    return msisdn ? [{ centreId: call.centreId, msisdn }] : [];
  });

type KommuneAt = (lat: number, lon: number) => { kommunenummer: string; kommunenavn: string } | null;

export function createAmlService({ prisma, transact, kommuneAt }: { prisma: Db; transact: Transact; kommuneAt: KommuneAt }) {
  async function openCallFrom(tx: Tx | Db, centreId: string, msisdn: string, now: Date): Promise<Call | null> {
    const candidates = await tx.call.findMany({
      where: { centreId, closedAt: null, ringingAt: { gte: new Date(now.getTime() - CALL_MATCH_WINDOW_MS) }, callerNumber: { not: null } },
      orderBy: { ringingAt: 'desc' },
      take: 200,
    });
    return candidates.find((c) => samePhone(c.callerNumber, msisdn)) ?? null;
  }

  function response(position: CallerPosition): AmlResponse {
    const kommune = position.kommunenummer ? kommuneAt(position.lat, position.lon) : null;
    return {
      callId: position.callId,
      position: {
        lat: position.lat,
        lon: position.lon,
        radiusM: position.radiusM,
        at: position.at.toISOString(),
        method: position.method as AmlResponse['position']['method'],
      },
      kommunenummer: position.kommunenummer,
      kommunenavn: kommune?.kommunenavn ?? null,
    };
  }

  async function receive(actor: IntegrationActor, parsed: AmlResult, msisdnHint: string | undefined, raw: string): Promise<AmlResponse> {
    if (!parsed.ok) throw badRequest('aml.rejected', { reason: parsed.reason });
    const msisdn = canonicalPhone(parsed.msisdn ?? msisdnHint);
    if (!msisdn) throw badRequest('aml.noCallerNumber');
    const { lat, lon, radiusM, at, method } = parsed.position;
    const kommune = kommuneAt(lat, lon);

    // The same message delivered twice to the same centre is one position; delivered to two
    // centres (a caller who rang both), each centre has its own.
    const duplicate = await prisma.callerPosition.findFirst({ where: { centreId: actor.centre.id, msisdn, at, lat, lon } });
    if (duplicate) return response(duplicate);

    const now = new Date();
    const position = await transact(async (tx, emit) => {
      const call = await openCallFrom(tx, actor.centre.id, msisdn, now);
      const row = await tx.callerPosition.create({
        data: {
          id: newId(),
          callId: call?.id ?? null,
          centreId: actor.centre.id,
          msisdn,
          lat,
          lon,
          radiusM,
          at,
          method,
          kommunenummer: kommune?.kommunenummer ?? null,
          raw,
        },
      });
      const updated = call ? await applyToCall(tx, call, row) : null;
      if (updated)
        emit({
          type: 'call.upserted',
          centreId: updated.centreId,
          audience: [rooms.centre(updated.centreId)],
          data: toCallSummary(updated),
        });
      return row;
    });
    return response(position);
  }

  return {
    receiveSms: (actor: IntegrationActor, text: string, msisdn: string | undefined) =>
      receive(actor, parseAmlSms(text, msisdn), msisdn, text),
    receiveHttps: (actor: IntegrationActor, fields: Record<string, string>) =>
      receive(actor, parseAmlHttps(fields), fields.device_number, new URLSearchParams(fields).toString()),

    /** Whether a position that came first waits for one of these calls (attachWaitingPositions would attach it). */
    positionsWaitFor(calls: NewCall[]): Prisma.Sql {
      const wanted = numbersOf(calls);
      if (!wanted.length) return Prisma.sql`false`;
      return Prisma.sql`EXISTS (
        SELECT 1 FROM "CallerPosition" p, unnest(${wanted.map((w) => w.centreId)}::uuid[], ${wanted.map((w) => w.msisdn)}::text[]) AS w("centreId", msisdn)
        WHERE p."centreId" = w."centreId" AND p."msisdn" = w.msisdn AND p."callId" IS NULL
          AND p."receivedAt" >= ${pendingSince()})`;
    },

    /**
     * Called in the transaction that registers calls: positions from a call's number that arrived
     * first (within PENDING_POSITION_MS) at its centre join it, and the newest becomes its
     * position. One query for all the calls; writes only for those that had one waiting. Returns
     * the calls as they are now, in the same order.
     */
    async attachWaitingPositions(tx: Tx, calls: Call[]): Promise<Call[]> {
      const since = pendingSince();
      const wanted = numbersOf(calls);
      if (!wanted.length) return calls;
      const waiting = await tx.callerPosition.findMany({
        where: { OR: wanted, callId: null, receivedAt: { gte: since } },
        orderBy: { at: 'desc' },
      });
      if (!waiting.length) return calls;
      // In order, and the waiting positions of a number go to its first call only: two calls from
      // one phone in the same batch are registered as if one came after the other.
      const claimed = new Set<string>();
      const result: Call[] = [];
      for (const call of calls) {
        const msisdn = canonicalPhone(call.callerNumber);
        const newest = waiting.find((p) => p.centreId === call.centreId && p.msisdn === msisdn);
        const key = `${call.centreId} ${msisdn}`;
        if (!newest || claimed.has(key)) {
          result.push(call);
          continue;
        }
        claimed.add(key);
        await tx.callerPosition.updateMany({
          where: { centreId: call.centreId, msisdn: newest.msisdn, callId: null, receivedAt: { gte: since } },
          data: { callId: call.id },
        });
        result.push((await applyToCall(tx, call, newest)) ?? call);
      }
      return result;
    },
  };
}

/**
 * The newest handset position becomes the call's position, unless an operator placed it by hand.
 * Returns the updated call, or null when the call keeps its position.
 */
async function applyToCall(tx: Tx, call: Call, position: CallerPosition): Promise<Call | null> {
  if (call.positionMethod === 'MANUAL') return null;
  if (call.positionAt && call.positionAt > position.at) return null;
  return tx.call.update({
    where: { id: call.id },
    data: {
      lat: position.lat,
      lon: position.lon,
      positionRadiusM: position.radiusM,
      positionAt: position.at,
      positionMethod: position.method,
      kommunenummer: position.kommunenummer,
    },
  });
}

export type AmlService = ReturnType<typeof createAmlService>;
