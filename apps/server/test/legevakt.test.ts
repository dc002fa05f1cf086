// § 7 on the doctor roster, § 11 on the crew for a shift, and home visits for the doctor on call.
// The centres, users and units are this file's own (support/factories.ts), except where the test
// is about the demo seed itself (tonight's roster) or Bergen's kommuner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCentre, createIntegrationKey, createUnit, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
/** Operators of this file's own legevaktsentral and AMK centre. */
let lv: string;
let amk: string;
let lvCentre: { id: string; code: string };
let amkCentre: { id: string; code: string };

beforeAll(async () => {
  app = await buildTestApp(prisma);
  [lvCentre, amkCentre] = await Promise.all([createCentre(prisma, { kind: 'LVS' }), createCentre(prisma)]);
  const [lvUser, amkUser] = await Promise.all([createUser(prisma, lvCentre.id, { role: 'lv_operator' }), createUser(prisma, amkCentre.id)]);
  [lv, amk] = await Promise.all([cookieFor(app, lvUser.username), cookieFor(app, amkUser.username)]);
});
afterAll(async () => {
  await app.close();
  await prisma.$disconnect();
});

const shift = (extra: Record<string, unknown>) => ({
  district: 'Test',
  doctorName: 'Lege Test',
  fromAt: '2030-01-01T15:00:00Z',
  toAt: '2030-01-02T07:00:00Z',
  ...extra,
});

