// Seeds the demo region. Idempotent: rows have stable ids and existing rows are left as they are
// (a unit's live status or a changed password survives a re-seed).
import { readFileSync } from 'node:fs';
import { checkCrew } from '@amk/domain';
import { createTriageService } from '../modules/triage/triage.service.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '@amk/db';
import { DEMO_PASSWORD, demoAkutthjelpere, demoCentres, demoStations, demoUnits, demoUsers } from './demo-region.js';
import { seedGeography } from './geography.js';
import { seedHospitals } from './hospitals.js';
import { stableId } from './stable-id.js';

export interface SeedResult {
  kommuner: number;
  usersCreated: number;
  unitsCreated: number;
}

export async function seedDemo(prisma: Db): Promise<SeedResult> {
  const kommuner = await seedGeography(prisma);
  const centreId = (code: string) => stableId(`centre:${code}`);

  for (const c of demoCentres) {
    const data = {
      code: c.code,
      name: c.name,
      kind: c.kind,
      owner: c.owner,
      region: c.region,
      coordinatesRegion: c.coordinatesRegion,
      lat: c.lat,
      lon: c.lon,
      kommuner: [...c.kommuner],
      neighbourCentreIds: c.neighbours.map(centreId),
      backupCentreIds: c.backups.map(centreId),
    };
    await prisma.centre.upsert({ where: { id: centreId(c.code) }, create: { id: centreId(c.code), ...data }, update: data });
  }

  const stationIds = new Map<string, { id: string; centreId: string; lat: number; lon: number }>();
  for (const s of demoStations) {
    const id = stableId(`station:${s.name}`);
    const data = { centreId: centreId(s.centre), name: s.name, lat: s.lat, lon: s.lon, kommunenummer: s.kommunenummer };
    await prisma.station.upsert({ where: { id }, create: { id, ...data }, update: data });
    stationIds.set(s.name, { id, centreId: data.centreId, lat: s.lat, lon: s.lon });
  }

  let unitsCreated = 0;
  const now = new Date();
  for (const u of demoUnits) {
    const station = stationIds.get(u.station)!;
    const id = stableId(`unit:${u.callSign}`);
    if (await prisma.unit.findUnique({ where: { id } })) continue;
    const crew = checkCrew(
      u.kind,
      u.crew.map((authorisation) => ({ authorisation })),
      { manning: u.onCall ? 'ON_CALL' : 'ON_SITE', onCallExemptionRef: u.onCall?.exemptionRef ?? null },
    );
    const [dLat, dLon] = u.offset ?? [0, 0];
    await prisma.unit.create({
      data: {
        id,
        callSign: u.callSign,
        kind: u.kind,
        centreId: station.centreId,
        stationId: station.id,
        status: u.status ?? 'AVAILABLE_AT_STATION',
        statusAt: now,
        lat: station.lat + dLat,
        lon: station.lon + dLon,
        positionAt: now,
        crewOk: crew.ok,
        crewProblem: crew.ok ? null : (crew.problem ?? null),
        manning: u.onCall ? 'ON_CALL' : 'ON_SITE',
        onCallExemptionRef: u.onCall?.exemptionRef ?? null,
        crew: {
          create: u.crew.map((authorisation, i) => ({
            id: stableId(`crew:${u.callSign}:${i}`),
            personName: `Mannskap ${i + 1} ${u.callSign}`,
            authorisation,
            fromAt: now,
          })),
        },
      },
    });
    unitsCreated++;
  }

  let usersCreated = 0;
  for (const u of demoUsers) {
    const id = stableId(`user:${u.username}`);
    if (await prisma.user.findUnique({ where: { username: u.username } })) continue;
    await prisma.user.create({
      data: {
        id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        centreId: centreId(u.centre),
        isDemo: true,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        // Demo operators meet § 8, § 13 f and § 15 l, so they can take calls.
        education: 'NURSE',
        operatorTrainingOn: new Date('2021-09-01'),
        clinicalPracticeConfirmed: true,
        emergencyCourseOn: new Date('2021-10-01'),
        violenceCourseOn: new Date('2021-11-01'),
      },
    });
    usersCreated++;
  }
  await seedAkutthjelpere(prisma, centreId('AMK-BERGEN'));
  await seedDoctorRoster(prisma, centreId('LVS-BERGEN'));
  await seedAmkDoctorRoster(prisma, centreId('AMK-BERGEN'), 'Bergen', 50);
  await seedAmkDoctorRoster(prisma, centreId('AMK-FORDE'), 'Førde', 26);
  await seedHospitals(prisma);

  // A small sample of the triage index, marked as sample: a centre imports its licensed copy.
  if ((await prisma.triageCriterion.count()) === 0) {
    await createTriageService(prisma).importCsv(readFileSync(new URL('./criteria-sample.csv', import.meta.url), 'utf8'), {
      isSample: true,
    });
  }
  return { kommuner, usersCreated, unitsCreated };
}

export const demoCentreId = (code: string) => stableId(`centre:${code}`);

