// Akutthjelper alerting end to end on the server: the rule, proposals, one-action alerting,
// the responder's view (place only after accepting), acknowledgements live to AMK, SMS delivery,
// escalation, bistand and reports.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertSummary, ResponderAlert } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import {
  createAkutthjelperMember,
  createAkutthjelperUnit,
  createCentre,
  createIntegrationKey,
  createStation,
  createUnit,
  createUser,
  uniqueName,
} from './support/factories.js';
import { buildTestApp, databaseUrl, login, openConsole, startServer, waitFor, type TestServer } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

// The file's own AMK centre and akutthjelpere, laid out as the demo has them around Bergen
// (support/factories.ts): a fire station and a volunteer team under agreements for Bergen kommune
// (4601), an expired agreement, and the responder who leads the team. Every mission sends an
// ambulance made for it, so nothing is stood down or put back after a test.
let server: TestServer;
let amk: string;
/** Usernames of the file's users (password 'demo'). */
let people: Record<'amk' | 'supervisor' | 'lv' | 'responder' | 'admin' | 'forde', string>;
let centre: { id: string; code: string };
/** The volunteer team (its organisation's name) and its members. */
let folkehjelp: { organisation: string; marte: { id: string }; per: { id: string } };
/** Bergen ambulansestasjon, ~2.6 km from Torgallmenningen, and a station out of town (Os). */
let townStation: { id: string };
let outOfTownStation: { id: string };

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  const [forde, lvs] = await Promise.all([createCentre(prisma), createCentre(prisma, { kind: 'LVS', kommuner: ['4601'] })]);
  centre = await createCentre(prisma, { kommuner: ['4601'], neighbourCentreIds: [forde.id] });
  [townStation, outOfTownStation] = await Promise.all([
    createStation(prisma, centre.id, { lat: 60.3747, lon: 5.3531, kommunenummer: '4601' }),
    createStation(prisma, centre.id, { lat: 60.1855, lon: 5.4691, kommunenummer: '4624' }),
  ]);
  const agreement = { centreId: centre.id, kommuner: ['4601'] };
  // members stand a little apart around their station, as the demo's do
  const around = (unit: { lat: number; lon: number }, i: number) => ({ lat: unit.lat + 0.002 * i, lon: unit.lon - 0.003 * i });
  const fire = await createAkutthjelperUnit(prisma, { kind: 'BRANN', lat: 60.3892, lon: 5.3313, agreement });
  await Promise.all(['Geir Brann', 'Hanne Brann'].map((name, i) => createAkutthjelperMember(prisma, fire, { name, ...around(fire, i) })));
  const team = await createAkutthjelperUnit(prisma, { kind: 'FORF', lat: 60.3802, lon: 5.3418, agreement });
  await prisma.akutthjelperOrganisation.update({
    where: { id: team.organisation.id },
    data: { name: `Norsk Folkehjelp Bergen ${uniqueName('T')}` },
  });
  const expired = await createAkutthjelperUnit(prisma, {
    lat: 60.4085,
    lon: 5.2255,
    agreement: { ...agreement, validFrom: new Date('2022-01-01'), validTo: new Date('2025-06-30') },
  });
  await createAkutthjelperMember(prisma, expired, { name: 'Ola Askøy' });
  const users = {
    amk: await createUser(prisma, centre.id, { displayName: 'Ingrid Haugland' }),
    supervisor: await createUser(prisma, centre.id, { role: 'supervisor' }),
    lv: await createUser(prisma, lvs.id, { role: 'lv_operator' }),
    // The responder is in town, a few hundred metres from Torgallmenningen, and leads the team.
    responder: await createUser(prisma, centre.id, { role: 'responder', displayName: 'Marte Akutthjelper' }),
    admin: await createUser(prisma, centre.id, { role: 'admin' }),
    forde: await createUser(prisma, forde.id),
  };
  people = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.username])) as typeof people;
  const marte = await createAkutthjelperMember(prisma, team, {
    name: 'Marte Akutthjelper',
    userId: users.responder.id,
    lat: 60.3941,
    lon: 5.3262,
    isLeader: true,
  });
  const [per] = await Promise.all(
    ['Per Frivillig', 'Siri Frivillig'].map((name, i) => createAkutthjelperMember(prisma, team, { name, ...around(team, i + 1) })),
  );
  folkehjelp = {
    organisation: (await prisma.akutthjelperOrganisation.findUniqueOrThrow({ where: { id: team.organisation.id } })).name,
    marte,
    per: per!,
  };
  amk = await login(server, people.amk);
});
afterAll(async () => {
  await server.close();
});

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, 'accept-language': 'nb', ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

/**
 * A mission at a place, from a call of the file's centre, with an ambulance made for it — by
 * default at the station out of town (every member in Bergen arrives before it), or in town.
 */
async function mission(lat: number, lon: number, cookie = amk, from: 'town' | 'out of town' = 'out of town') {
  const callId = crypto.randomUUID();
  await api(cookie, 'POST', '/calls', { id: callId, line: '113', lat, lon, addressText: 'Torgallmenningen 1', urgency: 'A' });
  const unit = await createUnit(server.prisma, centre.id, { stationId: (from === 'town' ? townStation : outOfTownStation).id });
  const id = crypto.randomUUID();
  const res = await api(cookie, 'POST', '/missions', { id, callId, unitIds: [unit.id] });
  expect(res.status).toBe(201);
  return id;
}

