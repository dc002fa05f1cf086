// Major incidents (§ 15 o) on the real database: declared from a call, patients by triage card,
// re-triage, transport within the hospitals' declared capacity (§ 16) or overridden with a reason,
// only to the hospitals of the incident's area, the times, the proposal, the append-only log and
// its CSV, and each centre seeing only its own. The centres, users, units and hospitals are the
// file's own (support/factories.ts): an AMK "Bergen" with its neighbour "Førde", as the demo region
// has them, and Bergen kommune's legevaktsentral.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistributionProposal, HospitalSummary, MajorIncidentDetail, NotificationSummary } from '@amk/contracts';
import { createCentre, createHospital, createIntegrationKey, createUnit, createUser, uniqueName } from './support/factories.js';
import { login, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
let amk: string;
let doctor: string;
let lv: string;
let forde: string;
let supervisor: string;
/** The AMK operator who does most here, by the name the log and the hospitals' figures show. */
let operator: string;
/** The file's AMK centre and its neighbouring AMK, alerted on each declaration. */
let bergen: { id: string; name: string; code: string };
let fordeCentre: { id: string; name: string; code: string };
/** The hospitals of the two AMKs' HFs, at the demo region's places, with its declared capacity. */
const HOSPITALS = {
  HAUKELAND: { centre: 'bergen', lat: 60.3733, lon: 5.3599, capacity: [6, 12, 20] },
  HARALDSPLASS: { centre: 'bergen', lat: 60.3985, lon: 5.3442, capacity: [1, 6, 12] },
  VOSS: { centre: 'bergen', lat: 60.6295, lon: 6.4119, capacity: [1, 3, 6] },
  FORDE: { centre: 'forde', lat: 61.4586, lon: 5.8881, capacity: [3, 6, 10] },
  NORDFJORD: { centre: 'forde', lat: 61.9063, lon: 5.9878, capacity: [0, 2, 5] },
  LAERDAL: { centre: 'forde', lat: 61.0984, lon: 7.4845, capacity: [0, 2, 5] },
} as const;
type HospitalKey = keyof typeof HOSPITALS;
let hospital: Record<HospitalKey, Awaited<ReturnType<typeof createHospital>>>;
const code = (k: HospitalKey) => hospital[k].code;
const opened: string[] = [];

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  fordeCentre = await createCentre(prisma);
  bergen = await createCentre(prisma, { neighbourCentreIds: [fordeCentre.id] });
  await prisma.centre.update({ where: { id: fordeCentre.id }, data: { neighbourCentreIds: [bergen.id] } });
  // Calls at Bryggen resolve to Bergen kommune (4601), which this legevaktsentral covers.
  const lvs = await createCentre(prisma, { kind: 'LVS', kommuner: ['4601'] });
  hospital = Object.fromEntries(
    await Promise.all(
      Object.entries(HOSPITALS).map(async ([key, { centre, lat, lon, capacity }]) => [
        key,
        await createHospital(prisma, centre === 'bergen' ? bergen.id : fordeCentre.id, {
          code: uniqueName(`T-${key}`),
          lat,
          lon,
          capacityRed: capacity[0],
          capacityYellow: capacity[1],
          capacityGreen: capacity[2],
        }),
      ]),
    ),
  );
  const [own, ownDoctor, lvOperator, neighbours, ownSupervisor] = await Promise.all([
    createUser(prisma, bergen.id),
    createUser(prisma, bergen.id, { role: 'amk_doctor' }),
    createUser(prisma, lvs.id, { role: 'lv_operator' }),
    createUser(prisma, fordeCentre.id),
    createUser(prisma, bergen.id, { role: 'supervisor' }),
  ]);
  operator = own.displayName;
  [amk, doctor, lv, forde, supervisor] = await Promise.all([
    login(server, own.username),
    login(server, ownDoctor.username),
    login(server, lvOperator.username),
    login(server, neighbours.username),
    login(server, ownSupervisor.username),
  ]);
});
afterAll(async () => {
  // Leave no major incident open: a unit terminal's check-in looks through every open one.
  for (const id of opened) await api(amk, 'POST', `/major-incidents/${id}/close`);
  await server.close();
});

async function api(cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, 'accept-language': 'nb', ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, body: json, text, headers: res.headers };
}

async function amkCall(cookie = amk): Promise<string> {
  const id = crypto.randomUUID();
  expect(
    (await api(cookie, 'POST', '/calls', { id, line: '113', addressText: 'E16 ved Dale, Vaksdal', lat: 60.585, lon: 5.82 })).status,
  ).toBe(201);
  return id;
}

async function declare(cookie = amk): Promise<MajorIncidentDetail> {
  const res = await api(cookie, 'POST', '/major-incidents', {
    id: crypto.randomUUID(),
    callId: await amkCall(cookie),
    level: 'RED',
    lat: 60.585,
    lon: 5.82,
    description: 'Buss i fjellveggen, mange skadde',
  });
  expect(res.status).toBe(201);
  opened.push(res.body.id);
  return res.body;
}

async function register(m: { id: string }, cardNumber: string, category: string, cookie = amk) {
  return api(cookie, 'POST', `/major-incidents/${m.id}/patients`, { id: crypto.randomUUID(), cardNumber, category });
}
const patientByCard = (d: MajorIncidentDetail, card: string) => d.patients.find((p) => p.cardNumber === card)!;
const setCapacity = (k: HospitalKey, RED: number, YELLOW: number, GREEN: number) =>
  api(amk, 'PUT', `/hospitals/${code(k)}/capacity`, { RED, YELLOW, GREEN });
