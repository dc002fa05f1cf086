// A major incident live on the consoles (§ 15 o): two consoles of the centre see a patient
// registered and the counts change; the neighbouring AMK, alerted on declaration, follows the same
// incident live (read-only); an AMK that is no neighbour hears nothing of it, but does hear a
// hospital's new capacity: capacity is no patient data and goes to every AMK (patients go only to
// the hospitals of an incident's own and alerted AMKs, see major-incidents.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, CallSummary, HospitalSummary, MajorIncidentDetail } from '@amk/contracts';
import { createCentre, createHospital, createUser } from './support/factories.js';
import { login, openConsole, startServer, waitFor, type ConsoleSocket, type TestServer } from './support/test-app.js';

let server: TestServer;
let amk: string;
let amk2: string;
let forde: string;
/** A hospital of the centre's HF, the test's own. */
let hospital: { code: string };
const sockets: ConsoleSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  // An AMK centre ("Bergen") of the file's own with a neighbouring AMK ("Førde"), as the demo region has them.
  const neighbour = await createCentre(prisma);
  const centre = await createCentre(prisma, { neighbourCentreIds: [neighbour.id] });
  hospital = await createHospital(prisma, centre.id);
  const [first, second, theirs] = await Promise.all([
    createUser(prisma, centre.id),
    createUser(prisma, centre.id),
    createUser(prisma, neighbour.id),
  ]);
  [amk, amk2, forde] = await Promise.all([login(server, first.username), login(server, second.username), login(server, theirs.username)]);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server.close();
});

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const incidentEvents = (s: ConsoleSocket, id: string) =>
  s.received
    .filter((e) => e.type === 'major-incident.upserted' && (e.data as MajorIncidentDetail).id === id)
    .map((e) => e.data as MajorIncidentDetail);

describe('a major incident on the consoles, live', () => {
  it('two consoles of the centre and the neighbour’s follow a patient registered; an AMK that is no neighbour hears only the hospital', async () => {
    const stranger = await createCentre(server.prisma, { kind: 'AMK' });
    const outsiderCookie = await login(server, (await createUser(server.prisma, stranger.id)).username);
    const first = openConsole(server, amk);
    const second = openConsole(server, amk2);
    const neighbour = openConsole(server, forde);
    const outsider = openConsole(server, outsiderCookie);
    sockets.push(first, second, neighbour, outsider);
    await Promise.all([first.live, second.live, neighbour.live, outsider.live]);

    const callId = crypto.randomUUID();
    expect((await api(amk, 'POST', '/calls', { id: callId, line: '113', lat: 60.585, lon: 5.82 })).status).toBe(201);
    const declared = await api(amk, 'POST', '/major-incidents', {
      id: crypto.randomUUID(),
      callId,
      level: 'RED',
      lat: 60.585,
      lon: 5.82,
      description: 'Bussulykke på E16',
    });
    expect(declared.status).toBe(201);
    const id = declared.body.id as string;
    // The declaration's line in the call's journal comes with an update of the call (after the
    // one of its registration), so a record open on it shows the line at once.
    const declaredAt = Date.parse(declared.body.declaredAt);
    await waitFor(
      () =>
        first.received.find(
          (e) =>
            e.type === 'call.upserted' &&
            (e.data as CallSummary).id === callId &&
            Date.parse((e.data as CallSummary).updatedAt) >= declaredAt,
        ),
      5_000,
      'the call’s update after the declaration',
    );
    const record = (await api(amk, 'GET', `/calls/${callId}`)).body as CallRecord;
    expect(record.journal.find((j) => j.message?.key === 'majorIncident.declared')).toMatchObject({
      text: 'Masseskadehendelse erklært, rød beredskap: Bussulykke på E16',
      message: { params: { level: 'RED', description: 'Bussulykke på E16' } },
    });

    // the second operator registers; the first sees it without asking
    expect(
      (await api(amk2, 'POST', `/major-incidents/${id}/patients`, { id: crypto.randomUUID(), cardNumber: '0042', category: 'RED' })).status,
    ).toBe(201);
    for (const socket of [first, second, neighbour]) {
      const seen = await waitFor(
        () => incidentEvents(socket, id).find((m) => m.patients.some((p) => p.cardNumber === '0042')),
        5_000,
        'the patient on both centres’ consoles',
      );
      expect(seen.byCategory).toEqual({ RED: 1, YELLOW: 0, GREEN: 0, DEAD: 0 });
      expect(seen.patients[0]).toMatchObject({ cardNumber: '0042', category: 'RED' });
    }

    // A capacity change reaches every AMK after the incident's events (seq order): once the
    // outsider has it, it has had every event before it, and none was the incident.
    expect((await api(amk, 'PUT', `/hospitals/${hospital.code}/capacity`, { RED: 0, YELLOW: 0, GREEN: 0 })).status).toBe(200);
    await waitFor(
      () => outsider.received.find((e) => e.type === 'hospital.upserted' && (e.data as HospitalSummary).code === hospital.code),
      5_000,
      'the outsider to hear the capacity',
    );
    expect(incidentEvents(outsider, id)).toEqual([]);
    expect(incidentEvents(first, id).length).toBeGreaterThanOrEqual(2);

    expect((await api(amk, 'POST', `/major-incidents/${id}/close`)).status).toBe(200);
  });
});