describe('the rule', () => {
  it('proposes on-duty members with valid training under agreements in force, nearest first', async () => {
    const id = await mission(60.3929, 5.3241);
    const res = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`);
    expect(res.body.allowed).toBe(true);
    const names = res.body.candidates.map((c: { memberName: string }) => c.memberName);
    expect(names).toEqual(expect.arrayContaining(['Geir Brann', 'Marte Akutthjelper', 'Per Frivillig']));
    expect(names).not.toContain('Ola Askøy'); // expired agreement
    const d = res.body.candidates.map((c: { distanceKm: number }) => c.distanceKm);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(res.body.candidates.find((c: { memberName: string }) => c.memberName === 'Marte Akutthjelper').channel).toBe('PAGE');
  });

  it('refuses a kommune no agreement covers, in words, and offers bistand instead; the bistand request is recorded apart', async () => {
    const id = await mission(60.6286, 6.4115); // Voss
    const res = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS' });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/bistand/);
    const candidates = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`);
    expect(candidates.body).toMatchObject({ allowed: false, refusal: { offerBistand: true } });
    const bistand = await api(amk, 'POST', `/missions/${id}/bistand`, { kind: 'HELSE', reason: 'Bæring av pasient i terreng' });
    expect(bistand.status).toBe(201);
    expect(await server.prisma.akutthjelperAlert.count({ where: { missionId: id } })).toBe(0);
  });

  it('an LVS operator cannot alert, and an event type outside the scheme is refused', async () => {
    const id = await mission(60.3929, 5.3241);
    const lv = await login(server, people.lv);
    const lvs = await api(lv, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS' });
    expect(lvs.status).toBe(404); // not LVS's mission: it cannot even see it
    // Refused by the rule, not by the schema: 422, in Norwegian, with bistand offered instead.
    const wrongType = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'BRUDD' });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.message).toContain('Hendelsen er ikke en akutthjelperhendelse');
    expect(wrongType.body.message).toContain('bistand helse eller bistand kommune');
    const asked = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=BRUDD`);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      allowed: false,
      eventType: null,
      refusal: { code: 'EVENT_TYPE_NOT_COVERED_BY_SCHEME', offerBistand: true },
      candidates: [],
    });
    expect(await server.prisma.akutthjelperAlert.count({ where: { missionId: id } })).toBe(0);
  });
});

describe('only those who can arrive before the ambulance are proposed', () => {
  const distanceLimit = (maxRoadKm: number) =>
    server.prisma.centre.update({ where: { id: centre.id }, data: { akutthjelperMaxRoadKm: maxRoadKm } });

  it('an ambulance from the town station leaves out those it beats, and says so', async () => {
    // An ambulance at Bergen ambulansestasjon, ~2.6 km from Torgallmenningen: ~2.9 min by the estimate.
    const id = await mission(60.3929, 5.3241, amk, 'town');
    const res = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`);
    expect(res.body.allowed).toBe(true);
    expect(res.body.reach.ambulanceEtaMinutes).toBeGreaterThan(2);
    expect(res.body.reach.ambulanceEtaMinutes).toBeLessThan(4);
    const names = res.body.candidates.map((c: { memberName: string }) => c.memberName);
    expect(names).toContain('Marte Akutthjelper'); // a few hundred metres away
    expect(names).not.toContain('Per Frivillig'); // at Norsk Folkehjelp, 1.7 km: after the ambulance
    expect(res.body.reach.notBeforeAmbulance).toBeGreaterThanOrEqual(3);
    expect(res.body.reach.reasons).toContain(`${res.body.reach.notBeforeAmbulance} kommer ikke før ambulansen`);
    for (const c of res.body.candidates) expect(c.etaMinutes).toBeLessThan(res.body.reach.ambulanceEtaMinutes);
  });

  it('the centre’s distance limit, set by a supervisor (audited), leaves out those farther by road', async () => {
    const supervisor = await login(server, people.supervisor);
    expect((await api(amk, 'PUT', '/akutthjelper/settings', { maxRoadKm: 1 })).status).toBe(403);
    expect((await api(supervisor, 'PUT', '/akutthjelper/settings', { maxRoadKm: 0 })).status).toBe(400);
    const set = await api(supervisor, 'PUT', '/akutthjelper/settings', { maxRoadKm: 1 });
    expect(set).toMatchObject({ status: 200, body: { maxRoadKm: 1 } });
    expect(await server.prisma.auditLog.count({ where: { action: 'akutthjelper.settings', centreId: centre.id } })).toBeGreaterThanOrEqual(
      1,
    );
    try {
      const id = await mission(60.3929, 5.3241); // an ambulance from outside town: only the distance limits
      const res = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`);
      expect(res.body.reach).toMatchObject({ maxRoadKm: 1, notBeforeAmbulance: 0 });
      expect(res.body.reach.tooFar).toBeGreaterThanOrEqual(2); // Per and Siri at Norsk Folkehjelp, 1.7 km straight
      expect(res.body.reach.reasons[0]).toBe(`${res.body.reach.tooFar} lenger unna enn 1 km`);
      for (const c of res.body.candidates) expect(c.roadKm).toBeLessThanOrEqual(1);
      // and alerting one of them is refused as not eligible
      const far = folkehjelp.per;
      const refused = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS', memberIds: [far.id] });
      expect(refused.status).toBe(422);
    } finally {
      await distanceLimit(5);
    }
  });

  it('with the ambulance on scene nobody is proposed, and the refusal says why', async () => {
    const id = await mission(60.3929, 5.3241, amk, 'town');
    const unit = (await server.prisma.missionUnit.findFirstOrThrow({ where: { missionId: id }, include: { unit: true } })).unit;
    await api(amk, 'POST', `/units/${unit.id}/status`, { status: 'EN_ROUTE' });
    await api(amk, 'POST', `/units/${unit.id}/status`, { status: 'ON_SCENE' });
    const res = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`);
    expect(res.body.candidates).toEqual([]);
    expect(res.body.reach.ambulanceEtaMinutes).toBe(0);
    const alert = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS' });
    expect(alert.status).toBe(422);
    expect(alert.body.message).toMatch(/kommer ikke før ambulansen/);
  });
});

