// § 15 m: an AMK has a doctor with emergency-medicine competence available around the clock. The
// AMK keeps the roster; every stretch without one is a gap, on the API, the console and the wall.
// The centres and users are this file's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmkDoctorRoster, Wall } from '@amk/contracts';
import { createCentre, createUser } from './support/factories.js';
import { login, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
let amk: string;
let supervisor: string;
let otherAmk: string;
let lv: string;

beforeAll(async () => {
  server = await startServer();
  const { prisma } = server;
  const [own, other, lvs] = await Promise.all([createCentre(prisma), createCentre(prisma), createCentre(prisma, { kind: 'LVS' })]);
  const as = async (...args: Parameters<typeof createUser>) => login(server, (await createUser(...args)).username);
  [amk, supervisor, otherAmk, lv] = await Promise.all([
    as(prisma, own.id),
    as(prisma, own.id, { role: 'supervisor' }),
    as(prisma, other.id),
    as(prisma, lvs.id, { role: 'supervisor' }), // a role that keeps rosters, at a centre that keeps no AMK doctor roster
  ]);
});
afterAll(() => server.close());

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { cookie, 'accept-language': 'nb', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}
const h = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the AMK doctor roster', () => {
  it('lists shifts and every stretch with no AMK doctor; the wall shows the week’s gaps', async () => {
    const t0 = Date.now();
    for (const [from, to, doctor] of [
      [t0 - h, t0 + 11 * h, 'Lege Siri Haug'],
      [t0 + 13 * h, t0 + 24 * h, 'Lege Tor Vik'],
    ] as const)
      expect(
        (await api(amk, 'POST', '/amk/doctor-roster', { doctorName: doctor, reachAt: '+47 55 00 00 00', fromAt: iso(from), toAt: iso(to) }))
          .status,
      ).toBe(201);

    const day = await api(amk, 'GET', `/amk/doctor-roster?from=${iso(t0)}&to=${iso(t0 + 24 * h)}`);
    expect(day.status).toBe(200);
    const roster = day.body as AmkDoctorRoster;
    expect(roster.shifts.map((s) => [s.doctorName, s.reachAt])).toEqual([
      ['Lege Siri Haug', '+47 55 00 00 00'],
      ['Lege Tor Vik', '+47 55 00 00 00'],
    ]);
    expect(roster.gaps).toEqual([{ from: iso(t0 + 11 * h), to: iso(t0 + 13 * h) }]);

    // The week from now: the night gap, and everything after the last shift.
    const week = (await api(amk, 'GET', '/amk/doctor-roster')).body as AmkDoctorRoster;
    expect(week.gaps.map((g) => Date.parse(g.to) - Date.parse(g.from) > 0)).toEqual([true, true]);

    const wall = (await api(supervisor, 'GET', '/wall')).body as Wall;
    expect(wall.centres[0]!.doctorGaps).toEqual([
      { district: null, from: iso(t0 + 11 * h), to: iso(t0 + 13 * h) },
      { district: null, from: iso(t0 + 24 * h), to: expect.any(String) },
    ]);
  });

  it('refuses, in words and writing nothing: a shift that ends before it begins or lasts over a week, a bad period, an LVS', async () => {
    const t0 = Date.now();
    const backwards = await api(amk, 'POST', '/amk/doctor-roster', { doctorName: 'Lege X', fromAt: iso(t0), toAt: iso(t0 - h) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('toAt');
    const long = await api(amk, 'POST', '/amk/doctor-roster', { doctorName: 'Lege X', fromAt: iso(t0), toAt: iso(t0 + 8 * 24 * h) });
    expect(long.status).toBe(400);
    expect(long.body.message).toContain('høyst 7 døgn');
    expect((await api(amk, 'POST', '/amk/doctor-roster', { doctorName: 'Lege\u0000X', fromAt: iso(t0), toAt: iso(t0 + h) })).status).toBe(
      400,
    );
    expect(
      (await api(amk, 'POST', '/amk/doctor-roster', { doctorName: 'Lege X', fromAt: '9999-01-01T00:00:00Z', toAt: '9999-01-02T00:00:00Z' }))
        .status,
    ).toBe(400);
    const centuries = await api(amk, 'GET', `/amk/doctor-roster?from=${iso(t0)}&to=${iso(t0 + 400 * 24 * h)}`);
    expect(centuries.status).toBe(400);
    expect(centuries.body.message).toContain('høyst 62 døgn');
    const lvs = await api(lv, 'GET', '/amk/doctor-roster');
    expect(lvs.status).toBe(403);
    expect(lvs.body.message).toContain('§ 15 m');
    expect(await server.prisma.amkDoctorShift.count({ where: { doctorName: { startsWith: 'Lege X' } } })).toBe(0);
  });

  it('a shift entered by mistake is removed by its own AMK; another AMK does not find it', async () => {
    const t0 = Date.now();
    const { id } = (
      await api(amk, 'POST', '/amk/doctor-roster', { doctorName: 'Lege Feil', fromAt: iso(t0 + 30 * h), toAt: iso(t0 + 31 * h) })
    ).body;
    expect((await api(otherAmk, 'DELETE', `/amk/doctor-roster/${id}`)).status).toBe(404);
    expect((await api(amk, 'DELETE', `/amk/doctor-roster/${id}`)).status).toBe(204);
    expect(await server.prisma.amkDoctorShift.count({ where: { id } })).toBe(0);
  });

  it('the legevakt’s wall shows its districts’ stretches with no doctor on call (§ 6)', async () => {
    const lvs = await createCentre(server.prisma, { kind: 'LVS' });
    const lvSupervisor = await login(server, (await createUser(server.prisma, lvs.id, { role: 'supervisor' })).username);
    const t0 = Date.now();
    const shift = await api(lvSupervisor, 'POST', '/legevakt/roster', {
      district: 'Testbyen',
      doctorName: 'Lege Anne Test',
      fromAt: iso(t0 - h),
      toAt: iso(t0 + 2 * h),
      specialistGeneralPractice: true,
      courseEmergencyMedicine: true,
      courseViolenceAndAbuse: true,
    });
    expect(shift.status).toBe(201);
    const wall = (await api(lvSupervisor, 'GET', '/wall')).body as Wall;
    expect(wall.centres[0]!.doctorGaps).toEqual([{ district: 'Testbyen', from: iso(t0 + 2 * h), to: expect.any(String) }]);
  });
});