describe('the doctor-on-call roster (§ 7)', () => {
  it('flags a doctor who may not be alone while no backup covers the shift, and clears it when one does', async () => {
    const q = '?from=2030-01-01T00:00:00Z&to=2030-01-03T00:00:00Z';
    const add = (body: object) => app.inject({ method: 'POST', url: '/api/v1/legevakt/roster', headers: { cookie: lv }, payload: body });
    expect(
      (
        await add(
          shift({ doctorName: 'Lege Ny', approvedGp: true, watchesDone: 10, courseEmergencyMedicine: true, courseViolenceAndAbuse: true }),
        )
      ).statusCode,
    ).toBe(201);
    let roster = (await app.inject({ method: 'GET', url: `/api/v1/legevakt/roster${q}`, headers: { cookie: lv } })).json();
    const ny = roster.shifts.find((s: { doctorName: string }) => s.doctorName === 'Lege Ny');
    expect(ny.mayBeAlone).toBe(false);
    expect(ny.flags.map((f: { code: string }) => f.code)).toEqual(['NO_QUALIFIED_BACKUP']);

    await add(
      shift({
        doctorName: 'Bakvakt Erfaren',
        isBackup: true,
        specialistGeneralPractice: true,
        courseViolenceAndAbuse: true,
        courseEmergencyMedicine: true,
      }),
    );
    roster = (await app.inject({ method: 'GET', url: `/api/v1/legevakt/roster${q}`, headers: { cookie: lv } })).json();
    expect(roster.shifts.find((s: { doctorName: string }) => s.doctorName === 'Lege Ny').flags).toEqual([]);
  });

  it('a backup in another district, or one who covers only part of the watch, leaves the flag', async () => {
    const q = '?from=2031-01-01T00:00:00Z&to=2031-01-03T00:00:00Z';
    const add = (body: object) => app.inject({ method: 'POST', url: '/api/v1/legevakt/roster', headers: { cookie: lv }, payload: body });
    const watch = { fromAt: '2031-01-01T15:00:00Z', toAt: '2031-01-02T07:00:00Z' };
    const qualified = { isBackup: true, specialistGeneralPractice: true, courseViolenceAndAbuse: true };
    await add({ ...watch, district: 'Vest', doctorName: 'Lege Vest', approvedGp: true, watchesDone: 10 });
    await add({ ...watch, district: 'Øst', doctorName: 'Bakvakt Øst', ...qualified });
    await add({
      district: 'Vest',
      doctorName: 'Bakvakt Kveld',
      fromAt: '2031-01-01T15:00:00Z',
      toAt: '2031-01-01T23:00:00Z',
      ...qualified,
    });
    const flagsOf = async () =>
      (await app.inject({ method: 'GET', url: `/api/v1/legevakt/roster${q}`, headers: { cookie: lv } }))
        .json()
        .shifts.find((s: { doctorName: string }) => s.doctorName === 'Lege Vest').flags;
    expect((await flagsOf()).map((f: { code: string }) => f.code)).toEqual(['NO_QUALIFIED_BACKUP']);
    // The night is covered by a second backup: the whole watch is covered.
    await add({ district: 'Vest', doctorName: 'Bakvakt Natt', fromAt: '2031-01-01T23:00:00Z', toAt: '2031-01-02T07:00:00Z', ...qualified });
    expect(await flagsOf()).toEqual([]);
  });

  it('keeps the statsforvalter’s exemption (§ 7 third paragraph) and honours it on the days it covers', async () => {
    const q = '?from=2032-03-01T00:00:00Z&to=2032-03-03T00:00:00Z';
    const add = (body: object) => app.inject({ method: 'POST', url: '/api/v1/legevakt/roster', headers: { cookie: lv }, payload: body });
    const vikar = { district: 'Unntak', approvedGp: true, watchesDone: 2 };
    const exemption = { reference: 'SF-VL 2032/118', validFrom: '2032-02-15', validTo: '2032-03-01' };
    expect(
      (await add({ ...vikar, doctorName: 'Vikar Inne', fromAt: '2032-03-01T07:00:00Z', toAt: '2032-03-01T15:00:00Z', exemption }))
        .statusCode,
    ).toBe(201);
    // The second watch ends on 2 March, after the exemption: it is flagged.
    expect(
      (await add({ ...vikar, doctorName: 'Vikar Ute', fromAt: '2032-03-01T15:00:00Z', toAt: '2032-03-02T07:00:00Z', exemption }))
        .statusCode,
    ).toBe(201);
    const shifts = (await app.inject({ method: 'GET', url: `/api/v1/legevakt/roster${q}`, headers: { cookie: lv } })).json().shifts;
    const inne = shifts.find((s: { doctorName: string }) => s.doctorName === 'Vikar Inne');
    const ute = shifts.find((s: { doctorName: string }) => s.doctorName === 'Vikar Ute');
    expect(inne).toMatchObject({ mayBeAlone: true, flags: [], exemption });
    expect(inne.reasons[0]).toContain('§ 7 tredje ledd');
    expect(ute.mayBeAlone).toBe(false);
    expect(ute.flags.map((f: { code: string }) => f.code)).toEqual(['NO_QUALIFIED_BACKUP']);
  });

  it('refuses an exemption longer than two months, or for a backup doctor, naming why', async () => {
    const add = (body: object) => app.inject({ method: 'POST', url: '/api/v1/legevakt/roster', headers: { cookie: lv }, payload: body });
    const tooLong = await add(shift({ exemption: { reference: 'SF 1', validFrom: '2030-01-01', validTo: '2030-04-01' } }));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().message).toContain('inntil to måneder');
    const backup = await add(shift({ isBackup: true, exemption: { reference: 'SF 2', validFrom: '2030-01-01', validTo: '2030-01-31' } }));
    expect(backup.statusCode).toBe(400);
    expect(backup.json().message).toContain('backup doctor cannot be exempted');
  });

  it('lists every stretch with no doctor on call, per district (døgnkontinuerlig legevakt, § 6)', async () => {
    const q = '?from=2033-05-01T00:00:00Z&to=2033-05-02T00:00:00Z';
    const add = (body: object) => app.inject({ method: 'POST', url: '/api/v1/legevakt/roster', headers: { cookie: lv }, payload: body });
    const doctor = { district: 'Hull', specialistGeneralPractice: true, courseViolenceAndAbuse: true };
    await add({ ...doctor, doctorName: 'Dag', fromAt: '2033-05-01T06:00:00Z', toAt: '2033-05-01T14:00:00Z' });
    await add({ ...doctor, doctorName: 'Kveld', fromAt: '2033-05-01T16:00:00Z', toAt: '2033-05-02T00:00:00Z' });
    await add({ ...doctor, doctorName: 'Bakvakt', isBackup: true, fromAt: '2033-05-01T00:00:00Z', toAt: '2033-05-02T00:00:00Z' });
    const roster = (await app.inject({ method: 'GET', url: `/api/v1/legevakt/roster${q}`, headers: { cookie: lv } })).json();
    // A district rostered before but with nobody in the window is one gap from start to end.
    await add({ ...doctor, district: 'Tom', doctorName: 'Sist måned', fromAt: '2033-04-20T06:00:00Z', toAt: '2033-04-20T14:00:00Z' });
    const later = (await app.inject({ method: 'GET', url: `/api/v1/legevakt/roster${q}`, headers: { cookie: lv } })).json();
    expect(later.gaps.filter((g: { district: string }) => g.district === 'Tom')).toEqual([
      { district: 'Tom', from: '2033-05-01T00:00:00.000Z', to: '2033-05-02T00:00:00.000Z' },
    ]);
    expect(roster.gaps.filter((g: { district: string }) => g.district === 'Hull')).toEqual([
      { district: 'Hull', from: '2033-05-01T00:00:00.000Z', to: '2033-05-01T06:00:00.000Z' },
      { district: 'Hull', from: '2033-05-01T14:00:00.000Z', to: '2033-05-01T16:00:00.000Z' },
    ]);
  });

  it('refuses a shift that ends before it starts, and AMK cannot keep a legevakt roster', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/legevakt/roster',
      headers: { cookie: lv },
      payload: shift({ toAt: '2030-01-01T10:00:00Z' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/end after it starts/);
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/legevakt/roster', headers: { cookie: amk }, payload: shift({}) })).statusCode,
    ).toBe(403);
  });

  it('seeds tonight’s roster with a flagged doctor', async () => {
    const lvBergen = await cookieFor(app, 'lv.bergen');
    const roster = (await app.inject({ method: 'GET', url: '/api/v1/legevakt/roster', headers: { cookie: lvBergen } })).json();
    expect(roster.shifts.find((s: { doctorName: string }) => s.doctorName === 'Lege Jonas Strand').flags.length).toBe(1);
    expect(roster.shifts.find((s: { doctorName: string }) => s.doctorName === 'Lege Anne Fjell').mayBeAlone).toBe(true);
  });
});