async function seedAkutthjelpere(prisma: Db, amkBergen: string): Promise<void> {
  const trainedUntil = new Date(Date.now() + 365 * 86_400_000);
  for (const o of demoAkutthjelpere) {
    const orgId = stableId(`ah-org:${o.organisation}`);
    const unitId = stableId(`ah-unit:${o.unit.name}`);
    await prisma.akutthjelperOrganisation.upsert({
      where: { id: orgId },
      create: { id: orgId, name: o.organisation, kind: o.kind },
      update: {},
    });
    await prisma.akutthjelperUnit.upsert({ where: { id: unitId }, create: { id: unitId, organisationId: orgId, ...o.unit }, update: {} });
    const agreementId = stableId(`ah-agreement:${o.unit.name}`);
    const day = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
    await prisma.akutthjelperAgreement.upsert({
      where: { id: agreementId },
      create: {
        id: agreementId,
        unitId,
        centreId: amkBergen,
        kommuner: o.agreement.kommuner,
        eventTypes: ['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING', 'GENERELL_NEDKJOLING'],
        validFrom: day(o.agreement.validFrom)!,
        validTo: day(o.agreement.validTo),
        documentRef: o.agreement.documentRef,
      },
      update: {},
    });
    for (const [i, m] of o.members.entries()) {
      const id = stableId(`ah-member:${m.name}`);
      const user = m.username ? await prisma.user.findUnique({ where: { username: m.username } }) : null;
      // Members stand a little apart around their station, all on duty in the demo.
      await prisma.akutthjelperMember.upsert({
        where: { id },
        create: {
          id,
          unitId,
          name: m.name,
          phone: m.phone,
          trainingValidUntil: trainedUntil,
          onDuty: true,
          userId: user?.id ?? null,
          isLeader: m.isLeader ?? false,
          lat: m.lat ?? o.unit.lat + 0.002 * i,
          lon: m.lon ?? o.unit.lon - 0.003 * i,
        },
        // an existing demo database gets its leader too (nothing else of a member is reset)
        update: m.isLeader ? { isLeader: true } : {},
      });
    }
  }
}

/**
 * Tonight's doctors on call at Bergen legevakt: one who may be alone (specialist in general
 * practice), and one who may not (too few watches) and has no backup yet — the roster flags it.
 */
async function seedDoctorRoster(prisma: Db, lvs: string): Promise<void> {
  if (await prisma.doctorShift.count({ where: { centreId: lvs } })) return;
  const from = new Date(Date.now() - 2 * 3_600_000);
  const to = new Date(from.getTime() + 16 * 3_600_000);
  await prisma.doctorShift.createMany({
    data: [
      {
        id: stableId('shift:sentrum'),
        centreId: lvs,
        district: 'Bergen sentrum',
        doctorName: 'Lege Anne Fjell',
        fromAt: from,
        toAt: to,
        specialistGeneralPractice: true,
        courseEmergencyMedicine: true,
        courseViolenceAndAbuse: true,
      },
      {
        id: stableId('shift:nord'),
        centreId: lvs,
        district: 'Bergen nord',
        doctorName: 'Lege Jonas Strand',
        fromAt: from,
        toAt: to,
        approvedGp: true,
        watchesDone: 12,
        monthsInMunicipalService: 4,
        courseEmergencyMedicine: true,
        courseViolenceAndAbuse: true,
      },
    ],
  });
}

/**
 * § 15 m: each AMK's doctor with emergency-medicine competence, in 12-hour shifts over the next
 * seven days from the seed, with one shift left open (`gapAfterHours` in) so the console and the
 * wall show what a gap looks like.
 */
async function seedAmkDoctorRoster(prisma: Db, amk: string, place: string, gapAfterHours: number): Promise<void> {
  if (await prisma.amkDoctorShift.count({ where: { centreId: amk } })) return;
  const start = new Date(Date.now() - 2 * 3_600_000);
  const doctors = [`Lege ${place === 'Bergen' ? 'Siri Haug' : 'Ola Myklebust'}`, `Lege ${place === 'Bergen' ? 'Tor Vik' : 'Kari Hope'}`];
  const shifts = Array.from({ length: 15 }, (_, i) => ({
    fromAt: new Date(start.getTime() + i * 12 * 3_600_000),
    toAt: new Date(start.getTime() + (i + 1) * 12 * 3_600_000),
    i,
  })).filter(
    (s) =>
      !(
        s.fromAt.getTime() - start.getTime() <= gapAfterHours * 3_600_000 && s.toAt.getTime() - start.getTime() > gapAfterHours * 3_600_000
      ),
  );
  await prisma.amkDoctorShift.createMany({
    data: shifts.map((s) => ({
      id: stableId(`amk-doctor:${place}:${s.i}`),
      centreId: amk,
      doctorName: doctors[s.i % 2]!,
      reachAt: `AMK-lege ${place} ${s.i % 2 ? '2' : '1'}`,
      fromAt: s.fromAt,
      toAt: s.toAt,
      createdBy: 'Demo',
    })),
  });
}