describe('overriding the main rule (`som hovedregel`)', () => {
  it('an AMK operator alerts for an event outside the four with a reason: kept on the alerts, audited, shown and reported apart', async () => {
    const id = await mission(60.3929, 5.3241);
    const asked = await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=Drukning&override=true`);
    expect(asked.body).toMatchObject({ allowed: true, refusal: null });
    expect(asked.body.candidates.length).toBeGreaterThan(0);

    const res = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, {
      eventType: 'Drukning',
      required: 1,
      override: { reason: '  Barn trukket opp av vann, ambulanse 20 min unna  ' },
    });
    expect(res.status).toBe(201);
    expect(res.body.alerts.length).toBeGreaterThan(0);
    for (const a of res.body.alerts as AlertSummary[])
      expect(a.mainRuleOverride).toEqual({ reason: 'Barn trukket opp av vann, ambulanse 20 min unna', by: expect.any(String) });
    const audit = await server.prisma.auditLog.findFirstOrThrow({ where: { action: 'akutthjelper.main_rule_override', entityId: id } });
    expect(audit.detail).toMatchObject({ eventType: 'Drukning', reason: 'Barn trukket opp av vann, ambulanse 20 min unna' });

    // The responder sees what it is, not one of the four.
    const me = await api(await login(server, people.responder), 'GET', '/responder/me');
    const mine = me.body.alerts.find((a: ResponderAlert) => a.missionId === id);
    if (mine) expect(mine).toMatchObject({ eventType: null, eventLabel: 'Drukning' });

    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const report = await api(amk, 'GET', `/akutthjelper/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(report.body.mainRuleOverrides.missions).toBeGreaterThanOrEqual(1);
    expect(report.body.mainRuleOverrides.alerts).toBeGreaterThanOrEqual(res.body.alerts.length);
  });

  it.each([
    ['no override', undefined, 422],
    ['an empty reason', { reason: '   ' }, 400],
    ['a reason too long', { reason: 'x'.repeat(501) }, 400],
    ['a NUL in the reason', { reason: 'fordi\u0000' }, 400],
  ])('refuses %s, and alerts nobody', async (_name, override, status) => {
    const id = await mission(60.3929, 5.3241);
    const res = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'Drukning', override });
    expect(res.status).toBe(status);
    expect(await server.prisma.akutthjelperAlert.count({ where: { missionId: id } })).toBe(0);
  });

  it('an override with one of the four is not an override (nothing recorded)', async () => {
    const id = await mission(60.3929, 5.3241);
    const res = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, {
      eventType: 'HJERTESTANS',
      required: 1,
      override: { reason: 'unødvendig' },
    });
    expect(res.status).toBe(201);
    expect(res.body.alerts.every((a: AlertSummary) => a.mainRuleOverride === null)).toBe(true);
  });

  it('escalation keeps the override', async () => {
    const id = await mission(60.3929, 5.3241);
    const first = (await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=Drukning&override=true`)).body.candidates[0];
    await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, {
      eventType: 'Drukning',
      required: 2,
      memberIds: [first.memberId],
      override: { reason: 'Drukning ved kaien' },
    });
    await server.prisma.akutthjelperAlert.updateMany({ where: { missionId: id }, data: { alertedAt: new Date(Date.now() - 61_000) } });
    await server.app.jobs.akutthjelper.runOnce();
    const round2 = await server.prisma.akutthjelperAlert.findMany({ where: { missionId: id, round: 2 } });
    expect(round2.length).toBeGreaterThan(0);
    expect(round2.every((a) => a.mainRuleOverrideReason === 'Drukning ved kaien')).toBe(true);
  });
});

describe('alerting and acknowledgements', () => {
  it('one action alerts; the responder sees event and distance, the place only after accepting; AMK sees each step live', async () => {
    const id = await mission(60.3929, 5.3241);
    const responderCookie = await login(server, people.responder);
    const phone = openConsole(server, responderCookie);
    const console = openConsole(server, amk);
    await Promise.all([phone.live, console.live]);

    const res = await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS', required: 2 });
    expect(res.status).toBe(201);
    expect(res.body.alerts.length).toBeGreaterThanOrEqual(2);
    expect(res.body.alerts.every((a: AlertSummary) => a.state === 'PENDING' && a.round === 1)).toBe(true);

    const pushed = await waitFor(
      () => phone.received.find((e) => e.type === 'responder.alert' && (e.data as ResponderAlert).missionId === id),
      5_000,
      'the alert on the phone',
    );
    const alert = pushed.data as ResponderAlert;
    expect(alert).toMatchObject({ eventType: 'HJERTESTANS', eventLabel: 'Hjertestans', place: null, state: 'PENDING' });
    expect(alert.distanceKm).toBeGreaterThan(0);
    expect(phone.received.every((e) => e.type === 'responder.alert')).toBe(true); // nothing of the centre's other work

    for (const action of ['delivered', 'seen'])
      expect((await api(responderCookie, 'POST', `/responder/alerts/${alert.id}/${action}`)).status).toBe(200);
    const accepted = await api(responderCookie, 'POST', `/responder/alerts/${alert.id}/accept`);
    expect(accepted.body).toMatchObject({ state: 'ACCEPTED', place: { lat: 60.3929, lon: 5.3241, addressText: 'Torgallmenningen 1' } });
    await api(responderCookie, 'PUT', '/responder/position', { lat: 60.391, lon: 5.327 });
    const arrived = await api(responderCookie, 'POST', `/responder/alerts/${alert.id}/arrived`);
    expect(arrived.body.state).toBe('ARRIVED');

    const seen = (state: string) =>
      console.received.some(
        (e) =>
          e.type === 'akutthjelper.alert.upserted' && (e.data as AlertSummary).id === alert.id && (e.data as AlertSummary).state === state,
      );
    await waitFor(() => ['DELIVERED', 'SEEN', 'ACCEPTED', 'ARRIVED'].every(seen), 5_000, 'each step on the AMK console');
    const last = (await api(amk, 'GET', `/missions/${id}/akutthjelper/alerts`)).body.alerts.find((a: AlertSummary) => a.id === alert.id);
    expect(last.deliveredAt && last.seenAt && last.acceptedAt && last.arrivedAt).toBeTruthy();
    expect(last.position).toMatchObject({ lat: 60.391, lon: 5.327 });

    // The ambulance arrives: the responder's page says so.
    const unit = (await server.prisma.missionUnit.findFirstOrThrow({ where: { missionId: id }, include: { unit: true } })).unit;
    await api(amk, 'POST', `/units/${unit.id}/status`, { status: 'EN_ROUTE' });
    await api(amk, 'POST', `/units/${unit.id}/status`, { status: 'ON_SCENE' });
    await waitFor(
      () =>
        phone.received.some(
          (e) => e.type === 'responder.alert' && (e.data as ResponderAlert).id === alert.id && (e.data as ResponderAlert).ambulanceOnScene,
        ),
      5_000,
      'ambulance on scene on the phone',
    );
    phone.disconnect();
    console.disconnect();
  });

  it('a declined alert never shows the place, and a closed mission stands the others down', async () => {
    const id = await mission(60.3929, 5.3241);
    const responderCookie = await login(server, people.responder);
    await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'BEVISSTLOSHET', required: 1 });
    const me = await api(responderCookie, 'GET', '/responder/me');
    const alert = me.body.alerts.find((a: ResponderAlert) => a.missionId === id);
    const declined = await api(responderCookie, 'POST', `/responder/alerts/${alert.id}/decline`);
    expect(declined.body).toMatchObject({ state: 'DECLINED', place: null });
    expect((await api(responderCookie, 'POST', `/responder/alerts/${alert.id}/accept`)).status).toBe(409);
    await api(amk, 'POST', `/missions/${id}/close`, { outcome: 'Avklart på telefon' });
    const others = await server.prisma.akutthjelperAlert.findMany({ where: { missionId: id, state: { notIn: ['DECLINED'] } } });
    expect(others.every((a) => a.state === 'CANCELLED')).toBe(true);
  });

  it('sends SMS to members without the page, and escalates to the next nearest when too few accept in time', async () => {
    const id = await mission(60.3929, 5.3241);
    const candidates = (await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=STOR_YTRE_BLODNING`)).body.candidates;
    const sms = candidates.find((c: { channel: string }) => c.channel === 'SMS');
    await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, {
      eventType: 'STOR_YTRE_BLODNING',
      required: 2,
      memberIds: [sms.memberId],
    });
    await server.app.jobs.akutthjelper.runOnce();
    const delivered = await server.prisma.akutthjelperAlert.findFirstOrThrow({ where: { missionId: id, memberId: sms.memberId } });
    expect(delivered.state).toBe('DELIVERED');

    // Pretend a minute has passed since round 1.
    await server.prisma.akutthjelperAlert.updateMany({ where: { missionId: id }, data: { alertedAt: new Date(Date.now() - 61_000) } });
    await server.app.jobs.akutthjelper.runOnce();
    const rounds = await server.prisma.akutthjelperAlert.findMany({ where: { missionId: id }, orderBy: { round: 'asc' } });
    expect(rounds.filter((a) => a.round === 2)).toHaveLength(2);
    expect(new Set(rounds.map((a) => a.memberId)).size).toBe(rounds.length);
  });
});