const logOf = async (m: { id: string }) =>
  (await api(amk, 'GET', `/major-incidents/${m.id}/log`)).body.entries as {
    kind: string;
    text: string;
    author: string;
    message: unknown;
  }[];

describe('declaring a major incident', () => {
  it('an AMK operator declares from a call: level, place, description, a linked major incident, a first log line', async () => {
    const callId = await amkCall();
    const id = crypto.randomUUID();
    const body = { id, callId, level: 'YELLOW', lat: 60.585, lon: 5.82, description: 'Trafikkulykke med minibuss' };
    const res = await api(amk, 'POST', '/major-incidents', body);
    expect(res.status).toBe(201);
    opened.push(id);
    expect(res.body).toMatchObject({
      id,
      callId,
      level: 'YELLOW',
      description: 'Trafikkulykke med minibuss',
      declaredBy: operator,
      closedAt: null,
      byCategory: { RED: 0, YELLOW: 0, GREEN: 0, DEAD: 0 },
      patients: [],
    });
    const incident = await server.prisma.incident.findUniqueOrThrow({ where: { id: res.body.incidentId } });
    expect(incident.major).toBe(true);
    expect((await server.prisma.call.findUniqueOrThrow({ where: { id: callId } })).incidentId).toBe(incident.id);
    expect((await logOf(res.body)).map((e) => [e.kind, e.author])).toEqual([
      ['DECLARED', operator],
      ['NOTIFIED', operator],
    ]);

    // a retry returns the same; a second declaration on the same incident is refused
    expect((await api(amk, 'POST', '/major-incidents', body)).body.id).toBe(id);
    const again = await api(doctor, 'POST', '/major-incidents', { ...body, id: crypto.randomUUID() });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('allerede erklært');
    expect(await server.prisma.majorIncident.count({ where: { callId } })).toBe(1);
  });

  it('an AMK doctor may declare; an LV operator may not; another AMK cannot declare on our call; the neighbour follows it read-only, others do not see it', async () => {
    const m = await declare(doctor);
    expect(m.declaredBy).toBeTruthy();
    expect(
      (
        await api(lv, 'POST', '/major-incidents', {
          id: crypto.randomUUID(),
          callId: await amkCall(),
          level: 'RED',
          lat: 60.5,
          lon: 5.8,
          description: 'x',
        })
      ).status,
    ).toBe(403);
    const theirs = await api(forde, 'POST', '/major-incidents', {
      id: crypto.randomUUID(),
      callId: await amkCall(),
      level: 'RED',
      lat: 60.5,
      lon: 5.8,
      description: 'x',
    });
    expect(theirs.status).toBe(404);
    // Førde, the neighbour alerted on declaration, follows it read-only; an AMK that is no
    // neighbour does not learn it exists; nobody but Bergen changes it.
    const stranger = await createCentre(server.prisma, { kind: 'AMK' });
    const outsider = await login(server, (await createUser(server.prisma, stranger.id)).username);
    expect((await api(outsider, 'GET', `/major-incidents/${m.id}`)).status).toBe(404);
    expect((await api(outsider, 'GET', '/major-incidents')).body.majorIncidents.map((x: { id: string }) => x.id)).not.toContain(m.id);
    expect((await register(m, '1', 'RED', outsider)).status).toBe(404);
    const shared = await api(forde, 'GET', `/major-incidents/${m.id}`);
    expect(shared.status).toBe(200);
    expect(shared.body.sharedWithCentreIds).toEqual([fordeCentre.id]);
    expect((await api(forde, 'GET', '/major-incidents')).body.majorIncidents.map((x: { id: string }) => x.id)).toContain(m.id);
    expect((await register(m, '1', 'RED', forde)).status).toBe(404);
    // Førde's read is in both centres' audit logs.
    const reads = await server.prisma.auditLog.findMany({ where: { action: 'major-incident.read', entityId: m.id } });
    expect(reads.map((r) => r.centreId).sort()).toEqual([bergen.id, fordeCentre.id].sort());
    expect((await api(amk, 'GET', '/major-incidents')).body.majorIncidents.map((x: { id: string }) => x.id)).toContain(m.id);
  });

  it('refuses a description with a NUL or an impossible place, naming the field, writing nothing', async () => {
    const callId = await amkCall();
    const before = await server.prisma.majorIncident.count();
    for (const [field, bad] of [
      ['description', 'a\u0000b'],
      ['lat', 91],
    ] as const) {
      const res = await api(amk, 'POST', '/major-incidents', {
        id: crypto.randomUUID(),
        callId,
        level: 'RED',
        lat: 60.5,
        lon: 5.8,
        description: 'ok',
        [field]: bad,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    }
    expect(
      (
        await api(amk, 'POST', '/major-incidents', {
          id: crypto.randomUUID(),
          callId,
          level: 'ORANGE',
          lat: 60.5,
          lon: 5.8,
          description: 'ok',
        })
      ).status,
    ).toBe(400);
    expect(await server.prisma.majorIncident.count()).toBe(before);
  });
});

describe('patients by triage card', () => {
  it('registers patients and counts them per category', async () => {
    const m = await declare();
    for (const [card, category] of [
      ['101', 'RED'],
      ['102', 'YELLOW'],
      ['103', 'GREEN'],
      ['104', 'GREEN'],
      ['105', 'DEAD'],
    ])
      expect((await register(m, card!, category!)).status).toBe(201);
    const detail = (await api(amk, 'GET', `/major-incidents/${m.id}`)).body as MajorIncidentDetail;
    expect(detail.byCategory).toEqual({ RED: 1, YELLOW: 1, GREEN: 2, DEAD: 1 });
    expect(patientByCard(detail, '101')).toMatchObject({ category: 'RED', hospitalId: null, leftSceneAt: null });
  });

  it('a card number already registered is a 409 in Norwegian, and nothing is written', async () => {
    const m = await declare();
    expect((await register(m, '17', 'YELLOW')).status).toBe(201);
    const [patients, log] = [await server.prisma.majorIncidentPatient.count({ where: { majorIncidentId: m.id } }), (await logOf(m)).length];
    const again = await register(m, '17', 'RED');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('triagekort nr. 17 er allerede registrert i denne masseskadehendelsen');
    expect(await server.prisma.majorIncidentPatient.count({ where: { majorIncidentId: m.id } })).toBe(patients);
    expect((await logOf(m)).length).toBe(log);
    // the same card in another incident is another patient
    expect((await register(await declare(), '17', 'RED')).status).toBe(201);
  });

  it('the same card from two consoles at once: one is registered, the other refused', async () => {
    const m = await declare();
    const results = await Promise.all([register(m, '55', 'RED'), register(m, '55', 'GREEN')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await server.prisma.majorIncidentPatient.count({ where: { majorIncidentId: m.id } })).toBe(1);
  });

  it('a category outside the four is a 400 naming the field', async () => {
    const m = await declare();
    const res = await register(m, '9', 'BLUE');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('category');
    expect(await server.prisma.majorIncidentPatient.count({ where: { majorIncidentId: m.id } })).toBe(0);
  });

  it('re-triage is timestamped and logged; no change, or leaving DEAD without a reason, is refused', async () => {
    const m = await declare();
    await register(m, '1', 'YELLOW');
    await register(m, '2', 'DEAD');
    const before = patientByCard((await api(amk, 'GET', `/major-incidents/${m.id}`)).body, '1');
    const p1 = before.id;
    const up = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${p1}/category`, { category: 'RED' });
    expect(up.status).toBe(200);
    expect(patientByCard(up.body, '1').category).toBe('RED');
    expect(patientByCard(up.body, '1').categoryAt >= before.categoryAt).toBe(true);
    expect(up.body.byCategory).toMatchObject({ RED: 1, YELLOW: 0 });

    const same = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${p1}/category`, { category: 'RED' });
    expect(same.status).toBe(409);
    expect(same.body.message).toContain('allerede rød');
    const p2 = patientByCard(up.body, '2').id;
    const noReason = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${p2}/category`, { category: 'RED' });
    expect(noReason.status).toBe(409);
    expect(noReason.body.message).toContain('begrunnelse');
    expect(
      (await api(amk, 'POST', `/major-incidents/${m.id}/patients/${p2}/category`, { category: 'RED', reason: 'Puls funnet av lege' }))
        .status,
    ).toBe(200);
    expect((await logOf(m)).filter((e) => e.kind === 'CATEGORY_CHANGED').map((e) => e.text)).toEqual([
      'Triagekort 1: gul → rød',
      'Triagekort 2: død → rød (Puls funnet av lege)',
    ]);
  });
});

describe('transport within the hospitals’ declared capacity', () => {
  it('refuses a transport beyond what the hospital declared unless overridden with a reason; a dead patient never', async () => {
    expect((await setCapacity('VOSS', 1, 0, 3)).status).toBe(200);
    const voss = hospital.VOSS.id;
    const unit = await createUnit(server.prisma, bergen.id);
    const m = await declare();
    for (const [card, category] of [
      ['1', 'RED'],
      ['2', 'RED'],
      ['3', 'YELLOW'],
      ['4', 'DEAD'],
    ])
      await register(m, card!, category!);
    const d = (await api(amk, 'GET', `/major-incidents/${m.id}`)).body as MajorIncidentDetail;
    const transport = (card: string, body: object) =>
      api(amk, 'POST', `/major-incidents/${m.id}/patients/${patientByCard(d, card).id}/transport`, body);

    const first = await transport('1', { hospitalId: voss, unitId: unit.id });
    expect(first.status).toBe(200);
    expect(patientByCard(first.body, '1')).toMatchObject({
      hospitalName: hospital.VOSS.name,
      callSign: unit.callSign,
      capacityOverrideReason: null,
    });
    expect(first.body.byHospital).toEqual([
      expect.objectContaining({ code: code('VOSS'), byCategory: { RED: 1, YELLOW: 0, GREEN: 0, DEAD: 0 } }),
    ]);

    const full = await transport('2', { hospitalId: voss });
    expect(full.status).toBe(409);
    expect(full.body.message).toContain(`${hospital.VOSS.name} har ikke mer kapasitet for røde pasienter (1 av 1 brukt)`);
    const none = await transport('3', { hospitalId: voss });
    expect(none.status).toBe(409);
    expect(none.body.message).toContain('har ikke meldt kapasitet for gule');
    expect(
      (await server.prisma.majorIncidentPatient.findMany({ where: { majorIncidentId: m.id, hospitalId: { not: null } } })).length,
    ).toBe(1);

    const overridden = await transport('2', { hospitalId: voss, override: { reason: 'Haukeland har ringt og bedt oss fordele' } });
    expect(overridden.status).toBe(200);
    expect(patientByCard(overridden.body, '2').capacityOverrideReason).toBe('Haukeland har ringt og bedt oss fordele');
    expect((await logOf(m)).at(-1)!.text).toContain('overstyrt: Haukeland har ringt');

    const dead = await transport('4', { hospitalId: voss, override: { reason: 'prøver likevel' } });
    expect(dead.status).toBe(409);
    expect(dead.body.message).toContain('død pasient');
    const hospitals = (await api(amk, 'GET', '/hospitals')).body.hospitals as HospitalSummary[];
    expect(hospitals.find((h) => h.code === code('VOSS'))).toMatchObject({
      capacity: { RED: 1, YELLOW: 0, GREEN: 3 },
      used: { RED: 2 },
      capacityUpdatedBy: operator,
    });
  });

  it('an unknown hospital or another region’s unit is a 400 naming the field', async () => {
    const m = await declare();
    const detail = (await register(m, '1', 'GREEN')).body as MajorIncidentDetail;
    const p = detail.patients[0]!.id;
    const unknown = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${p}/transport`, { hospitalId: crypto.randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('hospitalId');
    const noUnit = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${p}/transport`, {
      hospitalId: hospital.HAUKELAND.id,
      unitId: crypto.randomUUID(),
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.message).toContain('unitId');
  });

  it('left the scene, then arrived, in that order; the card is not re-triaged after arrival', async () => {
    await setCapacity('HARALDSPLASS', 1, 6, 12);
    const m = await declare();
    const p = ((await register(m, '1', 'YELLOW')).body as MajorIncidentDetail).patients[0]!.id;
    const at = (what: string, body: object = {}) => api(amk, 'POST', `/major-incidents/${m.id}/patients/${p}/${what}`, body);
    expect((await at('left-scene')).status).toBe(409);
    await at('transport', { hospitalId: hospital.HARALDSPLASS.id });
    const early = await at('arrived');
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('ikke forlatt skadestedet');
    expect((await at('left-scene', { at: '2001-01-01T00:00:00Z' })).status).toBe(400);
    const left = await at('left-scene');
    expect(left.status).toBe(200);
    expect(left.body.patients[0].leftSceneAt).not.toBeNull();
    expect((await at('left-scene')).status).toBe(409);
    expect((await at('transport', { hospitalId: hospital.HAUKELAND.id })).status).toBe(409);
    const arrived = await at('arrived');
    expect(arrived.status).toBe(200);
    expect(arrived.body.patients[0].arrivedAt >= arrived.body.patients[0].leftSceneAt).toBe(true);
    const retriage = await at('category', { category: 'RED' });
    expect(retriage.status).toBe(409);
    expect(retriage.body.message).toContain('kommet til sykehuset');
    expect((await logOf(m)).map((e) => e.kind)).toEqual([
      'DECLARED',
      'NOTIFIED',
      'PATIENT_REGISTERED',
      'TRANSPORT_ASSIGNED',
      'LEFT_SCENE',
      'ARRIVED',
    ]);
  });
});

describe('who is alerted on declaration', () => {
  it('neighbouring AMK and the kommune’s LVS in their inboxes, police and fire through the gateway, the HF’s hospitals awaiting an answer', async () => {
    const callId = crypto.randomUUID();
    // In Bergen (4601), which the file's legevaktsentral covers.
    expect((await api(amk, 'POST', '/calls', { id: callId, line: '113', addressText: 'Bryggen', lat: 60.3975, lon: 5.3245 })).status).toBe(
      201,
    );
    const res = await api(amk, 'POST', '/major-incidents', {
      id: crypto.randomUUID(),
      callId,
      level: 'YELLOW',
      lat: 60.3975,
      lon: 5.3245,
      description: 'Brann i bygård, flere røykskadde',
    });
    expect(res.status).toBe(201);
    opened.push(res.body.id);
    const m = res.body as MajorIncidentDetail;
    expect(m.hospitalAlerts.map((a) => [a.code, a.level])).toEqual([
      [code('HARALDSPLASS'), null],
      [code('HAUKELAND'), null],
      [code('VOSS'), null],
    ]);
    const sent = await server.prisma.notification.findMany({ where: { callId } });
    // Every legevaktsentral covering the kommune is told: the file's own, and the demo region's and
    // any other centre an earlier test file made for Bergen in the shared test database.
    const lvsForBergen = await server.prisma.centre.count({ where: { kind: 'LVS', kommuner: { has: '4601' } } });
    expect(lvsForBergen).toBeGreaterThanOrEqual(1);
    expect(sent.map((n) => n.recipient).sort()).toEqual(['AMK', 'FIRE', ...Array<string>(lvsForBergen).fill('LVS'), 'POLICE']);
    expect(sent.every((n) => n.message.includes(`Masseskadehendelse (gul beredskap) erklært av ${bergen.name}`))).toBe(true);
    const inboxOf = async (cookie: string) =>
      ((await api(cookie, 'GET', '/notifications')).body.notifications as NotificationSummary[]).filter((n) => n.callId === callId);
    expect((await inboxOf(forde)).map((n) => n.state)).toEqual(['DELIVERED']);
    expect((await inboxOf(lv)).map((n) => n.state)).toEqual(['DELIVERED']);
    // Without a gateway, police and fire must be phoned: the operator sees so.
    expect(sent.filter((n) => n.recipient === 'POLICE' || n.recipient === 'FIRE').map((n) => n.state)).toEqual(['MANUAL', 'MANUAL']);
    expect((await logOf(m)).map((e) => e.kind)).toEqual(['DECLARED', 'NOTIFIED']);
    expect((await logOf(m))[1]!.text).toContain(`nabo-AMK: ${fordeCentre.name}`);
  });

  it('a hospital answers with its preparedness level by its HF’s key or by phone; another HF, a level outside the two, or no alert is refused', async () => {
    const m = await declare();
    const bergenKey = await createIntegrationKey(server.prisma, bergen.code, 'Haukeland beredskap');
    const fordeKey = await createIntegrationKey(server.prisma, fordeCentre.code, 'Helse Førde beredskap');
    const byKey = (key: string, k: HospitalKey, level: string) =>
      api('', 'PUT', `/integrations/hospitals/${code(k)}/preparedness`, { level }, { authorization: `Bearer ${key}` });

    const answered = await byKey(bergenKey, 'HAUKELAND', 'RED');
    expect(answered.status).toBe(200);
    expect(answered.body.majorIncidents.map((x: { id: string }) => x.id)).toContain(m.id);
    const detail = (await api(amk, 'GET', `/major-incidents/${m.id}`)).body as MajorIncidentDetail;
    expect(detail.hospitalAlerts.find((a) => a.code === code('HAUKELAND'))).toMatchObject({
      level: 'RED',
      answeredBy: 'Haukeland beredskap',
    });
    expect((await logOf(m)).at(-1)!.text).toBe(`${hospital.HAUKELAND.name}: rød beredskap (svar fra Haukeland beredskap)`);

    expect((await byKey(fordeKey, 'HAUKELAND', 'RED')).status).toBe(404); // not its HF's hospital
    const none = await byKey(fordeKey, 'NORDFJORD', 'RED'); // no Førde incident alerted it
    expect(none.status).toBe(409);
    expect(none.body.message).toContain(`${hospital.NORDFJORD.name} er ikke varslet om noen åpen masseskadehendelse`);
    const bad = await byKey(bergenKey, 'HAUKELAND', 'GREEN');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('level');

    const phoned = await api(amk, 'PUT', `/major-incidents/${m.id}/hospitals/${code('VOSS')}/preparedness`, { level: 'YELLOW' });
    expect(phoned.status).toBe(200);
    expect((phoned.body as MajorIncidentDetail).hospitalAlerts.find((a) => a.code === code('VOSS'))).toMatchObject({
      level: 'YELLOW',
      answeredBy: operator,
    });
    expect((await api(amk, 'PUT', `/major-incidents/${m.id}/hospitals/${code('FORDE')}/preparedness`, { level: 'RED' })).status).toBe(404);
    expect((await api(forde, 'PUT', `/major-incidents/${m.id}/hospitals/${code('VOSS')}/preparedness`, { level: 'RED' })).status).toBe(404);
    expect((await api(lv, 'PUT', `/major-incidents/${m.id}/hospitals/${code('VOSS')}/preparedness`, { level: 'RED' })).status).toBe(403);
  });
});

describe('units at the holding area', () => {
  it('units sent check in, by the operator or their terminal; one that has not by when it should have is counted on the wall', async () => {
    const m = await declare();
    const [x, y, z] = await Promise.all([
      createUnit(server.prisma, bergen.id),
      createUnit(server.prisma, bergen.id),
      createUnit(server.prisma, bergen.id),
    ]);
    for (const u of [x, y])
      expect((await api(amk, 'POST', '/missions', { id: crypto.randomUUID(), callId: m.callId, unitIds: [u.id] })).status).toBe(201);
    const detail = async () => (await api(amk, 'GET', `/major-incidents/${m.id}`)).body as MajorIncidentDetail;
    const unitsOf = async () => new Map((await detail()).units.map((u) => [u.callSign, u]));
    const sent = await unitsOf();
    expect([...sent.keys()].sort()).toEqual([x.callSign, y.callSign].sort());
    // No station and no position: due after the margin alone (10 minutes).
    const due = Date.parse(sent.get(x.callSign)!.dueAt!) - Date.parse(sent.get(x.callSign)!.assignedAt!);
    expect(due).toBe(10 * 60_000);
    const onWall = async () =>
      (
        (await api(supervisor, 'GET', '/wall')).body.centres as {
          majorIncidents: { id: string; unitsSent: number; unitsOverdue: number }[];
        }[]
      )
        .flatMap((c) => c.majorIncidents)
        .find((w) => w.id === m.id)!;
    expect(await onWall()).toMatchObject({ unitsSent: 2, unitsOverdue: 0 });

    // x was sent half an hour ago and has not reported: flagged.
    await server.prisma.missionUnit.updateMany({ where: { unitId: x.id }, data: { assignedAt: new Date(Date.now() - 30 * 60_000) } });
    expect(await onWall()).toMatchObject({ unitsSent: 2, unitsOverdue: 1 });

    // The operator checks x in (it phoned); again changes nothing: the first report counts.
    const checkIn = (unitId: string, body: object = {}, cookie = amk) =>
      api(cookie, 'POST', `/major-incidents/${m.id}/units/${unitId}/check-in`, body);
    const first = await checkIn(x.id);
    expect(first.status).toBe(200);
    const xIn = (first.body as MajorIncidentDetail).units.find((u) => u.unitId === x.id)!;
    expect(xIn).toMatchObject({ checkedInAt: expect.any(String), checkedInBy: operator });
    expect(((await checkIn(x.id)).body as MajorIncidentDetail).units.find((u) => u.unitId === x.id)!.checkedInAt).toBe(xIn.checkedInAt);
    expect(await onWall()).toMatchObject({ unitsOverdue: 0 });
    expect((await logOf(m)).filter((e) => e.kind === 'UNIT_CHECKED_IN').map((e) => e.text)).toEqual([
      expect.stringContaining(`${x.callSign} meldt inn på venteplassen`),
    ]);

    // y's terminal reports with its centre's key; Førde's key cannot report a Bergen unit.
    const bergenKey = await createIntegrationKey(server.prisma, bergen.code, 'terminals');
    const fordeKey = await createIntegrationKey(server.prisma, fordeCentre.code, 'terminals Førde');
    const terminal = (callSign: string, key: string, body: object = {}) =>
      api('', 'POST', `/integrations/units/${callSign}/check-in`, body, { authorization: `Bearer ${key}` });
    expect((await terminal(y.callSign, fordeKey)).status).toBe(404);
    const byTerminal = await terminal(y.callSign, bergenKey);
    expect(byTerminal.status).toBe(200);
    expect((byTerminal.body as MajorIncidentDetail).units.find((u) => u.unitId === y.id)).toMatchObject({ checkedInBy: 'terminals' });

    // Refused, nothing written: a unit not sent, a time in the future, the neighbour (read-only).
    const notSent = await checkIn(z.id);
    expect(notSent.status).toBe(409);
    expect(notSent.body.message).toContain(`${z.callSign} er ikke sendt til denne masseskadehendelsen`);
    expect((await terminal(z.callSign, bergenKey)).status).toBe(409);
    const future = await api(amk, 'POST', `/major-incidents/${m.id}/units/${z.id}/check-in`, { at: '9999-01-01T00:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('at');
    expect((await checkIn(x.id, {}, forde)).status).toBe(404);
    expect(await server.prisma.majorIncidentCheckIn.count({ where: { majorIncidentId: m.id } })).toBe(2);
  });
});

describe('the wall', () => {
  it('shows each open major incident with patients per category and per hospital; another centre’s wall does not; closed, it leaves', async () => {
    const m = await declare();
    await register(m, 'W1', 'RED');
    await register(m, 'W2', 'GREEN');
    const d = (await api(amk, 'GET', `/major-incidents/${m.id}`)).body as MajorIncidentDetail;
    expect(
      (
        await api(amk, 'POST', `/major-incidents/${m.id}/patients/${patientByCard(d, 'W2').id}/transport`, {
          hospitalId: hospital.HARALDSPLASS.id,
        })
      ).status,
    ).toBe(200);
    const onWall = async (cookie: string) =>
      ((await api(cookie, 'GET', '/wall')).body.centres as { majorIncidents: { id: string }[] }[])
        .flatMap((c) => c.majorIncidents)
        .find((x) => x.id === m.id);
    expect(await onWall(supervisor)).toMatchObject({
      level: 'RED',
      description: 'Buss i fjellveggen, mange skadde',
      byCategory: { RED: 1, YELLOW: 0, GREEN: 1, DEAD: 0 },
      byHospital: [{ code: code('HARALDSPLASS'), byCategory: { RED: 0, YELLOW: 0, GREEN: 1, DEAD: 0 } }],
    });
    expect(await onWall(forde)).toBeUndefined();
    expect((await api(amk, 'POST', `/major-incidents/${m.id}/close`)).status).toBe(200);
    expect(await onWall(supervisor)).toBeUndefined();
  });
});

describe('hospitals’ capacity', () => {
  it('a hospital declares it through its HF’s integration key; another HF’s hospital is not its to change', async () => {
    const bearer = { authorization: `Bearer ${await createIntegrationKey(server.prisma, bergen.code, 'Haukeland beredskap')}` };
    const res = await api('', 'PUT', `/integrations/hospitals/${code('HAUKELAND')}/capacity`, { RED: 4, YELLOW: 9, GREEN: 15 }, bearer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: code('HAUKELAND'),
      capacity: { RED: 4, YELLOW: 9, GREEN: 15 },
      capacityUpdatedBy: 'Haukeland beredskap',
    });
    expect(
      (await api('', 'PUT', `/integrations/hospitals/${code('FORDE')}/capacity`, { RED: 4, YELLOW: 9, GREEN: 15 }, bearer)).status,
    ).toBe(404);
    const negative = await api(
      '',
      'PUT',
      `/integrations/hospitals/${code('HAUKELAND')}/capacity`,
      { RED: -1, YELLOW: 9, GREEN: 15 },
      bearer,
    );
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('RED');
    expect((await api(supervisor, 'PUT', `/hospitals/${code('FORDE')}/capacity`, { RED: 2, YELLOW: 2, GREEN: 2 })).status).toBe(200);
    expect((await api(lv, 'PUT', `/hospitals/${code('FORDE')}/capacity`, { RED: 2, YELLOW: 2, GREEN: 2 })).status).toBe(403);
  });

  it('lists the hospitals with acute functions, each at its place with its HF’s AMK', async () => {
    const hospitals = (await api(amk, 'GET', '/hospitals')).body.hospitals as HospitalSummary[];
    for (const h of Object.values(hospital))
      expect(hospitals.find((x) => x.id === h.id)).toMatchObject({ code: h.code, centreId: h.centreId, lat: h.lat, lon: h.lon });
  });
});

describe('the proposal', () => {
  it('places red first at the nearest hospital with room, never beyond a hospital’s capacity, and lists the rest', async () => {
    await setCapacity('VOSS', 1, 1, 1);
    await setCapacity('HAUKELAND', 1, 1, 1);
    await setCapacity('HARALDSPLASS', 0, 1, 1);
    await setCapacity('FORDE', 0, 0, 0);
    await setCapacity('NORDFJORD', 0, 0, 0);
    await setCapacity('LAERDAL', 0, 0, 0);
    // earlier tests' open incidents use capacity: closed, so this one starts from what was declared
    for (const id of opened.splice(0)) await api(amk, 'POST', `/major-incidents/${id}/close`);
    const m = await declare();
    for (const [card, category] of [
      ['1', 'GREEN'],
      ['2', 'RED'],
      ['3', 'RED'],
      ['4', 'RED'],
      ['5', 'DEAD'],
    ])
      await register(m, card!, category!);
    const res = await api(amk, 'GET', `/major-incidents/${m.id}/proposal`);
    expect(res.status).toBe(200);
    const proposal = res.body as DistributionProposal;
    // the reds first (in id order), nearest first: Voss, then Haukeland; then the green
    expect(proposal.destinations.map((d) => [d.category, d.hospitalCode])).toEqual([
      ['RED', code('VOSS')],
      ['RED', code('HAUKELAND')],
      ['GREEN', code('VOSS')],
    ]);
    expect(proposal.destinations[0]!.distanceKm).toBeLessThan(proposal.destinations[1]!.distanceKm);
    expect(proposal.notPlaced.map((n) => [n.category, n.reason])).toEqual([
      ['RED', 'NO_CAPACITY'],
      ['DEAD', 'DEAD'],
    ]);
    expect((await api(amk, 'GET', `/major-incidents/${m.id}/proposal`)).body).toEqual(proposal);
    // a proposal is only that: nothing was assigned
    expect(await server.prisma.majorIncidentPatient.count({ where: { majorIncidentId: m.id, hospitalId: { not: null } } })).toBe(0);
  });

  it('proposes the hospitals of the incident’s area alone: its AMK’s and the alerted neighbour’s; another centre’s, however near, is never proposed and takes a reason', async () => {
    for (const id of opened.splice(0)) await api(amk, 'POST', `/major-incidents/${id}/close`);
    for (const k of Object.keys(HOSPITALS) as HospitalKey[]) await setCapacity(k, 0, 0, 0);
    await setCapacity('VOSS', 1, 0, 0);
    await setCapacity('FORDE', 1, 0, 0);
    // An AMK that is no neighbour of the incident's, with a hospital at the scene and room for all.
    const elsewhere = await createCentre(server.prisma);
    const atScene = await createHospital(server.prisma, elsewhere.id, {
      lat: 60.585,
      lon: 5.82,
      capacityRed: 10,
      capacityYellow: 10,
      capacityGreen: 10,
    });
    const m = await declare();
    for (const card of ['1', '2', '3']) await register(m, card, 'RED');
    const proposal = (await api(amk, 'GET', `/major-incidents/${m.id}/proposal`)).body as DistributionProposal;
    // Voss of the AMK's own HF, then Førde of the neighbour alerted on declaration; the third waits.
    expect(proposal.destinations.map((d) => d.hospitalCode)).toEqual([code('VOSS'), code('FORDE')]);
    expect(proposal.notPlaced.map((n) => n.reason)).toEqual(['NO_CAPACITY']);

    const waiting = proposal.notPlaced[0]!.patientId;
    const refused = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${waiting}/transport`, { hospitalId: atScene.id });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      `hospitalId: ${atScene.name} er ikke blant sykehusene for denne masseskadehendelsen (AMK-ens egne og de varslede nabo-AMK-enes); send override.reason for å sende pasienten dit likevel`,
    );
    expect((await server.prisma.majorIncidentPatient.findUniqueOrThrow({ where: { id: waiting } })).hospitalId).toBeNull();
    expect((await logOf(m)).some((e) => e.kind === 'TRANSPORT_ASSIGNED')).toBe(false);
    // the operator's call, with a reason: kept on the patient and in the incident's log
    const [second] = proposal.destinations;
    const overridden = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${second!.patientId}/transport`, {
      hospitalId: atScene.id,
      override: { reason: 'Brannskade: nasjonal brannskadeenhet' },
    });
    expect(overridden.status).toBe(200);
    expect((await server.prisma.majorIncidentPatient.findUniqueOrThrow({ where: { id: second!.patientId } })).capacityOverrideReason).toBe(
      'Brannskade: nasjonal brannskadeenhet',
    );
    expect((await logOf(m)).find((e) => e.kind === 'TRANSPORT_ASSIGNED')?.text).toContain(
      `til ${atScene.name} — utenfor hendelsens sykehus, overstyrt: Brannskade: nasjonal brannskadeenhet`,
    );
    // the neighbour's hospital is the incident's to use
    const toForde = await api(amk, 'POST', `/major-incidents/${m.id}/patients/${waiting}/transport`, { hospitalId: hospital.FORDE.id });
    expect(toForde.status).toBe(200);
    expect(patientByCard(toForde.body, proposal.notPlaced[0]!.cardNumber).hospitalName).toBe(hospital.FORDE.name);
  });
});

describe('scene organisation', () => {
  it('places and leaders on scene are set, changed and cleared, each change a line in the log', async () => {
    const m = await declare();
    const put = (body: object, cookie = amk) => api(cookie, 'PUT', `/major-incidents/${m.id}/scene`, body);
    const first = await put({
      rendezvous: { lat: 60.58, lon: 5.81 },
      holdingArea: { lat: 60.581, lon: 5.812 },
      operativLederHelse: 'Kari Dale, BGN-OLH1',
    });
    expect(first.status).toBe(200);
    expect(first.body.scene).toMatchObject({
      rendezvous: { lat: 60.58, lon: 5.81 },
      holdingArea: { lat: 60.581, lon: 5.812 },
      casualtyClearing: null,
      operativLederHelse: 'Kari Dale, BGN-OLH1',
      innsatsleder: null,
    });
    expect(first.body.scene.updatedAt).not.toBeNull();
    // the same again changes nothing and logs nothing
    const lines = (await logOf(m)).length;
    expect((await put({ operativLederHelse: 'Kari Dale, BGN-OLH1' })).status).toBe(200);
    expect((await logOf(m)).length).toBe(lines);
    const second = await put({ holdingArea: null, innsatsleder: 'Politiet, innsatsleder 02' });
    expect(second.body.scene).toMatchObject({
      rendezvous: { lat: 60.58, lon: 5.81 },
      holdingArea: null,
      innsatsleder: 'Politiet, innsatsleder 02',
    });
    expect((await logOf(m)).filter((e) => e.kind === 'SCENE_UPDATED').map((e) => e.text)).toEqual([
      'Oppmøteplass satt til 60.58000, 5.81000',
      'Venteplass for ambulanser satt til 60.58100, 5.81200',
      'Operativ leder helse: Kari Dale, BGN-OLH1',
      'Venteplass for ambulanser fjernet',
      'Innsatsleder (politiet): Politiet, innsatsleder 02',
    ]);
    // each line also as a key and values, for a console in another language
    const scene = (await logOf(m)).filter((e) => e.kind === 'SCENE_UPDATED');
    expect(scene.map((e) => e.message)).toEqual([
      { key: 'majorIncident.placeSet', params: { place: 'rendezvous', lat: '60.58000', lon: '5.81000' } },
      { key: 'majorIncident.placeSet', params: { place: 'holdingArea', lat: '60.58100', lon: '5.81200' } },
      { key: 'majorIncident.roleSet', params: { role: 'operativLederHelse', name: 'Kari Dale, BGN-OLH1' } },
      { key: 'majorIncident.placeRemoved', params: { place: 'holdingArea' } },
      { key: 'majorIncident.roleSet', params: { role: 'innsatsleder', name: 'Politiet, innsatsleder 02' } },
    ]);
    const bad = await put({ casualtyClearing: { lat: 91, lon: 5.8 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('casualtyClearing');
    expect((await put({ fagLederHelse: 'x' }, forde)).status).toBe(404);
  });
});

describe('the log', () => {
  it('is append-only in the database', async () => {
    const m = await declare();
    await expect(
      server.prisma.$executeRaw`UPDATE "MajorIncidentLogEntry" SET "text" = 'endret' WHERE "majorIncidentId" = ${m.id}::uuid`,
    ).rejects.toThrow();
    await expect(server.prisma.$executeRaw`DELETE FROM "MajorIncidentLogEntry" WHERE "majorIncidentId" = ${m.id}::uuid`).rejects.toThrow();
    expect((await logOf(m)).length).toBe(2);
  });

  it('exports as CSV with formula-like text made inert, and every read is audited', async () => {
    const m = await declare();
    await register(m, '=HYPERLINK("http://x")', 'RED');
    const res = await api(amk, 'GET', `/major-incidents/${m.id}/log.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('tid;hendelse;triagekort;tekst;av');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`;PATIENT_REGISTERED;"'=HYPERLINK(""http://x"")";`);
    expect(lines[3]).not.toMatch(/;=/);
    await api(amk, 'GET', `/major-incidents/${m.id}`);
    const audited = await server.prisma.auditLog.findMany({
      where: { entityType: 'MajorIncident', entityId: m.id },
      select: { action: true, actorName: true },
    });
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['major-incident.log.export', 'major-incident.read']));
    // The neighbour it is shared with may export it too (audited in both centres); no one else.
    expect((await api(forde, 'GET', `/major-incidents/${m.id}/log.csv`)).status).toBe(200);
    const exports = await server.prisma.auditLog.findMany({ where: { action: 'major-incident.log.export', entityId: m.id } });
    expect(exports.map((e) => e.centreId).sort()).toEqual([bergen.id, bergen.id, fordeCentre.id].sort());
    const stranger = await createCentre(server.prisma, { kind: 'AMK' });
    const outsider = await login(server, (await createUser(server.prisma, stranger.id)).username);
    expect((await api(outsider, 'GET', `/major-incidents/${m.id}/log.csv`)).status).toBe(404);
  });

  it('a closed major incident stays readable with its log, but takes no more changes', async () => {
    const m = await declare();
    await register(m, '1', 'GREEN');
    const closed = await api(amk, 'POST', `/major-incidents/${m.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    const late = await register(m, '2', 'GREEN');
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('avsluttet');
    expect((await api(supervisor, 'GET', `/major-incidents/${m.id}`)).body.patients).toHaveLength(1);
    expect((await logOf(m)).map((e) => e.kind)).toEqual(['DECLARED', 'NOTIFIED', 'PATIENT_REGISTERED', 'CLOSED']);
    expect((await api(amk, 'GET', '/major-incidents')).body.majorIncidents.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });
});
