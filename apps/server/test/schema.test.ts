// The hand-written migration must match prisma/schema.prisma: Prisma reads every column of every
// model, so a missing or misnamed column fails here rather than in front of an operator.
import { CALLBACK_OUTCOMES, CALL_SOURCES, CALL_STATES, CENTRE_KINDS, MAJOR_INCIDENT_LEVELS, ROLES, TRIAGE_CATEGORIES, UNIT_KINDS, UNIT_STATUSES, URGENCIES, type CallState, type Role, type UnitStatus } from '@amk/domain';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import pg from 'pg';
import { createPrisma } from '../src/db/prisma.js';
import * as prismaEnums from '../src/generated/prisma/enums.js';
import { migrate, listMigrations } from '../src/db/migrate.js';
import { migrationsDir } from '../src/db/database.js';
import { TEST_CENTRE_PREFIX } from './support/factories.js';
import { databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
afterAll(() => prisma.$disconnect());

const models = [
  'centre', 'fylke', 'kommune', 'user', 'session', 'integrationKey', 'call', 'callJournalEntry', 'incident',
  'callerPosition', 'triageCriterion', 'transfer', 'notification', 'station', 'unit', 'crewAssignment',
  'unitStatusChange', 'mission', 'missionUnit', 'doctorShift', 'akutthjelperOrganisation', 'akutthjelperUnit',
  'akutthjelperMember', 'akutthjelperAgreement', 'akutthjelperAlert', 'bistandRequest', 'recording',
  'recordingHold', 'recordingTombstone', 'purgeRun', 'answerTimeDay', 'answerTimeDayCount', 'auditLog', 'event',
  'hospital', 'majorIncident', 'majorIncidentPatient', 'majorIncidentLogEntry', 'callback',
] as const;

describe('database schema', () => {
  it.each(models)('every column of %s exists as Prisma expects', async (model) => {
    const delegate = (prisma as unknown as Record<string, { findMany(a: object): Promise<unknown[]> }>)[model]!;
    await expect(delegate.findMany({ take: 1 })).resolves.toBeInstanceOf(Array);
  });

  it('covers every model in the Prisma schema', () => {
    const dmmfModels = Object.keys(prisma).filter((k) => !k.startsWith('$') && !k.startsWith('_') && k !== 'constructor');
    expect(new Set(dmmfModels)).toEqual(new Set(models));
  });

  it('records migrations as Prisma does and applies nothing twice', async () => {
    const again = await migrate(databaseUrl(), migrationsDir);
    expect(again.applied).toEqual([]);
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL');
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(listMigrations(migrationsDir).map((m) => m.name));
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('seeded the demo region: four centres, all 357 kommuner, demo users', async () => {
    // (centres that other test files made for themselves are not the demo region's)
    const centres = await prisma.centre.findMany({ where: { NOT: { code: { startsWith: TEST_CENTRE_PREFIX } } }, orderBy: { code: 'asc' } });
    expect(centres.map((c) => c.code)).toEqual(['AMK-BERGEN', 'AMK-FORDE', 'LVS-BERGEN', 'LVS-SUNNFJORD']);
    expect(await prisma.kommune.count()).toBe(357);
    expect(await prisma.fylke.count()).toBe(15);
    const users = await prisma.user.findMany({ select: { username: true } });
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['amk.bergen', 'lv.bergen', 'supervisor.bergen', 'amk.forde', 'admin']));
    const flagged = await prisma.unit.findUnique({ where: { callSign: 'BGN-A14' } });
    expect(flagged?.crewOk).toBe(false);
    expect(flagged?.crewProblem).toBeTruthy();
  });
});

describe('one source per vocabulary', () => {
  // The domain's lists are the source; schema.prisma's enums (and so the generated client) and the
  // database's enum types (made by the migrations) must hold exactly the same values.
  const vocabularies = {
    CentreKind: CENTRE_KINDS,
    Role: ROLES,
    CallState: CALL_STATES,
    CallSource: CALL_SOURCES,
    Urgency: URGENCIES,
    UnitKind: UNIT_KINDS,
    UnitStatus: UNIT_STATUSES,
    TriageCategory: TRIAGE_CATEGORIES,
    MajorIncidentLevel: MAJOR_INCIDENT_LEVELS,
    CallbackOutcome: CALLBACK_OUTCOMES,
  } as const;

  it.each(Object.entries(vocabularies))('%s: schema.prisma has exactly the domain’s values', (name, values) => {
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: a test, reading each generated enum by its name
    expect(Object.values(prismaEnums[name as keyof typeof vocabularies]).sort()).toEqual([...values].sort());
  });

  it.each(Object.entries(vocabularies))('%s: the database’s enum type has exactly the domain’s values', async (name, values) => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const { rows } = await client.query(
      'SELECT e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typname = $1',
      [name],
    );
    await client.end();
    expect(rows.map((r) => r.value).sort()).toEqual([...values].sort());
  });

  it('the generated client’s types are the domain’s', () => {
    expectTypeOf<prismaEnums.UnitStatus>().toEqualTypeOf<UnitStatus>();
    expectTypeOf<prismaEnums.Role>().toEqualTypeOf<Role>();
    expectTypeOf<prismaEnums.CallState>().toEqualTypeOf<CallState>();
  });
});
