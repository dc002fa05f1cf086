// The hand-written migration must match prisma/schema.prisma: Prisma reads every column of every
// model, so a missing or misnamed column fails here rather than in front of an operator.
import {
  AKUTTHJELPER_ALERT_VIA,
  AKUTTHJELPER_KINDS,
  ALERT_CHANNELS,
  ALERT_STATES,
  AUDIT_ACTOR_KINDS,
  AUTHORISATIONS,
  BISTAND_ACK_VIA,
  BISTAND_KINDS,
  CALLBACK_OUTCOMES,
  CALL_SOURCES,
  CALL_STATES,
  CENTRE_KINDS,
  CREW_MANNINGS,
  DELIVERY_STATES,
  HOLD_REASONS,
  JOURNAL_KINDS,
  LINES,
  MAJOR_INCIDENT_LEVELS,
  MAJOR_INCIDENT_LOG_KINDS,
  EDUCATIONS,
  MISSION_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_RECIPIENTS,
  ROLES,
  SETTLEMENT_CLASSES,
  SEXES,
  STATUS_CHANGE_SOURCES,
  TRANSFER_STATES,
  UNIT_LOAN_STATES,
  TRIAGE_CATEGORIES,
  UNIT_KINDS,
  UNIT_STATUSES,
  URGENCIES,
  type CallState,
  type HoldReason,
  type JournalKind,
  type Role,
  type UnitStatus,
} from '@amk/domain';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import pg from 'pg';
import { createPrisma, migrate, migrationsDir } from '@amk/db';
import { actualSchema, declaredSchema, listMigrations, prismaEnums, type ColumnShape } from '@amk/db/testing';
import { TEST_CENTRE_PREFIX, TEST_KOMMUNE_PREFIX } from './support/factories.js';
import { databaseUrl } from './support/test-app.js';

const prisma = createPrisma(databaseUrl(), 2);
afterAll(() => prisma.$disconnect());

const models = [
  'centre',
  'fylke',
  'kommune',
  'user',
  'session',
  'oidcLogin',
  'oidcClaimMapping',
  'integrationKey',
  'call',
  'callJournalEntry',
  'incident',
  'callerPosition',
  'triageCriterion',
  'transfer',
  'notification',
  'station',
  'unit',
  'crewAssignment',
  'unitStatusChange',
  'mission',
  'missionUnit',
  'doctorShift',
  'amkDoctorShift',
  'takeover',
  'unitLoan',
  'akutthjelperOrganisation',
  'akutthjelperUnit',
  'akutthjelperMember',
  'akutthjelperAgreement',
  'akutthjelperAlert',
  'akutthjelperTestAlert',
  'akutthjelperUnitAlert',
  'akutthjelperTestRecipient',
  'bistandRecipient',
  'bistandRequest',
  'recording',
  'recordingHold',
  'recordingTombstone',
  'purgeRun',
  'answerTimeDay',
  'answerTimeDayCount',
  'auditLog',
  'event',
  'hospital',
  'majorIncident',
  'majorIncidentPatient',
  'majorIncidentLogEntry',
  'majorIncidentHospitalAlert',
  'majorIncidentCheckIn',
  'callback',
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
});

describe('the migrations build exactly what schema.prisma declares', () => {
  const declared = declaredSchema();
  let actual: Awaited<ReturnType<typeof actualSchema>>;
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      actual = await actualSchema(client);
    } finally {
      await client.end();
    }
  });
  const key = (c: ColumnShape) => `${c.table}.${c.column}`;

  it('the same tables and columns, no more and no fewer', () => {
    expect(declared.columns.length).toBeGreaterThan(300);
    expect(actual.columns.map(key).sort()).toEqual(declared.columns.map(key).sort());
  });

  it('each column has the declared type (enums by name) and nullability', () => {
    const byKey = new Map(actual.columns.map((c) => [key(c), c]));
    const mismatches = declared.columns
      .filter((d) => byKey.get(key(d))?.type !== d.type || byKey.get(key(d))?.nullable !== d.nullable)
      .map(
        (d) =>
          `${key(d)}: schema ${d.type}${d.nullable ? '?' : ''}, database ${byKey.get(key(d))?.type}${byKey.get(key(d))?.nullable ? '?' : ''}`,
      );
    expect(mismatches).toEqual([]);
  });

  it('every declared index and unique constraint exists, and every plain index is declared', () => {
    expect(declared.indexes.length).toBeGreaterThan(60);
    const declaredSet = new Set(declared.indexes);
    expect(declared.indexes.filter((i) => !actual.indexes.includes(i))).toEqual([]);
    // Partial and expression indexes cannot be written in schema.prisma; they are listed, not compared.
    expect(actual.indexes.filter((i) => !i.endsWith('(hand-written)') && !declaredSet.has(i))).toEqual([]);
  });
});