describe('an SMS gateway that fails', () => {
  let gateway: Server;
  let app: App;
  const prisma = createPrisma(databaseUrl(), 2);
  beforeAll(async () => {
    // The shared server's own job (every 2 s, through a gateway that always delivers) must not
    // send these alerts before the failing gateway's instance tries: it pauses while this runs.
    await server.app.jobs.akutthjelper.stop();
    gateway = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    app = await buildTestApp(prisma, { SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms` });
  });
  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
    gateway.close();
    server.app.jobs.akutthjelper.start();
  });

  it('shows the alert as FAILED with the reason, never silently', async () => {
    const id = await mission(60.3929, 5.3241);
    const c = (await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`)).body.candidates.find(
      (x: { channel: string }) => x.channel === 'SMS',
    );
    await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS', required: 1, memberIds: [c.memberId] });
    for (let i = 0; i < 3; i++) await app.jobs.akutthjelper.runOnce();
    const alert = await prisma.akutthjelperAlert.findFirstOrThrow({ where: { missionId: id } });
    expect(alert).toMatchObject({ state: 'FAILED', lastError: 'SMS gateway answered 500' });
    const cookie = await cookieFor(app, people.amk);
    const listed = await app.inject({ method: 'GET', url: `/api/v1/missions/${id}/akutthjelper/alerts`, headers: { cookie } });
    expect(listed.json().alerts[0]).toMatchObject({ state: 'FAILED', lastError: 'SMS gateway answered 500' });
  });
});

