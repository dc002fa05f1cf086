// A major incident rings many calls at once. Telephony's calls are then registered in batches
// (lib/write-batcher.ts, one transaction for many calls), and nothing a dispatcher sees may differ
// from calls registered one by one: every call once, a repeated message answered with the call we
// have, each call's waiting handset position on that call and on no other, and one live event per
// call on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSummary } from '@amk/contracts';
import { createCentre, createIntegrationKey, createUser, uniqueName } from './support/factories.js';
import { amlSms, asIntegration } from './support/integration.js';
import { login, openConsole, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
let centre: { id: string; code: string };
let key: string;
let gw: ReturnType<typeof asIntegration>;
let otherGw: ReturnType<typeof asIntegration>;
let cookie: string;

beforeAll(async () => {
  server = await startServer();
  const { prisma, app } = server;
  const [own, other] = await Promise.all([createCentre(prisma), createCentre(prisma)]);
  centre = own;
  key = await createIntegrationKey(prisma, centre.code, 'telephony');
  gw = asIntegration(app, key, centre.code);
  otherGw = asIntegration(app, await createIntegrationKey(prisma, other.code, 'other aml gateway'), other.code);
  cookie = await login(server, (await createUser(prisma, centre.id)).username);
});
afterAll(async () => {
  await server.close();
});

/** Over the network, as telephony sends it: many of these are in flight together. */
async function ring(externalId: string, callerNumber: string): Promise<{ status: number; call: CallSummary }> {
  const res = await fetch(`${server.url}/api/v1/integrations/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ externalId, centre: centre.code, line: '113', callerNumber, ringingAt: new Date().toISOString() }),
  });
  return { status: res.status, call: (await res.json()) as CallSummary };
}

describe('a burst of telephony calls', () => {
  it('registers 61 calls rung at once, each once, with its own waiting position, and one live event each', async () => {
    const run = uniqueName('burst');
    const numbers = Array.from({ length: 60 }, (_, i) => `+4792${String(Date.now() % 1e4).padStart(4, '0')}${String(i).padStart(2, '0')}`);
    // handset positions that came first: three for the centre's own callers, one for a number that
    // also calls the centre but whose position went to another centre's gateway
    const early = [
      { i: 3, lat: 60.39, lon: 5.32 },
      { i: 17, lat: 60.4, lon: 5.3 },
      { i: 42, lat: 60.36, lon: 5.35 },
    ];
    for (const p of early) await gw.amlSms(amlSms({ lat: p.lat, lon: p.lon, radius: 20, at: new Date() }), numbers[p.i]!);
    await otherGw.amlSms(amlSms({ lat: 60.5, lon: 5.5, radius: 20, at: new Date() }), numbers[50]!);

    const console_ = openConsole(server, cookie);
    await console_.live;
    const heardOf = (externalId: string) =>
      console_.received.filter((e) => e.type === 'call.upserted' && (e.data as CallSummary).externalId === externalId).length;
    try {
      // all at once, every tenth call's message twice (telephony retrying while the first is in
      // flight), and a second call from the phone of call 3, whose position waits
      const sends = numbers.flatMap((msisdn, i) =>
        i % 10 === 0 ? [ring(`${run}-${i}`, msisdn), ring(`${run}-${i}`, msisdn)] : [ring(`${run}-${i}`, msisdn)],
      );
      const answers = await Promise.all([...sends, ring(`${run}-3b`, numbers[3]!)]);
      expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
      const byId = new Map<string, { status: number; call: CallSummary }[]>();
      for (const a of answers) byId.set(a.call.externalId!, [...(byId.get(a.call.externalId!) ?? []), a]);
      expect(byId.size).toBe(61);
      for (const [externalId, got] of byId) {
        // exactly one answer says created; a repeat names the same call
        expect(
          got.filter((g) => g.status === 201),
          externalId,
        ).toHaveLength(1);
        expect(new Set(got.map((g) => g.call.id)).size, externalId).toBe(1);
      }
      const calls = await server.prisma.call.findMany({ where: { centreId: centre.id, externalId: { startsWith: run } } });
      expect(calls).toHaveLength(61);

      // each early position is on its own call (and in the answer telephony got), the other centre's on none
      // (of the two calls from call 3's phone, one gets its position, as if one came after the other)
      const fromThree = calls.filter((c) => c.externalId === `${run}-3` || c.externalId === `${run}-3b`);
      expect(fromThree.filter((c) => c.lat !== null).map((c) => [c.lat, c.lon])).toEqual([[60.39, 5.32]]);
      const withPosition = calls.filter((c) => c.lat !== null && !fromThree.includes(c)).map((c) => [c.externalId, c.lat, c.lon]);
      expect(withPosition.sort()).toEqual(
        early
          .filter((p) => p.i !== 3)
          .map((p) => [`${run}-${p.i}`, p.lat, p.lon])
          .sort(),
      );
      expect(byId.get(`${run}-17`)![0]!.call).toMatchObject({ lat: 60.4, lon: 5.3 });

      // the console heard of every call once; a later call's event proves nothing more is on its way
      await ring(`${run}-last`, numbers[0]!);
      await expect.poll(() => heardOf(`${run}-last`)).toBe(1);
      expect(numbers.map((_, i) => heardOf(`${run}-${i}`)).filter((n) => n !== 1)).toEqual([]);
      expect(heardOf(`${run}-3b`)).toBe(1);
    } finally {
      console_.close();
    }
  });
});
