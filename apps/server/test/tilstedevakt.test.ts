// § 11 second paragraph: an ambulance car is manned on site (tilstedevakt). A crew on call from
// home fails § 11 like any other shortfall (not available, not recommended, not sent without an
// override) unless the car has the low-volume exception, which a supervisor records by its
// reference and may withdraw; every change is audited. The centre, users and units are this file's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitSummary } from '@amk/contracts';
import { createCentre, createUnit, createUser } from './support/factories.js';
import { login, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
let centre: { id: string };
let operator: string;
let supervisor: string;
let stranger: string;

beforeAll(async () => {
  server = await startServer();
  centre = await createCentre(server.prisma);
  const other = await createCentre(server.prisma);
  [operator, supervisor, stranger] = await Promise.all([
    login(server, (await createUser(server.prisma, centre.id)).username),
    login(server, (await createUser(server.prisma, centre.id, { role: 'supervisor' })).username),
    login(server, (await createUser(server.prisma, other.id, { role: 'supervisor' })).username),
  ]);
});
afterAll(() => server.close());

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, 'accept-language': 'nb', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as UnitSummary & { message: string } };
}
const members = [
  { personName: 'Ada Ambulanse', authorisation: 'PARAMEDIC' },
  { personName: 'Per Ambulanse', authorisation: 'AMBULANCE_WORKER' },
];

describe('tilstedevakt', () => {
  it('a car on call from home fails § 11 until the exception is recorded; withdrawn, it fails again', async () => {
    const car = await createUnit(server.prisma, centre.id, { status: 'UNAVAILABLE' });
    const onCall = await api(supervisor, 'PUT', `/units/${car.id}/crew`, { members, manning: 'ON_CALL' });
    expect(onCall.status).toBe(200);
    expect(onCall.body).toMatchObject({ crewOk: false, crewProblem: expect.stringContaining('tilstedevakt (§ 11 annet ledd)') });

    const refused = await api(operator, 'POST', `/units/${car.id}/status`, { status: 'AVAILABLE_AT_STATION' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('tilstedevakt');
    expect((await server.prisma.unit.findUniqueOrThrow({ where: { id: car.id } })).status).toBe('UNAVAILABLE');

    const exempt = await api(supervisor, 'PUT', `/units/${car.id}/on-call-exemption`, { ref: 'Helse Test HF, vedtak 2026/3' });
    expect(exempt.status).toBe(200);
    expect(exempt.body).toMatchObject({ crewOk: true, crewProblem: null });
    expect((await api(operator, 'POST', `/units/${car.id}/status`, { status: 'AVAILABLE_AT_STATION' })).status).toBe(200);

    const withdrawn = await api(supervisor, 'PUT', `/units/${car.id}/on-call-exemption`, { ref: null });
    expect(withdrawn.body).toMatchObject({ crewOk: false, crewProblem: expect.stringContaining('tilstedevakt') });
    const audits = await server.prisma.auditLog.findMany({ where: { entityId: car.id, action: { startsWith: 'unit.on_call_exemption' } } });
    expect(audits.map((a) => a.action).sort()).toEqual(['unit.on_call_exemption.set', 'unit.on_call_exemption.withdraw']);

    // The same crew on site passes without any exception.
    expect((await api(supervisor, 'PUT', `/units/${car.id}/crew`, { members, manning: 'ON_SITE' })).body.crewOk).toBe(true);
  });

  it('refuses, writing nothing: a boat, a blank reference, an operator, another centre’s supervisor', async () => {
    const [car, boat] = await Promise.all([
      createUnit(server.prisma, centre.id),
      createUnit(server.prisma, centre.id, { kind: 'AMBULANCE_BOAT' }),
    ]);
    const boatRes = await api(supervisor, 'PUT', `/units/${boat.id}/on-call-exemption`, { ref: 'vedtak 1' });
    expect(boatRes.status).toBe(400);
    expect(boatRes.body.message).toContain('gjelder bare ambulansebiler');
    const blank = await api(supervisor, 'PUT', `/units/${car.id}/on-call-exemption`, { ref: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toContain('ref');
    expect((await api(operator, 'PUT', `/units/${car.id}/on-call-exemption`, { ref: 'vedtak 1' })).status).toBe(403);
    expect((await api(stranger, 'PUT', `/units/${car.id}/on-call-exemption`, { ref: 'vedtak 1' })).status).toBe(404);
    expect((await server.prisma.unit.findUniqueOrThrow({ where: { id: car.id } })).onCallExemptionRef).toBeNull();
    const badManning = await api(supervisor, 'PUT', `/units/${car.id}/crew`, { members, manning: 'SOMETIMES' });
    expect(badManning.status).toBe(400);
    expect(badManning.body.message).toContain('manning');
  });
});