describe('a member without the page answers by SMS', () => {
  let gateway: Server;
  let app: App;
  const texts: { to: string; text: string }[] = [];
  const prisma = createPrisma(databaseUrl(), 2);
  beforeAll(async () => {
    // a stand-in for the SMS gateway (the edge of the world): it keeps what it was asked to send
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        texts.push(JSON.parse(body));
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    app = await buildTestApp(prisma, { SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms` });
  });
  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
    gateway.close();
  });

  let key: string;
  /** The SMS gateway passing a member's answer on. */
  const inbound = async (from: string, text: string) => {
    key ??= await createIntegrationKey(prisma, centre.code, 'sms gateway');
    return app.inject({
      method: 'POST',
      url: '/api/v1/integrations/sms/inbound',
      headers: { authorization: `Bearer ${key}` },
      payload: { from, text },
    });
  };
  /** A mission with one member without the page alerted by SMS. */
  async function alertBySms() {
    const id = await mission(60.3929, 5.3241);
    const c = (await api(amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`)).body.candidates.find(
      (x: { channel: string }) => x.channel === 'SMS',
    );
    await api(amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS', required: 1, memberIds: [c.memberId] });
    return { id, member: await prisma.akutthjelperMember.findUniqueOrThrow({ where: { id: c.memberId } }) };
  }

  it('JA accepts and brings the place by SMS, FRAM marks arrival; AMK sees both', async () => {
    const { id, member } = await alertBySms();
    await app.jobs.akutthjelper.runOnce();
    const alertSms = texts.find((t) => t.to === member.phone)!;
    expect(alertSms.text).toMatch(/^AMK akutthjelper: Hjertestans ca\. \d+,\d km unna\. Svar JA/);
    expect(alertSms.text).not.toContain('Torgallmenningen');

    // the gateway may write the number its own way: +47 and spaces, or the bare national digits
    const spaced = `+47 ${member.phone
      .replace(/\D/g, '')
      .slice(-8)
      .replace(/(\d{3})(\d{2})(\d{3})/, '$1 $2 $3')}`;
    const odd = await inbound(spaced.replace(/ /g, ''), 'Hæ?');
    expect(odd.json()).toMatchObject({ understood: false, action: null });
    expect(texts.at(-1)!.text).toMatch(/Svar JA/);
    expect((await inbound(spaced.replace(/ /g, ''), 'fram')).json().reply).toMatch(/Svar JA først/);

    const yes = await inbound(member.phone, 'Ja, kommer!');
    expect(yes.statusCode).toBe(200);
    expect(yes.json()).toMatchObject({ understood: true, action: 'accept' });
    expect(texts.at(-1)).toMatchObject({ to: member.phone, text: expect.stringContaining('Torgallmenningen 1') });
    expect((await inbound(member.phone, 'ja')).json().action).toBe('accept'); // the gateway retried: nothing changes
    expect((await inbound(member.phone, 'FRAM')).json().action).toBe('arrived');

    const listed = await api(amk, 'GET', `/missions/${id}/akutthjelper/alerts`);
    expect(listed.body.alerts[0]).toMatchObject({
      state: 'ARRIVED',
      channel: 'SMS',
      acceptedAt: expect.any(String),
      arrivedAt: expect.any(String),
    });
  });

  it('a NEI retried by the gateway finds the same alert and changes nothing', async () => {
    const { member } = await alertBySms();
    const first = (await inbound(member.phone, 'nei')).json();
    expect(first).toMatchObject({ understood: true, action: 'decline' });
    const retried = await inbound(member.phone, 'nei');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ understood: true, action: 'decline', alertId: first.alertId });
    expect((await inbound(member.phone, 'ja')).json().reply).toMatch(/Du har svart NEI/);
    expect(await prisma.akutthjelperAlert.findUniqueOrThrow({ where: { id: first.alertId } })).toMatchObject({
      state: 'DECLINED',
      acceptedAt: null,
    });
  });

  it('names a number that no alert waits for', async () => {
    const res = await inbound('+4799999999', 'ja');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/\+4799999999/);
  });
});

