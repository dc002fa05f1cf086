// Major incidents and hospitals as the contracts show them: patients with their hospital's name and
// unit's call sign, counts per category and per hospital, and each hospital's declared capacity
// beside what open major incidents already send it. The payload is the contract, never a row.
import { TRANSPORT_CATEGORIES, TRIAGE_CATEGORIES, type TransportCategory } from '@amk/domain';
import type {
  CategoryCounts,
  HospitalCapacity,
  HospitalSummary,
  MajorIncidentDetail,
  MajorIncidentPatient,
  MajorIncidentScene,
  MajorIncidentSummary,
} from '@amk/contracts';
import { unitsSentTo } from './unit-check-ins.js';
import type { Db, Hospital, MajorIncident, MajorIncidentHospitalAlert, MajorIncidentPatient as PatientRow, Tx } from '@amk/db';
import { iso } from '../../lib/iso.js';

const zeroCounts = (): CategoryCounts => Object.fromEntries(TRIAGE_CATEGORIES.map((c) => [c, 0])) as CategoryCounts;

export const declaredCapacity = (h: Hospital): HospitalCapacity => ({
  RED: h.capacityRed,
  YELLOW: h.capacityYellow,
  GREEN: h.capacityGreen,
});

/** Patients of open major incidents destined to each hospital, per category (what its declared capacity is measured against). */
export async function usedCapacity(db: Db | Tx, hospitalIds?: string[]): Promise<Map<string, HospitalCapacity>> {
  const rows = await db.majorIncidentPatient.groupBy({
    by: ['hospitalId', 'category'],
    where: {
      hospitalId: hospitalIds ? { in: hospitalIds } : { not: null },
      category: { in: [...TRANSPORT_CATEGORIES] },
      majorIncident: { closedAt: null },
    },
    _count: { _all: true },
  });
  const used = new Map<string, HospitalCapacity>();
  for (const r of rows) {
    if (!r.hospitalId) continue;
    const entry = used.get(r.hospitalId) ?? { RED: 0, YELLOW: 0, GREEN: 0 };
    entry[r.category as TransportCategory] = r._count._all;
    used.set(r.hospitalId, entry);
  }
  return used;
}

/** Hospitals with their capacity and its use: those named, those of the centres named, or every one. */
export async function hospitalSummaries(db: Db | Tx, where: { ids?: string[]; centreIds?: string[] } = {}): Promise<HospitalSummary[]> {
  const hospitals = await db.hospital.findMany({
    where: { ...(where.ids && { id: { in: where.ids } }), ...(where.centreIds && { centreId: { in: where.centreIds } }) },
    orderBy: { name: 'asc' },
  });
  const used = await usedCapacity(
    db,
    hospitals.map((h) => h.id),
  );
  return hospitals.map((h) => ({
    id: h.id,
    code: h.code,
    name: h.name,
    centreId: h.centreId,
    lat: h.lat,
    lon: h.lon,
    capacity: declaredCapacity(h),
    used: used.get(h.id) ?? { RED: 0, YELLOW: 0, GREEN: 0 },
    capacityUpdatedAt: iso(h.capacityUpdatedAt),
    capacityUpdatedBy: h.capacityUpdatedBy,
  }));
}

const point = (lat: number | null, lon: number | null) => (lat !== null && lon !== null ? { lat, lon } : null);

const sceneOf = (m: MajorIncident): MajorIncidentScene => ({
  rendezvous: point(m.rendezvousLat, m.rendezvousLon),
  holdingArea: point(m.holdingAreaLat, m.holdingAreaLon),
  casualtyClearing: point(m.casualtyClearingLat, m.casualtyClearingLon),
  operativLederHelse: m.operativLederHelse,
  fagLederHelse: m.fagLederHelse,
  innsatsleder: m.innsatsleder,
  updatedAt: iso(m.sceneUpdatedAt),
});

type Loaded = MajorIncident & {
  patients: (PatientRow & { hospital: Hospital | null })[];
  hospitalAlerts: (MajorIncidentHospitalAlert & { hospital: Hospital })[];
};

async function load(db: Db | Tx, ids: string[]): Promise<Loaded[]> {
  return db.majorIncident.findMany({
    where: { id: { in: ids } },
    include: {
      patients: { include: { hospital: true }, orderBy: [{ registeredAt: 'asc' }, { cardNumber: 'asc' }] },
      hospitalAlerts: { include: { hospital: true }, orderBy: { hospital: { name: 'asc' } } },
    },
    orderBy: { declaredAt: 'asc' },
  });
}

