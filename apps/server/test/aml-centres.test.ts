// A caller position belongs to the centre whose integration key delivered it: it is matched only
// to that centre's calls, and the duplicate check is per centre (issue 15, hole 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createIntegrationKeyService } from '../src/auth/integration-keys.service.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { amlSms, asIntegration } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
const gw: Record<string, ReturnType<typeof asIntegration>> = {};

beforeAll(async () => {
  app = await buildTestApp(prisma);
  const keys = createIntegrationKeyService(prisma);
  for (const centre of ['AMK-BERGEN', 'AMK-FORDE', 'LVS-BERGEN'])
    gw[centre] = asIntegration(app, (await keys.create(`aml ${centre}`, centre)).key);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

let n = 0;
const uniqueNumber = () => `+478${String(Date.now() % 1e6).padStart(6, '0')}${n++ % 10}`;
const ring = (centre: string, msisdn: string) =>
  gw[centre]!.ring(`aml-centre-${centre}-${msisdn}`, msisdn, { centre, line: centre.startsWith('LVS') ? '116117' : '113' });

describe('AML across centres', () => {
  it("the same message sent with two centres' keys gives each centre its own call's position", async () => {
    const msisdn = uniqueNumber();
    const bergen = await ring('AMK-BERGEN', msisdn);
    const forde = await ring('AMK-FORDE', msisdn);
    expect([bergen.statusCode, forde.statusCode]).toEqual([201, 201]);
    const text = amlSms({ lat: 61.45, lon: 5.85, radius: 15, at: new Date(Date.now() - 3_000) });

    const toBergen = await gw['AMK-BERGEN']!.amlSms(text, msisdn);
    const toForde = await gw['AMK-FORDE']!.amlSms(text, msisdn);
    expect(toBergen.json().callId).toBe(bergen.json().id);
    expect(toForde.json().callId).toBe(forde.json().id);
    for (const call of [bergen.json(), forde.json()]) {
      expect(await prisma.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ lat: 61.45, lon: 5.85, positionRadiusM: 15 });
    }
    // and delivered again to one centre, it is still one position there
    await gw['AMK-FORDE']!.amlSms(text, msisdn);
    expect(await prisma.callerPosition.count({ where: { msisdn: msisdn.replace('+', '') } })).toBe(2);
  });

  it("a position sent with the legevaktsentral's key never joins another centre's later call from that number", async () => {
    const msisdn = uniqueNumber();
    const early = await gw['LVS-BERGEN']!.amlSms(amlSms({ lat: 61.45, lon: 5.85, radius: 20, at: new Date() }), msisdn);
    expect(early.statusCode).toBe(200);
    expect(early.json().callId).toBeNull();

    const forde = await ring('AMK-FORDE', msisdn);
    expect(forde.statusCode).toBe(201);
    expect(forde.json()).toMatchObject({ lat: null, lon: null });
    const positions = await prisma.callerPosition.findMany({ where: { msisdn: msisdn.replace('+', '') } });
    expect(positions.map((p) => p.callId)).toEqual([null]);

    // the legevaktsentral's own call from that number does get it
    const lvs = await ring('LVS-BERGEN', msisdn);
    expect(lvs.json()).toMatchObject({ lat: 61.45, lon: 5.85, positionRadiusM: 20 });
  });
});
