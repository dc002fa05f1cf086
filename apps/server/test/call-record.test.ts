// The call record: audited reads, validated patient data, the append-only journal, triage with
// the index, links between calls and closing. Through the routes with real sessions, as users of
// an AMK centre of the file's own and of another (support/factories.ts), not the demo's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor, cookieForNewUser } from './support/integration.js';
import { createCentre, createUser } from './support/factories.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
let amk: string;
let forde: string;
let admin: string;
let operatorName: string;

beforeAll(async () => {
  app = await buildTestApp(prisma);
  const [centre, other] = await Promise.all([createCentre(prisma), createCentre(prisma)]);
  const operator = await createUser(prisma, centre.id, { displayName: 'Ingrid Haugland' });
  operatorName = operator.username;
  [amk, forde, admin] = await Promise.all([
    cookieFor(app, operator.username),
    cookieForNewUser(app, prisma, other.id),
    cookieForNewUser(app, prisma, centre.id, { role: 'admin' }),
  ]);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

async function newCall(extra: Record<string, unknown> = {}) {
  const id = crypto.randomUUID();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/calls',
    headers: { cookie: amk },
    payload: { id, line: '113', callerNumber: '+4791112222', ...extra },
  });
  expect(res.statusCode).toBe(201);
  return id;
}
const req = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: object, cookie = amk) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('the call record', () => {
  it('every read is written to the audit log with who and which call', async () => {
    const id = await newCall();
    const before = await prisma.auditLog.count({ where: { action: 'call.read', entityId: id } });
    const res = await req('GET', `/api/v1/calls/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().journal[0].text).toBe('Henvendelse registrert manuelt');
    // …and as a key for consoles in another language
    expect(res.json().journal[0].message).toEqual({ key: 'call.registeredManually', params: {} });
    const audit = await prisma.auditLog.findMany({ where: { action: 'call.read', entityId: id } });
    expect(audit).toHaveLength(before + 1);
    expect(audit.at(-1)).toMatchObject({ actorName: operatorName, entityType: 'Call' });
  });

  it('every answer that carries the record after a change is audited too, naming the change', async () => {
    const id = await newCall();
    const reads = () => prisma.auditLog.findMany({ where: { action: 'call.read', entityId: id }, orderBy: { id: 'asc' } });
    const before = (await reads()).length;
    expect((await req('PATCH', `/api/v1/calls/${id}`, { patientName: 'Kari Nordmann' })).json().patientName).toBe('Kari Nordmann');
    const noted = await req('POST', `/api/v1/calls/${id}/journal`, { text: 'Pasienten puster' });
    expect(noted.statusCode).toBe(200);
    // The system's line names the field (never the value) with a key; the typed line has none.
    expect(
      noted
        .json()
        .journal.slice(-2)
        .map((j: { text: string; message: unknown }) => [j.text, j.message]),
    ).toEqual([
      ['Endret: pasientens navn', { key: 'call.changed', params: { fields: 'patientName' } }],
      ['Pasienten puster', null],
    ]);
    const after = await reads();
    expect(after).toHaveLength(before + 2);
    expect(after.slice(-2).map((a) => a.detail)).toEqual([{ after: 'update' }, { after: 'journal' }]);
  });

  it('another centre cannot read or change it (404: it does not learn the call exists)', async () => {
    const id = await newCall();
    expect((await req('GET', `/api/v1/calls/${id}`, undefined, forde)).statusCode).toBe(404);
    expect((await req('PATCH', `/api/v1/calls/${id}`, { patientName: 'X' }, forde)).statusCode).toBe(404);
  });

  it('a valid fødselsnummer fills birth date and sex; the journal names the change, never the number', async () => {
    const id = await newCall();
    const res = await req('PATCH', `/api/v1/calls/${id}`, {
      patientName: 'Ola Nordmann',
      nationalId: '15019012155',
      language: 'en',
      interpreterUsed: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      patientName: 'Ola Nordmann',
      nationalId: '15019012155',
      birthDate: '1990-01-15',
      sex: 'MALE',
      language: 'en',
      interpreterUsed: true,
    });
    const journal = res
      .json()
      .journal.map((j: { text: string }) => j.text)
      .join('\n');
    expect(journal).toMatch(/fødselsnummer/);
    expect(journal).not.toContain('15019012155');
  });

  it('refuses a fødselsnummer with a wrong check digit, and writes nothing', async () => {
    const id = await newCall();
    const res = await req('PATCH', `/api/v1/calls/${id}`, { patientName: 'Kari', nationalId: '15019012156' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^nationalId: /);
    const row = await prisma.call.findUniqueOrThrow({ where: { id } });
    expect(row.patientName).toBeNull();
  });

  it('refuses unknown fields and empty changes', async () => {
    const id = await newCall();
    expect((await req('PATCH', `/api/v1/calls/${id}`, { state: 'ENDED' })).statusCode).toBe(400);
    expect((await req('PATCH', `/api/v1/calls/${id}`, {})).json().message).toMatch(/at least one field/);
  });

  it('a position set by hand resolves its kommune', async () => {
    const id = await newCall();
    const res = await req('PATCH', `/api/v1/calls/${id}`, { lat: 61.4522, lon: 5.8572, addressText: 'Førde sentrum' });
    expect(res.json()).toMatchObject({ kommunenummer: '4647', positionMethod: 'MANUAL' });
  });

  it('the journal only grows', async () => {
    const id = await newCall();
    await req('POST', `/api/v1/calls/${id}/journal`, { text: 'Innringer er nabo.' });
    const res = await req('POST', `/api/v1/calls/${id}/journal`, { text: 'Pasienten puster.' });
    expect(
      res
        .json()
        .journal.map((j: { text: string; author: string }) => [j.author, j.text])
        .slice(-2),
    ).toEqual([
      ['Ingrid Haugland', 'Innringer er nabo.'],
      ['Ingrid Haugland', 'Pasienten puster.'],
    ]);
    expect((await req('POST', `/api/v1/calls/${id}/journal`, { text: '  ' })).statusCode).toBe(400);
  });
});

describe('triage with the index', () => {
  it('the criterion sets the urgency', async () => {
    const id = await newCall();
    const res = await req('POST', `/api/v1/calls/${id}/triage`, { criterionCode: 'H.06.02' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ criterionCode: 'H.06.02', urgency: 'H', urgencyReason: null });
  });

  it('a different urgency needs a reason, which is logged', async () => {
    const id = await newCall();
    const refused = await req('POST', `/api/v1/calls/${id}/triage`, { criterionCode: 'V.25.03', urgency: 'A' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'triage.reasonRequired',
      message: 'Criterion V.25.03 gives urgency normal (green). Write a reason to set acute (red).',
    });
    const inNorwegian = await app.inject({
      method: 'POST',
      url: `/api/v1/calls/${id}/triage`,
      headers: { cookie: amk, 'accept-language': 'nb' },
      payload: { criterionCode: 'V.25.03', urgency: 'A' },
    });
    expect(inNorwegian.json().message).toBe(
      'Kriterium V.25.03 gir hastegrad vanlig (grønn). Skriv en begrunnelse for å sette akutt (rød).',
    );
    const ok = await req('POST', `/api/v1/calls/${id}/triage`, {
      criterionCode: 'V.25.03',
      urgency: 'A',
      reason: 'Blodfortynnende, blør mye',
    });
    expect(ok.json()).toMatchObject({ urgency: 'A', urgencyReason: 'Blodfortynnende, blør mye' });
    expect(
      ok.json().journal.some((j: { kind: string; text: string }) => j.kind === 'URGENCY_CHANGE' && j.text.includes('fra V til A')),
    ).toBe(true);
  });

  it('names an unknown criterion and a malformed code', async () => {
    const id = await newCall();
    const unknown = await req('POST', `/api/v1/calls/${id}/triage`, { criterionCode: 'A.99.99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/unknown criterion 'A.99.99'/);
    const malformed = await req('POST', `/api/v1/calls/${id}/triage`, { criterionCode: 'heart' });
    expect(malformed.json().message).toMatch(/A.06.01/);
  });

  it('lists the sample catalogue, marked as sample', async () => {
    const res = await req('GET', '/api/v1/triage/criteria');
    expect(res.json().criteria.length).toBeGreaterThanOrEqual(10);
    expect(res.json().criteria.every((c: { isSample: boolean }) => c.isSample)).toBe(true);
  });

  it('an admin imports a licensed CSV; a CSV with a bad line imports nothing', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/triage/criteria/import',
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: 'code;chapter;chapter_title;text\nH.30.01;30;Test;Ok\nX.30.02;30;Test;Bad',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/line 3/);
    expect(await prisma.triageCriterion.findUnique({ where: { code: 'H.30.01' } })).toBeNull();
    const good = await app.inject({
      method: 'POST',
      url: '/api/v1/triage/criteria/import',
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: 'code;chapter;chapter_title;text\nH.30.01;30;Test;Ok\nV.30.02;30;Test;Ok',
    });
    expect(good.json()).toEqual({ imported: 2, errors: [] });
    const operator = await app.inject({
      method: 'POST',
      url: '/api/v1/triage/criteria/import',
      headers: { cookie: amk, 'content-type': 'text/csv' },
      payload: 'code;chapter;chapter_title;text\nH.30.03;30;T;T',
    });
    expect(operator.statusCode).toBe(403);
  });
});

describe('incidents and closing', () => {
  it('links two calls about the same incident', async () => {
    const a = await newCall({ addressText: 'E39 ved Os' });
    const b = await newCall();
    const res = await req('POST', `/api/v1/calls/${a}/link`, { otherCallId: b });
    expect(res.statusCode).toBe(200);
    expect(res.json().linkedCalls.map((c: { id: string }) => c.id)).toEqual([b]);
    const other = await req('GET', `/api/v1/calls/${b}`);
    expect(other.json().incidentId).toBe(res.json().incidentId);
  });

  it('closing takes the call off the open list', async () => {
    const id = await newCall();
    const res = await req('POST', `/api/v1/calls/${id}/close`);
    expect(res.json().closedAt).not.toBeNull();
    const open = await req('GET', '/api/v1/calls');
    expect(open.json().calls.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});