async function toDetails(db: Db | Tx, rows: Loaded[]): Promise<MajorIncidentDetail[]> {
  const sent = new Map(await Promise.all(rows.map(async (m) => [m.id, await unitsSentTo(db, m)] as const)));
  const unitIds = [...new Set(rows.flatMap((m) => m.patients.map((p) => p.unitId)).filter((x): x is string => !!x))];
  const userIds = [...new Set(rows.map((m) => m.declaredById))];
  const [units, users] = await Promise.all([
    unitIds.length ? db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, callSign: true } }) : [],
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
  ]);
  const callSign = new Map(units.map((u) => [u.id, u.callSign]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  return rows.map((m) => {
    const byCategory = zeroCounts();
    const byHospital = new Map<string, MajorIncidentSummary['byHospital'][number]>();
    const patients: MajorIncidentPatient[] = m.patients.map((p) => {
      byCategory[p.category] += 1;
      if (p.hospital) {
        const h = byHospital.get(p.hospital.id) ?? {
          hospitalId: p.hospital.id,
          code: p.hospital.code,
          name: p.hospital.name,
          byCategory: zeroCounts(),
        };
        h.byCategory[p.category] += 1;
        byHospital.set(p.hospital.id, h);
      }
      return {
        id: p.id,
        cardNumber: p.cardNumber,
        category: p.category,
        categoryAt: p.categoryAt.toISOString(),
        registeredAt: p.registeredAt.toISOString(),
        hospitalId: p.hospitalId,
        hospitalName: p.hospital?.name ?? null,
        unitId: p.unitId,
        callSign: p.unitId ? (callSign.get(p.unitId) ?? null) : null,
        transportAssignedAt: iso(p.transportAssignedAt),
        capacityOverrideReason: p.capacityOverrideReason,
        leftSceneAt: iso(p.leftSceneAt),
        arrivedAt: iso(p.arrivedAt),
      };
    });
    return {
      id: m.id,
      centreId: m.centreId,
      sharedWithCentreIds: m.sharedWithCentreIds,
      incidentId: m.incidentId,
      callId: m.callId,
      level: m.level,
      lat: m.lat,
      lon: m.lon,
      description: m.description,
      declaredAt: m.declaredAt.toISOString(),
      declaredBy: userName.get(m.declaredById) ?? 'ukjent',
      closedAt: iso(m.closedAt),
      updatedAt: m.updatedAt.toISOString(),
      byCategory,
      byHospital: [...byHospital.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb')),
      scene: sceneOf(m),
      patients,
      units: sent.get(m.id) ?? [],
      hospitalAlerts: m.hospitalAlerts.map((a) => ({
        hospitalId: a.hospitalId,
        code: a.hospital.code,
        name: a.hospital.name,
        notifiedAt: a.notifiedAt.toISOString(),
        level: a.level,
        answeredAt: iso(a.answeredAt),
        answeredBy: a.answeredBy,
      })),
    };
  });
}

export async function majorIncidentDetail(db: Db | Tx, id: string): Promise<MajorIncidentDetail | null> {
  return (await toDetails(db, await load(db, [id])))[0] ?? null;
}

/** Open major incidents of a centre (and, asked for, those shared with it), with patients and units. */
export async function openMajorIncidentDetails(
  db: Db | Tx,
  centreId: string,
  { withShared = false }: { withShared?: boolean } = {},
): Promise<MajorIncidentDetail[]> {
  const whose = withShared ? { OR: [{ centreId }, { sharedWithCentreIds: { has: centreId } }] } : { centreId };
  const ids = (await db.majorIncident.findMany({ where: { ...whose, closedAt: null }, select: { id: true }, take: 100 })).map((m) => m.id);
  return toDetails(db, await load(db, ids));
}

/** The list carries counts, not patients. */
export const toSummary = ({ patients: _p, hospitalAlerts: _a, units: _u, ...summary }: MajorIncidentDetail): MajorIncidentSummary =>
  summary;

export async function openMajorIncidents(
  db: Db | Tx,
  centreId: string,
  opts: { withShared?: boolean } = {},
): Promise<MajorIncidentSummary[]> {
  return (await openMajorIncidentDetails(db, centreId, opts)).map(toSummary);
}
