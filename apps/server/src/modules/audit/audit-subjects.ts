// What an audit row is about, in words a supervisor recognises instead of a UUID: a call by its
// line and the time it rang (everything that belongs to a call — its recording, mission, hand-over,
// callback, loaned unit, major incident — by that call), a unit by its call sign, a user, centre,
// hospital or organisation by its name, a kommune by its name. Never the caller's or patient's
// data: reading the audit log is not a read of the record. One query per kind of record on the
// page, whatever its length.
import type { AuditSubject } from '@amk/contracts';
import type { Db } from '@amk/db';

type Row = { entityType: string; entityId: string | null };
type CallRef = { line: string; ringingAt: Date };

// Ids of these tables are UUIDs; an audit row may hold anything (a route, a kommune number), and
// PostgreSQL refuses a non-UUID compared with a uuid column, so only well-formed ones are looked up.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CALL_SELECT = { select: { line: true, ringingAt: true } } as const;
const ofCall = (call: CallRef | null | undefined, name: string | null = null): AuditSubject =>
  call ? { name, line: call.line, at: call.ringingAt.toISOString() } : { name, line: null, at: null };
const named = (name: string, at: Date | null = null): AuditSubject => ({ name, line: null, at: at?.toISOString() ?? null });

/** Each kind of record, how to look up the labels of a set of its ids. */
const LOOKUPS: Record<string, (db: Db, ids: string[]) => Promise<Map<string, AuditSubject>>> = {
  Call: async (db, ids) =>
    new Map(
      (await db.call.findMany({ where: { id: { in: ids } }, select: { id: true, line: true, ringingAt: true } })).map((c) => [
        c.id,
        ofCall(c),
      ]),
    ),
  Recording: async (db, ids) =>
    new Map(
      (await db.recording.findMany({ where: { id: { in: ids } }, select: { id: true, recordedAt: true, call: CALL_SELECT } })).map((r) => [
        r.id,
        r.call ? ofCall(r.call) : { name: null, line: null, at: r.recordedAt.toISOString() },
      ]),
    ),
  Mission: async (db, ids) =>
    new Map(
      (await db.mission.findMany({ where: { id: { in: ids } }, select: { id: true, call: CALL_SELECT } })).map((m) => [
        m.id,
        ofCall(m.call),
      ]),
    ),
  Transfer: async (db, ids) =>
    new Map(
      (await db.transfer.findMany({ where: { id: { in: ids } }, select: { id: true, call: CALL_SELECT } })).map((t) => [
        t.id,
        ofCall(t.call),
      ]),
    ),
  Callback: async (db, ids) =>
    new Map(
      (await db.callback.findMany({ where: { id: { in: ids } }, select: { id: true, call: CALL_SELECT } })).map((c) => [
        c.id,
        ofCall(c.call),
      ]),
    ),
  UnitLoan: async (db, ids) => {
    const loans = await db.unitLoan.findMany({
      where: { id: { in: ids } },
      select: { id: true, unitId: true, callId: true, requestedAt: true },
    });
    const [units, calls] = await Promise.all([
      db.unit.findMany({ where: { id: { in: loans.map((l) => l.unitId) } }, select: { id: true, callSign: true } }),
      db.call.findMany({
        where: { id: { in: loans.flatMap((l) => (l.callId ? [l.callId] : [])) } },
        select: { id: true, line: true, ringingAt: true },
      }),
    ]);
    const callSign = new Map(units.map((u) => [u.id, u.callSign]));
    const call = new Map(calls.map((c) => [c.id, c]));
    return new Map(
      loans.map((l) => {
        const name = callSign.get(l.unitId) ?? null;
        return [
          l.id,
          l.callId && call.has(l.callId) ? ofCall(call.get(l.callId), name) : { name, line: null, at: l.requestedAt.toISOString() },
        ];
      }),
    );
  },
  MajorIncident: async (db, ids) =>
    new Map(
      (await db.majorIncident.findMany({ where: { id: { in: ids } }, select: { id: true, declaredAt: true } })).map((m) => [
        m.id,
        { name: null, line: null, at: m.declaredAt.toISOString() },
      ]),
    ),
  Unit: async (db, ids) =>
    new Map(
      (await db.unit.findMany({ where: { id: { in: ids } }, select: { id: true, callSign: true } })).map((u) => [u.id, named(u.callSign)]),
    ),
  User: async (db, ids) =>
    new Map(
      (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [
        u.id,
        named(u.displayName),
      ]),
    ),
  Centre: async (db, ids) =>
    new Map((await db.centre.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } })).map((c) => [c.id, named(c.code)])),
  Hospital: async (db, ids) =>
    new Map(
      (await db.hospital.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((h) => [h.id, named(h.name)]),
    ),
  AkutthjelperOrganisation: async (db, ids) =>
    new Map(
      (await db.akutthjelperOrganisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((o) => [
        o.id,
        named(o.name),
      ]),
    ),
  Takeover: async (db, ids) => {
    const takeovers = await db.takeover.findMany({ where: { id: { in: ids } }, select: { id: true, centreId: true, startedAt: true } });
    const centres = await db.centre.findMany({ where: { id: { in: takeovers.map((t) => t.centreId) } }, select: { id: true, code: true } });
    const code = new Map(centres.map((c) => [c.id, c.code]));
    return new Map(takeovers.map((t) => [t.id, named(code.get(t.centreId) ?? '', t.startedAt)]));
  },
};

/** Kommuner are keyed by their number, not a UUID. */
async function kommuneNames(db: Db, numbers: string[]): Promise<Map<string, AuditSubject>> {
  const rows = await db.kommune.findMany({ where: { nummer: { in: numbers } }, select: { nummer: true, navn: true } });
  return new Map(rows.map((k) => [k.nummer, named(`${k.navn} (${k.nummer})`)]));
}

/** The subject of each row, keyed by `${entityType}:${entityId}`; rows whose record is gone or unknown are absent. */
export async function auditSubjects(db: Db, rows: Row[]): Promise<Map<string, AuditSubject>> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.entityId) continue;
    const ok = r.entityType === 'Kommune' ? r.entityId.length <= 10 : UUID.test(r.entityId) && r.entityType in LOOKUPS;
    if (!ok) continue;
    const set = idsByType.get(r.entityType) ?? new Set<string>();
    set.add(r.entityId);
    idsByType.set(r.entityType, set);
  }
  const found = await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const lookup = type === 'Kommune' ? kommuneNames : LOOKUPS[type];
      const labels = lookup ? await lookup(db, [...ids]) : new Map<string, AuditSubject>();
      return [...labels].map(([id, subject]) => [`${type}:${id}`, subject] as const);
    }),
  );
  return new Map(found.flat());
}