describe('the organisation’s phones (fake SMS gateway): test alerts and bistand requests', () => {
  let gateway: Server;
  let app: App;
  const texts: { to: string; text: string }[] = [];
  const prisma = createPrisma(databaseUrl(), 2);
  beforeAll(async () => {
    // the fake SMS gateway at the edge: keeps what it was asked to send
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        texts.push(JSON.parse(body));
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    app = await buildTestApp(prisma, { SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms` });
  });
  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
    gateway.close();
  });
  const cookies = new Map<string, string>();
  const as = async (username: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    if (!cookies.has(username)) cookies.set(username, await cookieFor(app, username));
    return app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies.get(username)!, 'accept-language': 'nb' }, payload });
  };

  it('reaches every member’s phone marked ØVELSE/TEST; replies are shown to the leader; nothing is counted', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const reportUrl = `/akutthjelper/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const before = (await as(people.amk, 'GET', reportUrl)).json();
    const alertsBefore = await prisma.akutthjelperAlert.count();

    expect((await as(people.responder, 'GET', '/responder/me')).json().isLeader).toBe(true);
    const sent = await as(people.responder, 'POST', '/responder/test-alerts');
    expect(sent.statusCode).toBe(201);
    const test = sent.json();
    const team = await prisma.akutthjelperMember.findMany({ where: { unit: { organisation: { name: folkehjelp.organisation } } } });
    expect(test.recipients.map((r: { name: string }) => r.name).sort()).toEqual(team.map((m) => m.name).sort());
    expect(test.recipients.every((r: { deliveredAt: string | null }) => r.deliveredAt)).toBe(true);
    for (const m of team) {
      const sms = texts.find((x) => x.to === m.phone);
      expect(sms?.text).toMatch(new RegExp(`^ØVELSE/TEST fra ${folkehjelp.organisation}: .*Ingen utrykning`));
    }
    expect(await prisma.auditLog.count({ where: { action: 'akutthjelper.test_alert' } })).toBeGreaterThanOrEqual(1);

    // Per answers by SMS: the gateway passes it on; the answer is marked as test too.
    const per = team.find((m) => m.name === 'Per Frivillig')!;
    const key = await createIntegrationKey(prisma, centre.code, 'sms gateway (test alert)');
    const inbound = await app.inject({
      method: 'POST',
      url: '/api/v1/integrations/sms/inbound',
      headers: { authorization: `Bearer ${key}` },
      payload: { from: per.phone, text: 'Ja, mottatt' },
    });
    expect(inbound.statusCode).toBe(200);
    expect(inbound.json()).toMatchObject({ about: 'TEST', understood: true, reply: expect.stringMatching(/^ØVELSE\/TEST/) });

    const listed = (await as(people.responder, 'GET', '/responder/test-alerts')).json();
    const perRow = listed.testAlerts[0].recipients.find((r: { name: string }) => r.name === 'Per Frivillig');
    expect(perRow).toMatchObject({ reply: 'Ja, mottatt', repliedAt: expect.any(String) });
    expect(listed.testAlerts[0].recipients.find((r: { name: string }) => r.name === 'Siri Frivillig').repliedAt).toBeNull();

    // never an alert, never in the report
    expect(await prisma.akutthjelperAlert.count()).toBe(alertsBefore);
    const after = (await as(people.amk, 'GET', reportUrl)).json();
    expect(after.byOrganisation).toEqual(before.byOrganisation);
  });

  it('a bistand request reaches the organisation’s phones marked as bistand, is confirmed by a member’s JA, and counted apart', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const reportUrl = `/akutthjelper/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const before = (await as(people.amk, 'GET', reportUrl)).json();

    const id = await mission(60.6286, 6.4115); // Voss: no agreement covers it, so bistand instead
    // a team of its own (no alert of another test waits for its members' answers), under an agreement for Askøy
    const team = await createAkutthjelperUnit(prisma, {
      lat: 60.3802,
      lon: 5.3418,
      agreement: { centreId: centre.id, kommuner: ['4627'] },
    });
    const nf = team.organisation;
    const per = await createAkutthjelperMember(prisma, team, { name: 'Per Frivillig' });
    const siri = await createAkutthjelperMember(prisma, team, { name: 'Siri Frivillig' });
    const sent = await as(people.amk, 'POST', `/missions/${id}/bistand`, {
      kind: 'HELSE',
      organisationId: nf.id,
      reason: 'Bæring av pasient i terreng',
    });
    expect(sent.statusCode).toBe(201);
    const request = sent.json();
    expect(request).toMatchObject({ kind: 'HELSE', organisationName: nf.name, state: 'SENT', acknowledgedAt: null });
    expect(request.recipients.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['Per Frivillig', 'Siri Frivillig']));
    const text = texts.filter((x) => x.to === per.phone).at(-1)!.text;
    expect(text).toMatch(/^BISTAND HELSE – ikke akutthjelperoppdrag\. .*Bæring av pasient i terreng/);
    expect(await prisma.akutthjelperAlert.count({ where: { missionId: id } })).toBe(0);

    const key = await createIntegrationKey(prisma, centre.code, 'sms gateway (bistand)');
    const inbound = (from: string, text: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/integrations/sms/inbound',
        headers: { authorization: `Bearer ${key}` },
        payload: { from, text },
      });
    const yes = await inbound(per.phone, 'JA');
    expect(yes.json()).toMatchObject({
      about: 'BISTAND',
      understood: true,
      alertId: request.id,
      reply: expect.stringMatching(/^BISTAND: Takk, bekreftet/),
    });
    expect((await inbound(siri.phone, 'ja')).json().reply).toMatch(/allerede bekreftet/);

    const listed = (await as(people.amk, 'GET', `/missions/${id}/bistand`)).json().bistand;
    expect(listed[0]).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: 'Per Frivillig', acknowledgedVia: 'SMS' });
    expect(listed[0].recipients.find((r: { name: string }) => r.name === 'Per Frivillig').repliedAt).not.toBeNull();

    // bistand kommune, no organisation named: the nearest; confirmed by phone as the operator records it
    const kommune = (await as(people.amk, 'POST', `/missions/${id}/bistand`, { kind: 'KOMMUNE', reason: 'Søk etter savnet' })).json();
    expect(kommune.organisationId).not.toBeNull();
    const ack = await as(people.amk, 'POST', `/bistand/${kommune.id}/ack`, { by: 'Vaktleder Hansen' });
    expect(ack.json()).toMatchObject({
      state: 'ACKNOWLEDGED',
      acknowledgedVia: 'PHONE',
      acknowledgedBy: expect.stringContaining('Vaktleder Hansen'),
    });
    expect((await as(people.amk, 'POST', `/bistand/${kommune.id}/ack`, { by: 'igjen' })).statusCode).toBe(409);
    expect((await as(people.forde, 'POST', `/bistand/${kommune.id}/ack`, { by: 'Førde' })).statusCode).toBe(404);

    const after = (await as(people.amk, 'GET', reportUrl)).json();
    expect(after.bistand.helse).toBe(before.bistand.helse + 1);
    expect(after.bistand.kommune).toBe(before.bistand.kommune + 1);
    expect(after.bistand.acknowledged).toBe(before.bistand.acknowledged + 2);
    expect(after.byOrganisation).toEqual(before.byOrganisation); // not akutthjelper missions
  });

  it('an organisation nobody can be texted at is shown as MANUAL: it must be phoned', async () => {
    const org = await prisma.akutthjelperOrganisation.create({ data: { id: crypto.randomUUID(), name: 'Tomt lag', kind: 'FORF' } });
    const id = await mission(60.3929, 5.3241);
    const res = await as(people.amk, 'POST', `/missions/${id}/bistand`, { kind: 'HELSE', organisationId: org.id, reason: 'Vakthold' });
    expect(res.json()).toMatchObject({ state: 'MANUAL', sentAt: null, recipients: [] });
  });

  it('only the leader may send it or read the replies', async () => {
    const { marte } = folkehjelp;
    await prisma.akutthjelperMember.update({ where: { id: marte.id }, data: { isLeader: false } });
    try {
      const refused = await as(people.responder, 'POST', '/responder/test-alerts');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/leder/);
      expect((await as(people.responder, 'GET', '/responder/test-alerts')).statusCode).toBe(403);
    } finally {
      await prisma.akutthjelperMember.update({ where: { id: marte.id }, data: { isLeader: true } });
    }
    expect((await as(people.amk, 'POST', '/responder/test-alerts')).statusCode).toBe(403);
  });
});

describe('reports', () => {
  it('counts missions per organisation, arrivals, before-the-ambulance share and bistand apart', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const res = await api(amk, 'GET', `/akutthjelper/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(res.status).toBe(200);
    expect(res.body.byOrganisation.find((o: { name: string }) => o.name === folkehjelp.organisation).arrivals).toBeGreaterThanOrEqual(1);
    expect(res.body.arrivedBeforeAmbulance).toBeGreaterThanOrEqual(1);
    expect(res.body.bistand.helse).toBeGreaterThanOrEqual(1);
    expect(res.body.medianAlertToArrivalMinutes).not.toBeNull();
  });
});

describe('a fire-service unit alerted as a unit through 110 (its agreement says so)', () => {
  let gateway: Server;
  let app: App;
  const received: { id: string; recipient: string; message: string }[] = [];
  const prisma = createPrisma(databaseUrl(), 2);
  const cookies = new Map<string, string>();
  const as = async (username: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    if (!cookies.has(username)) cookies.set(username, await cookieFor(app, username));
    return app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies.get(username)!, 'accept-language': 'nb' }, payload });
  };
  let unitId: string;
  let memberId: string;
  let agreementId: string;

  beforeAll(async () => {
    // The shared server's dispatcher (no gateway) must not take these notifications first.
    await server.app.jobs.notifications.stop();
    // the fake 110 gateway at the edge (the notifications' webhook): keeps what it was sent
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    app = await buildTestApp(prisma, { NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/notify` });

    // A fire station in town whose agreement has it alerted as a unit through 110.
    const org = (await as(people.admin, 'POST', '/akutthjelper/organisations', { name: 'Bergen brann – Sandviken', kind: 'BRANN' })).json();
    unitId = (
      await as(people.admin, 'POST', '/akutthjelper/units', {
        organisationId: org.id,
        name: 'Sandviken brannstasjon',
        lat: 60.3955,
        lon: 5.3275,
      })
    ).json().id;
    memberId = (
      await as(people.admin, 'POST', '/akutthjelper/members', {
        unitId,
        name: 'Sandviken Mannskap',
        phone: '+4790040001',
        trainingValidUntil: '2030-01-01',
        onDuty: true,
      })
    ).json().id;
    const agreement = await as(people.admin, 'POST', '/akutthjelper/agreements', {
      unitId,
      kommuner: ['4601'],
      eventTypes: ['HJERTESTANS'],
      validFrom: '2025-01-01',
      alertVia: 'FIRE_CENTRE',
    });
    expect(agreement.statusCode).toBe(201);
    agreementId = agreement.json().id;
  });
  afterAll(async () => {
    // the agreement ends, so the other tests' proposals are as before
    await prisma.akutthjelperAgreement.update({ where: { id: agreementId }, data: { validTo: new Date('2025-01-02') } });
    await app.close();
    await prisma.$disconnect();
    gateway.close();
    server.app.jobs.notifications.start();
  });

  it('only a fire-service unit may be alerted through 110', async () => {
    const org = (await as(people.admin, 'POST', '/akutthjelper/organisations', { name: 'Frivillig lag', kind: 'FORF' })).json();
    const unit = (
      await as(people.admin, 'POST', '/akutthjelper/units', { organisationId: org.id, name: 'Lag', lat: 60.39, lon: 5.32 })
    ).json();
    const refused = await as(people.admin, 'POST', '/akutthjelper/agreements', {
      unitId: unit.id,
      kommuner: ['4601'],
      eventTypes: ['HJERTESTANS'],
      validFrom: '2025-01-01',
      alertVia: 'FIRE_CENTRE',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/BRANN/);
  });

  it('is proposed as a unit, alerted through the 110 gateway (not member by member), and shows delivery and 110’s acknowledgement', async () => {
    const id = await mission(60.3929, 5.3241);
    const candidates = (await as(people.amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`)).json();
    expect(candidates.unitCandidates).toEqual([
      expect.objectContaining({ unitId, unitName: 'Sandviken brannstasjon', via: 'FIRE_CENTRE' }),
    ]);
    expect(candidates.candidates.map((c: { memberId: string }) => c.memberId)).not.toContain(memberId);

    const res = await as(people.amk, 'POST', `/missions/${id}/akutthjelper/alerts`, { eventType: 'HJERTESTANS', required: 1 });
    expect(res.statusCode).toBe(201);
    const [unitAlert] = res.json().unitAlerts;
    expect(unitAlert).toMatchObject({ unitId, via: 'FIRE_CENTRE', delivery: { state: 'PENDING' } });
    expect(await prisma.akutthjelperAlert.count({ where: { missionId: id, memberId } })).toBe(0);

    await app.jobs.notifications.runOnce();
    const sent = received.find((n) => n.id === unitAlert.notificationId)!;
    expect(sent).toMatchObject({
      recipient: 'FIRE',
      message: expect.stringContaining('Sandviken brannstasjon rykker ut som akutthjelper – Hjertestans'),
    });
    let listed = (await as(people.amk, 'GET', `/missions/${id}/akutthjelper/alerts`)).json().unitAlerts[0];
    expect(listed.delivery).toMatchObject({ state: 'SENT', sentAt: expect.any(String) });

    // 110 acknowledges through the gateway
    const key = await createIntegrationKey(prisma, centre.code, '110 gateway');
    const ack = await app.inject({
      method: 'POST',
      url: `/api/v1/integrations/notifications/${unitAlert.notificationId}/ack`,
      headers: { authorization: `Bearer ${key}` },
      payload: { by: '110 Vest' },
    });
    expect(ack.statusCode).toBe(200);
    listed = (await as(people.amk, 'GET', `/missions/${id}/akutthjelper/alerts`)).json().unitAlerts[0];
    expect(listed.delivery).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: '110 Vest' });

    // counted as a mission of its organisation in the report
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const report = (
      await as(people.amk, 'GET', `/akutthjelper/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
    ).json();
    expect(report.byOrganisation.find((o: { name: string }) => o.name === 'Bergen brann – Sandviken')).toMatchObject({ missions: 1 });

    // alerting again does not alert the unit twice
    const again = (await as(people.amk, 'GET', `/missions/${id}/akutthjelper/candidates?eventType=HJERTESTANS`)).json();
    expect(again.unitCandidates).toEqual([]);
  });
});
