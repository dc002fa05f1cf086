// A caller position belongs to the centre whose integration key delivered it: it is matched only
// to that centre's calls, and the duplicate check is per centre (issue 15, hole 4). The centres
// and their gateway keys are this file's own (support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createIntegrationKey } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { amlSms, asIntegration } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
/** Two AMK centres ("Bergen", "Førde") and a legevaktsentral, each with its AML gateway and telephony key. */
type Name = 'bergen' | 'forde' | 'lvs';
const centres = {} as Record<Name, { id: string; code: string; kind: string }>;
const gw = {} as Record<Name, ReturnType<typeof asIntegration>>;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  [centres.bergen, centres.forde, centres.lvs] = await Promise.all([
    createCentre(prisma),
    createCentre(prisma),
    createCentre(prisma, { kind: 'LVS' }),
  ]);
  for (const name of ['bergen', 'forde', 'lvs'] as const) {
    const { code } = centres[name];
    gw[name] = asIntegration(app, await createIntegrationKey(prisma, code, `aml ${code}`), code);
  }
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

let n = 0;
const uniqueNumber = () => `+478${String(Date.now() % 1e6).padStart(6, '0')}${n++ % 10}`;
const ring = (name: Name, msisdn: string) =>
  gw[name].ring(`aml-centre-${name}-${msisdn}`, msisdn, { line: centres[name].kind === 'LVS' ? '116117' : '113' });
/** The positions of a number that this file's centres were sent. */
const positionsOf = (msisdn: string) =>
  prisma.callerPosition.findMany({
    where: { msisdn: msisdn.replace('+', ''), centreId: { in: Object.values(centres).map((c) => c.id) } },
  });

describe('AML across centres', () => {
  it("the same message sent with two centres' keys gives each centre its own call's position", async () => {
    const msisdn = uniqueNumber();
    const bergen = await ring('bergen', msisdn);
    const forde = await ring('forde', msisdn);
    expect([bergen.statusCode, forde.statusCode]).toEqual([201, 201]);
    const text = amlSms({ lat: 61.45, lon: 5.85, radius: 15, at: new Date(Date.now() - 3_000) });

    const toBergen = await gw.bergen.amlSms(text, msisdn);
    const toForde = await gw.forde.amlSms(text, msisdn);
    expect(toBergen.json().callId).toBe(bergen.json().id);
    expect(toForde.json().callId).toBe(forde.json().id);
    for (const call of [bergen.json(), forde.json()]) {
      expect(await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ lat: 61.45, lon: 5.85, positionRadiusM: 15 });
    }
    // and delivered again to one centre, it is still one position there
    await gw.forde.amlSms(text, msisdn);
    const positions = await positionsOf(msisdn);
    expect(positions.map((p) => p.centreId).sort()).toEqual([centres.bergen.id, centres.forde.id].sort());
  });

  it("a position sent with the legevaktsentral's key never joins another centre's later call from that number", async () => {
    const msisdn = uniqueNumber();
    const early = await gw.lvs.amlSms(amlSms({ lat: 61.45, lon: 5.85, radius: 20, at: new Date() }), msisdn);
    expect(early.statusCode).toBe(200);
    expect(early.json().callId).toBeNull();

    const forde = await ring('forde', msisdn);
    expect(forde.statusCode).toBe(201);
    expect(forde.json()).toMatchObject({ lat: null, lon: null });
    const positions = await positionsOf(msisdn);
    expect(positions.map((p) => [p.centreId, p.callId])).toEqual([[centres.lvs.id, null]]);

    // the legevaktsentral's own call from that number does get it
    const lvs = await ring('lvs', msisdn);
    expect(lvs.json()).toMatchObject({ lat: 61.45, lon: 5.85, positionRadiusM: 20 });
  });
});
