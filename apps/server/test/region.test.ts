// § 14 e: one AMK per health region coordinates the others. Its supervisors see every AMK of the
// region, read-only (preparedness, units, open missions), each look audited in every centre looked
// at; a supervisor of an AMK that does not coordinate, an operator, or another region's coordinator
// sees nothing of it. The centres, users, units and missions are this file's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegionOverview } from '@amk/contracts';
import { createCall, createCentre, createUnit, createUser, uniqueName } from './support/factories.js';
import { login, startServer, type TestServer } from './support/test-app.js';

let server: TestServer;
const region = uniqueName('Helse Test');

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function get(cookie: string) {
  const res = await fetch(`${server.url}/api/v1/region`, { headers: { cookie, 'accept-language': 'nb' } });
  return { status: res.status, body: (await res.json()) as RegionOverview & { message: string } };
}

describe('the coordinating AMK of a region', () => {
  it('sees every AMK of its region read-only — preparedness, units, open missions — and each look is audited there', async () => {
    const { prisma } = server;
    const coordinating = await createCentre(prisma, { region, coordinatesRegion: true, name: 'AMK Koordinerende' });
    const other = await createCentre(prisma, { region, name: 'AMK Nabo', neighbourCentreIds: [coordinating.id] });
    const elsewhere = await createCentre(prisma, { region: uniqueName('Helse Annen'), coordinatesRegion: true });
    const [own, theirs] = await Promise.all([
      createUnit(prisma, coordinating.id, { lat: 60.4, lon: 5.3 }),
      createUnit(prisma, other.id, { lat: 61.4, lon: 5.9 }),
    ]);
    // The other AMK has a mission out with its unit.
    const operator = await login(server, (await createUser(prisma, other.id)).username);
    const call = await createCall(prisma, other.id, { state: 'ANSWERED', answeredAt: new Date(), lat: 61.45, lon: 5.85 });
    const mission = await fetch(`${server.url}/api/v1/missions`, {
      method: 'POST',
      headers: { cookie: operator, 'content-type': 'application/json' },
      body: JSON.stringify({ id: crypto.randomUUID(), callId: call.id, unitIds: [theirs.id] }),
    });
    expect(mission.status).toBe(201);

    const supervisor = await login(server, (await createUser(prisma, coordinating.id, { role: 'supervisor' })).username);
    const seen = await get(supervisor);
    expect(seen.status).toBe(200);
    expect(seen.body.region).toBe(region);
    expect(seen.body.centres.map((c) => c.centre.code).sort()).toEqual([coordinating.code, other.code].sort());
    const nabo = seen.body.centres.find((c) => c.centre.id === other.id)!;
    expect(nabo.units.map((u) => [u.callSign, u.status])).toEqual([[theirs.callSign, 'ALERTED']]);
    expect(nabo.openMissions.map((m) => m.callId)).toEqual([call.id]);
    expect(nabo.preparedness.kommuner).toEqual([]); // the test centres cover no kommune
    expect(seen.body.centres.find((c) => c.centre.id === coordinating.id)!.units.map((u) => u.callSign)).toEqual([own.callSign]);
    expect(JSON.stringify(seen.body)).not.toContain(elsewhere.code);

    const audits = await prisma.auditLog.findMany({
      where: { action: 'region.overview.read', centreId: { in: [coordinating.id, other.id] } },
    });
    expect(audits.map((a) => a.centreId).sort()).toEqual([coordinating.id, other.id].sort());
  });

  it('is refused, in words, to a supervisor of an AMK that does not coordinate, and to an operator of one that does', async () => {
    const { prisma } = server;
    const coordinating = await createCentre(prisma, { region, coordinatesRegion: false });
    const supervisor = await login(server, (await createUser(prisma, coordinating.id, { role: 'supervisor' })).username);
    const refused = await get(supervisor);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('koordinerer ikke en helseregion (§ 14 e)');

    const leading = await createCentre(prisma, { region: uniqueName('Helse Tredje'), coordinatesRegion: true });
    const operator = await login(server, (await createUser(prisma, leading.id)).username);
    expect((await get(operator)).status).toBe(403);
  });
});
