// Records a test makes for itself, named uniquely per call, so a test neither leans on the demo
// seed's names (BGN-A11, amk.bergen, AMK-BERGEN) nor has to put the seeded fleet back afterwards
// for the next file. Each factory writes straight to the database with the fewest fields the
// schema needs; pass overrides for what the test is about.
import { randomUUID } from 'node:crypto';
import { createIntegrationKeyService } from '../../src/auth/integration-keys.service.js';
import { hashPassword } from '../../src/auth/passwords.js';
import type { Db, Prisma } from '@amk/db';

let counter = 0;
/** A short name part unique in this run: the process id, a counter and a random tail. */
export const uniqueName = (prefix: string) =>
  `${prefix}-${process.pid.toString(36)}${(++counter).toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase();

/** Every centre code a factory makes begins so; the demo region's do not. */
export const TEST_CENTRE_PREFIX = 'T-';

/** A centre of its own (AMK unless told), near Bergen, covering no kommune unless told. */
export async function createCentre(prisma: Db, data: Partial<Prisma.CentreUncheckedCreateInput> = {}) {
  const code = data.code ?? uniqueName(`${TEST_CENTRE_PREFIX}${data.kind === 'LVS' ? 'LVS' : 'AMK'}`);
  return prisma.centre.create({
    data: {
      id: randomUUID(),
      code,
      name: `Testsentral ${code}`,
      kind: 'AMK',
      owner: 'Test HF',
      kommuner: [],
      neighbourCentreIds: [],
      lat: 60.39,
      lon: 5.32,
      ...data,
    },
  });
}

/** A user of a centre who logs in with `password` (default 'demo'), as an AMK operator unless told. */
/** Meets § 15 l (AMK) and § 13 f with § 8 (LVS). */
export const COMPETENT_OPERATOR = {
  education: 'NURSE',
  operatorTrainingOn: new Date('2020-01-15'),
  clinicalPracticeConfirmed: true,
  emergencyCourseOn: new Date('2020-02-15'),
  violenceCourseOn: new Date('2020-03-15'),
} as const;

export async function createUser(
  prisma: Db,
  centreId: string,
  {
    password = 'demo',
    competent = true,
    ...data
  }: Partial<Prisma.UserUncheckedCreateInput> & { password?: string; competent?: boolean } = {},
) {
  const username = data.username ?? uniqueName('t.user').toLowerCase();
  const user = await prisma.user.create({
    data: {
      id: randomUUID(),
      username,
      displayName: `Test ${username}`,
      role: 'amk_operator',
      centreId,
      passwordHash: await hashPassword(password),
      // By default a user meets § 8, § 13 f and § 15 l whatever their centre; competent: false
      // makes an operator who meets none of them.
      ...(competent && COMPETENT_OPERATOR),
      ...data,
    },
  });
  return { ...user, password };
}

/**
 * An ambulance of a centre, free at no station with a crew that passes § 11, its last status an
 * hour ago (so a terminal's report from now on is newer).
 */
export async function createUnit(prisma: Db, centreId: string, data: Partial<Prisma.UnitUncheckedCreateInput> = {}) {
  return prisma.unit.create({
    data: {
      id: randomUUID(),
      callSign: uniqueName('T'),
      kind: 'AMBULANCE_CAR',
      centreId,
      status: 'AVAILABLE_AT_STATION',
      statusAt: new Date(Date.now() - 3_600_000),
      crewOk: true,
      ...data,
    },
  });
}

/** A call of a centre written straight to the database (as telephony would register it), ringing now unless told. */
export async function createCall(prisma: Db, centreId: string, data: Partial<Prisma.CallUncheckedCreateInput> = {}) {
  return prisma.call.create({
    data: { id: randomUUID(), centreId, line: '113', source: 'CTI', state: 'RINGING', ringingAt: new Date(), ...data },
  });
}

/** A station of a centre (where a unit "available at station" is ranked from), near Bergen unless told. */
export async function createStation(prisma: Db, centreId: string, data: Partial<Prisma.StationUncheckedCreateInput> = {}) {
  return prisma.station.create({
    data: { id: randomUUID(), centreId, name: `Teststasjon ${uniqueName('S')}`, lat: 60.39, lon: 5.32, kommunenummer: '4601', ...data },
  });
}

/** Every kommune number a factory makes begins so; real ones are four digits. */
export const TEST_KOMMUNE_PREFIX = 'K-';

/**
 * A kommune of the test's own (a made-up number no real kommune or demo centre has), for a
 * centre's `kommuner`: preparedness and hand-overs then look at this test's kommuner alone.
 * Rural, at Bergen, unless told.
 */
export async function createKommune(prisma: Db, data: Partial<Prisma.KommuneUncheckedCreateInput> = {}) {
  const nummer = data.nummer ?? uniqueName(TEST_KOMMUNE_PREFIX.slice(0, -1));
  return prisma.kommune.create({
    data: { nummer, navn: `Testkommune ${nummer}`, fylkesnummer: '46', settlementClass: 'RURAL', lat: 60.39, lon: 5.32, ...data },
  });
}

/** An integration key (telephony, AML gateway, unit terminals) of a centre; returns the key itself. */
export async function createIntegrationKey(prisma: Db, centreCode: string, name = 'test integration') {
  return (await createIntegrationKeyService(prisma).create(name, centreCode)).key;
}

/** The four events of the akutthjelper scheme, as an agreement lists them. */
export const AKUTTHJELPER_EVENTS = ['HJERTESTANS', 'BEVISSTLOSHET', 'STOR_YTRE_BLODNING', 'GENERELL_NEDKJOLING'];

/**
 * An akutthjelper unit (a fire station or a volunteer team) with its organisation, at Bergen unless
 * told; with `agreement`, a written agreement with a centre (the hospital trust's AMK) for the four
 * events in the kommuner given, in force from a year ago with no end unless told.
 */
export async function createAkutthjelperUnit(
  prisma: Db,
  data: {
    kind?: 'BRANN' | 'FORF';
    lat?: number;
    lon?: number;
    agreement?: Partial<Prisma.AkutthjelperAgreementUncheckedCreateInput> & { centreId: string; kommuner: string[] };
  } = {},
) {
  const name = uniqueName('Akutthjelpere');
  const organisation = await prisma.akutthjelperOrganisation.create({
    data: { id: randomUUID(), name: `Org ${name}`, kind: data.kind ?? 'FORF' },
  });
  const unit = await prisma.akutthjelperUnit.create({
    data: { id: randomUUID(), organisationId: organisation.id, name, lat: data.lat ?? 60.39, lon: data.lon ?? 5.32 },
  });
  if (data.agreement)
    await prisma.akutthjelperAgreement.create({
      data: {
        id: randomUUID(),
        unitId: unit.id,
        eventTypes: AKUTTHJELPER_EVENTS,
        validFrom: new Date(Date.now() - 365 * 86_400_000),
        ...data.agreement,
      },
    });
  return { ...unit, organisation };
}

/** A member of an akutthjelper unit: on duty, trained for a year more, at the unit's place unless told. */
export async function createAkutthjelperMember(
  prisma: Db,
  unit: { id: string; lat: number; lon: number },
  data: Partial<Prisma.AkutthjelperMemberUncheckedCreateInput> = {},
) {
  return prisma.akutthjelperMember.create({
    data: {
      id: randomUUID(),
      unitId: unit.id,
      name: `Akutthjelper ${uniqueName('M')}`,
      phone: `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      trainingValidUntil: new Date(Date.now() + 365 * 86_400_000),
      onDuty: true,
      lat: unit.lat,
      lon: unit.lon,
      ...data,
    },
  });
}

/**
 * A hospital with acute functions of a centre's HF, declaring no capacity unless told (so no
 * other test's proposal sends a patient there).
 */
export async function createHospital(prisma: Db, centreId: string, data: Partial<Prisma.HospitalUncheckedCreateInput> = {}) {
  const code = data.code ?? uniqueName('T-HOSP');
  return prisma.hospital.create({
    data: { id: randomUUID(), code, name: `Testsykehus ${code}`, centreId, lat: 60.39, lon: 5.32, ...data },
  });
}