describe('town or rural (the response-time guideline per kommune)', () => {
  it('an administrator sets it; the preparedness guideline follows', async () => {
    // A kommunenummer has four digits, so this one is real (Askøy), put back at the end; the
    // centre covering it, its administrator and operator are the test's own.
    const bergen = await createCentre(prisma, { kommuner: ['4627'] });
    const [admin, amkBergen] = await Promise.all([
      cookieFor(app, (await createUser(prisma, bergen.id, { role: 'admin' })).username),
      cookieFor(app, (await createUser(prisma, bergen.id)).username),
    ]);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/kommuner/4627/settlement-class',
      headers: { cookie: admin },
      payload: { settlementClass: 'TOWN' },
    });
    expect(res.json()).toEqual({ nummer: '4627', navn: 'Askøy', settlementClass: 'TOWN' });
    const prep = (await app.inject({ method: 'GET', url: '/api/v1/preparedness', headers: { cookie: amkBergen } })).json();
    expect(prep.kommuner.find((k: { kommunenummer: string }) => k.kommunenummer === '4627').guidelineMinutes).toBe(12);
    await app.inject({
      method: 'PUT',
      url: '/api/v1/kommuner/4627/settlement-class',
      headers: { cookie: admin },
      payload: { settlementClass: 'RURAL' },
    });
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/kommuner/4647/settlement-class',
          headers: { cookie: admin },
          payload: { settlementClass: 'TOWN' },
        })
      ).statusCode,
    ).toBe(404); // Førde's, not this centre's
  });
});

describe('crew for the shift (§ 11)', () => {
  it('flags an ambulance with one authorised worker and a driver without authorisation; two authorised pass', async () => {
    const unit = await createUnit(prisma, amkCentre.id);
    const put = (members: object[]) =>
      app.inject({ method: 'PUT', url: `/api/v1/units/${unit.id}/crew`, headers: { cookie: amk }, payload: { members } });
    const short = await put([{ personName: 'Kari', authorisation: 'AMBULANCE_WORKER' }]);
    expect(short.json()).toMatchObject({ crewOk: false });
    expect(short.json().crewProblem).toBeTruthy();
    const ok = await put([
      { personName: 'Kari', authorisation: 'AMBULANCE_WORKER' },
      { personName: 'Ola', authorisation: 'PARAMEDIC' },
    ]);
    expect(ok.json()).toMatchObject({ crewOk: true, crewProblem: null });
    expect(await prisma.crewAssignment.count({ where: { unitId: unit.id, toAt: null } })).toBe(2);
  });
});

describe('home visits', () => {
  it('the legevaktsentral sends its doctor on call on a sykebesøk; AMK cannot', async () => {
    const callId = crypto.randomUUID();
    await app.inject({
      method: 'POST',
      url: '/api/v1/calls',
      headers: { cookie: lv },
      payload: { id: callId, line: '116117', lat: 60.38, lon: 5.34 },
    });
    const car = await createUnit(prisma, lvCentre.id, { kind: 'LEGEVAKT_CAR' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: lv },
      payload: { id: crypto.randomUUID(), callId, kind: 'HOME_VISIT', unitIds: [car.id] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'HOME_VISIT', units: [{ callSign: car.callSign }] });
    const missionId = res.json().id;

    // The legevakt car's terminal reports en route, on scene and free; the home visit follows.
    const key = await createIntegrationKey(prisma, lvCentre.code, 'legevakt test terminal');
    const report = (status: string, at: Date) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/integrations/units/${car.callSign}/status`,
        headers: { authorization: `Bearer ${key}` },
        payload: { status, at: at.toISOString() },
      });
    const t0 = Date.now();
    for (const [i, status] of ['EN_ROUTE', 'ON_SCENE', 'AVAILABLE_ON_THE_MOVE'].entries())
      expect((await report(status, new Date(t0 + (i + 1) * 1_000))).statusCode).toBe(200);
    const visit = (await app.inject({ method: 'GET', url: `/api/v1/missions/${missionId}`, headers: { cookie: lv } })).json();
    expect(visit.timeline.map((e: { status: string }) => e.status)).toEqual(['ALERTED', 'EN_ROUTE', 'ON_SCENE', 'AVAILABLE_ON_THE_MOVE']);
    expect(visit.responseMinutes).not.toBeNull();
    expect(visit.units[0].releasedAt).not.toBeNull();

    const amkCall = crypto.randomUUID();
    await app.inject({ method: 'POST', url: '/api/v1/calls', headers: { cookie: amk }, payload: { id: amkCall, line: '113' } });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: amk },
      payload: { id: crypto.randomUUID(), callId: amkCall, kind: 'HOME_VISIT', unitIds: [car.id] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/sent by a legevaktsentral/);
  });
});
