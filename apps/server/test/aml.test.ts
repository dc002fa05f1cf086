// Caller position (AML) by SMS and HTTPS: attached to the open call from that number, or kept
// until the call arrives; the kommune from Kartverket's outlines; malformed messages get a 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createIntegrationKey } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { amlSms, asIntegration } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let gw: ReturnType<typeof asIntegration>;
/** The file's own centre: its calls ring there, and its gateway's positions join them. */
let centre: { id: string; code: string };

beforeAll(async () => {
  app = await buildTestApp(prisma);
  centre = await createCentre(prisma);
  gw = asIntegration(app, await createIntegrationKey(prisma, centre.code, 'aml gateway'), centre.code);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

let n = 0;
const uniqueNumber = () => `+479${String(Date.now() % 1e6).padStart(6, '0')}${n++ % 10}`;

describe('AML by SMS', () => {
  it('attaches to the open call from that number and resolves the kommune', async () => {
    const msisdn = uniqueNumber();
    const call = (await gw.ring(`aml-${msisdn}`, msisdn)).json();
    const at = new Date(Date.now() - 5_000);
    const res = await gw.amlSms(amlSms({ lat: 60.3929, lon: 5.3241, radius: 12, at }), msisdn.replace('+', ''));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      callId: call.id,
      position: {
        lat: 60.3929,
        lon: 5.3241,
        radiusM: 12,
        at: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(),
        method: 'GNSS',
      },
      kommunenummer: '4601',
      kommunenavn: 'Bergen',
    });
    const row = await prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(row).toMatchObject({ lat: 60.3929, lon: 5.3241, positionRadiusM: 12, kommunenummer: '4601' });
  });

  it('a position that arrives before its call waits and joins it when the call rings', async () => {
    const msisdn = uniqueNumber();
    const early = await gw.amlSms(amlSms({ lat: 60.42, lon: 5.28, radius: 30, at: new Date() }), msisdn);
    expect(early.json().callId).toBeNull();
    expect(early.json().kommunenummer).toBe('4601'); // Byfjorden: in the sea, nearest kommune
    const call = (await gw.ring(`aml-late-${msisdn}`, msisdn)).json();
    expect(call).toMatchObject({ lat: 60.42, lon: 5.28, positionRadiusM: 30, kommunenummer: '4601' });
  });

  it('in a burst of calls, the one whose position waits gets it, and every call its one event as answered', async () => {
    const numbers = Array.from({ length: 6 }, uniqueNumber);
    await gw.amlSms(amlSms({ lat: 60.42, lon: 5.28, radius: 30, at: new Date() }), numbers[3]!);
    // At once, so telephony's calls are registered together (lib/write-batcher.ts).
    const answers = await Promise.all(numbers.map((msisdn) => gw.ring(`aml-burst-${msisdn}`, msisdn)));
    expect(answers.map((a) => a.statusCode)).toEqual(numbers.map(() => 201));
    const calls = answers.map((a) => a.json());
    expect(calls.map((c) => c.lat)).toEqual([null, null, null, 60.42, null, null]);
    for (const call of calls) {
      const events = await prisma.event.findMany({ where: { type: 'call.upserted', data: { path: ['id'], equals: call.id } } });
      expect(events.map((e) => e.data)).toEqual([call]);
    }
  });

  it('the same message twice is one position', async () => {
    const msisdn = uniqueNumber();
    await gw.ring(`aml-dup-${msisdn}`, msisdn);
    const text = amlSms({ lat: 60.39, lon: 5.33, radius: 8, at: new Date() });
    await gw.amlSms(text, msisdn);
    await gw.amlSms(text, msisdn);
    expect(await prisma.callerPosition.count({ where: { msisdn: msisdn.replace('+', '') } })).toBe(1);
  });

  it('a point abroad has kommunenummer null', async () => {
    const res = await gw.amlSms(amlSms({ lat: 59.3293, lon: 18.0686, radius: 50, at: new Date() }), uniqueNumber());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kommunenummer: null, kommunenavn: null });
  });

  it.each([
    ['no header', 'lt=+60.1;lg=+5.3', /AML/],
    ['latitude out of range', amlSms({ lat: 91, lon: 5.3, radius: 10, at: new Date() }), /lt/],
    ['wrong message length', amlSms({ lat: 60.1, lon: 5.3, radius: 10, at: new Date() }).replace(/ml=\d+$/, 'ml=12'), /ml/],
    ['empty', '', /./],
  ])('refuses a malformed SMS (%s) with a 400 naming the reason, and stores nothing', async (_name, text, reason) => {
    const msisdn = uniqueNumber();
    const res = await gw.amlSms(text, msisdn);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(reason);
    expect(await prisma.callerPosition.count({ where: { msisdn: msisdn.replace('+', '') } })).toBe(0);
  });

  it('refuses an SMS without a caller number', async () => {
    const res = await gw.amlSms(amlSms({ lat: 60.1, lon: 5.3, radius: 10, at: new Date() }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/caller number/);
  });
});

describe('AML by HTTPS', () => {
  it('attaches the form fields to the call', async () => {
    const msisdn = uniqueNumber();
    const call = (await gw.ring(`aml-https-${msisdn}`, msisdn)).json();
    const res = await gw.amlHttps({
      v: '3',
      device_number: msisdn.replace('+', ''),
      location_latitude: '61.4522',
      location_longitude: '5.8572',
      location_accuracy: '25',
      location_time: String(Date.now() - 2_000),
      location_source: 'gps',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      callId: call.id,
      kommunenummer: '4647',
      kommunenavn: 'Sunnfjord',
      position: { radiusM: 25, method: 'GNSS' },
    });
  });

  it('refuses a form without a latitude, and another content type', async () => {
    const missing = await gw.amlHttps({
      v: '3',
      device_number: '4790000000',
      location_longitude: '5.3',
      location_accuracy: '10',
      location_time: String(Date.now()),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/location_latitude/);
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/aml',
      headers: {
        authorization: `Bearer ${await createIntegrationKey(prisma, centre.code, 'x')}`,
        'content-type': 'application/xml',
      },
      payload: '<aml/>',
    });
    expect(json.statusCode).toBe(415);
  });
});