describe('the demo seed', () => {
  it('seeded the demo region: five centres, all 357 kommuner, demo users', async () => {
    // (centres and kommuner that other test files made for themselves are not the demo region's)
    const centres = await prisma.centre.findMany({
      where: { NOT: { code: { startsWith: TEST_CENTRE_PREFIX } } },
      orderBy: { code: 'asc' },
    });
    expect(centres.map((c) => c.code)).toEqual(['AMK-BERGEN', 'AMK-FORDE', 'LVS-BERGEN', 'LVS-SUNNFJORD', 'LVS-VOSS']);
    expect(await prisma.kommune.count({ where: { NOT: { nummer: { startsWith: TEST_KOMMUNE_PREFIX } } } })).toBe(357);
    expect(await prisma.fylke.count()).toBe(15);
    const users = await prisma.user.findMany({ select: { username: true } });
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['amk.bergen', 'lv.bergen', 'supervisor.bergen', 'amk.forde', 'admin']),
    );
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
    SettlementClass: SETTLEMENT_CLASSES,
    Sex: SEXES,
    TransferState: TRANSFER_STATES,
    UnitLoanState: UNIT_LOAN_STATES,
    NotificationRecipient: NOTIFICATION_RECIPIENTS,
    DeliveryState: DELIVERY_STATES,
    NotificationChannel: NOTIFICATION_CHANNELS,
    Authorisation: AUTHORISATIONS,
    MissionKind: MISSION_KINDS,
    StatusChangeSource: STATUS_CHANGE_SOURCES,
    AkutthjelperKind: AKUTTHJELPER_KINDS,
    AkutthjelperAlertVia: AKUTTHJELPER_ALERT_VIA,
    AlertState: ALERT_STATES,
    AlertChannel: ALERT_CHANNELS,
    BistandKind: BISTAND_KINDS,
    BistandAckVia: BISTAND_ACK_VIA,
    HoldReason: HOLD_REASONS,
    JournalKind: JOURNAL_KINDS,
    AuditActorKind: AUDIT_ACTOR_KINDS,
    MajorIncidentLogKind: MAJOR_INCIDENT_LOG_KINDS,
    CrewManning: CREW_MANNINGS,
    Education: EDUCATIONS,
  } as const;

  it('every enum in schema.prisma is one of the domain’s vocabularies', () => {
    expect(Object.keys(prismaEnums).sort()).toEqual(Object.keys(vocabularies).sort());
  });

  it('the line, which an enum cannot name, is checked against the domain’s list wherever it is stored', async () => {
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const { rows } = await client.query<{ table: string; definition: string }>(
      `SELECT rel.relname AS table, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_class rel ON rel.oid = c.conrelid
        WHERE c.contype = 'c' AND c.conname LIKE '%line_check'`,
    );
    await client.end();
    expect(rows.map((r) => r.table).sort()).toEqual(['AnswerTimeDayCount', 'Call']);
    for (const r of rows) expect([...r.definition.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort()).toEqual([...LINES].sort());
  });

  it.each(Object.entries(vocabularies))('%s: schema.prisma has exactly the domain’s values', (name, values) => {
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
    expectTypeOf<prismaEnums.HoldReason>().toEqualTypeOf<HoldReason>();
    expectTypeOf<prismaEnums.JournalKind>().toEqualTypeOf<JournalKind>();
  });
});
