// The console's major incidents: an older copy (a late HTTP answer) never replaces a newer one (the
// socket echo), and a patient's transport offers the hospitals of the incident's area alone.
import type { HospitalSummary, MajorIncidentDetail } from '@amk/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { hospitalsFor, useMajorIncidents } from '../src/store/major-incident-store.js';

const incident = (updatedAt: string, cards: string[]): MajorIncidentDetail => ({
  id: '00000000-0000-4000-8000-000000000001',
  centreId: '00000000-0000-4000-8000-000000000002',
  incidentId: '00000000-0000-4000-8000-000000000003',
  callId: null,
  level: 'RED',
  lat: 60.5,
  lon: 5.8,
  description: 'Buss',
  declaredAt: '2026-12-02T18:00:00.000Z',
  declaredBy: 'Ingrid',
  closedAt: null,
  updatedAt,
  byCategory: { RED: cards.length, YELLOW: 0, GREEN: 0, DEAD: 0 },
  byHospital: [],
  scene: {
    rendezvous: null,
    holdingArea: null,
    casualtyClearing: null,
    operativLederHelse: null,
    fagLederHelse: null,
    innsatsleder: null,
    updatedAt: null,
  },
  patients: cards.map((c, i) => ({
    id: `00000000-0000-4000-8000-00000000010${i}`,
    cardNumber: c,
    category: 'RED',
    categoryAt: updatedAt,
    registeredAt: updatedAt,
    hospitalId: null,
    hospitalName: null,
    unitId: null,
    callSign: null,
    transportAssignedAt: null,
    capacityOverrideReason: null,
    leftSceneAt: null,
    arrivedAt: null,
  })),
  hospitalAlerts: [],
  sharedWithCentreIds: [],
  units: [],
});

describe('major incidents in the console', () => {
  beforeEach(() => useMajorIncidents.setState({ incidents: {}, hospitals: {} }));

  it('keeps the newer copy whichever arrives first', () => {
    const { upsertIncident } = useMajorIncidents.getState();
    upsertIncident(incident('2026-12-02T18:02:00.000Z', ['1', '2']));
    upsertIncident(incident('2026-12-02T18:01:00.000Z', ['1']));
    expect(Object.values(useMajorIncidents.getState().incidents)[0]!.patients.map((p) => p.cardNumber)).toEqual(['1', '2']);
    upsertIncident(incident('2026-12-02T18:03:00.000Z', ['1', '2', '3']));
    expect(Object.values(useMajorIncidents.getState().incidents)[0]!.byCategory.RED).toBe(3);
  });

  it('offers the hospitals of the incident’s AMK and of the neighbours alerted with it, by name; not another centre’s', () => {
    const own = '00000000-0000-4000-8000-000000000002';
    const neighbour = '00000000-0000-4000-8000-000000000004';
    const other = '00000000-0000-4000-8000-000000000005';
    const hospital = (n: number, name: string, centreId: string): HospitalSummary => ({
      id: `00000000-0000-4000-8000-00000000020${n}`,
      code: `H${n}`,
      name,
      centreId,
      lat: 60.4,
      lon: 5.3,
      capacity: { RED: 1, YELLOW: 1, GREEN: 1 },
      used: { RED: 0, YELLOW: 0, GREEN: 0 },
      capacityUpdatedAt: null,
      capacityUpdatedBy: null,
    });
    useMajorIncidents
      .getState()
      .setHospitals([
        hospital(1, 'Voss sjukehus', own),
        hospital(2, 'Førde sentralsjukehus', neighbour),
        hospital(3, 'Stavanger universitetssjukehus', other),
        hospital(4, 'Haukeland universitetssjukehus', own),
      ]);
    const { hospitals } = useMajorIncidents.getState();
    const names = (m: MajorIncidentDetail) => hospitalsFor(m, hospitals).map((h) => h.name);
    expect(names({ ...incident('2026-12-02T18:00:00.000Z', []), sharedWithCentreIds: [neighbour] })).toEqual([
      'Førde sentralsjukehus',
      'Haukeland universitetssjukehus',
      'Voss sjukehus',
    ]);
    expect(names(incident('2026-12-02T18:00:00.000Z', []))).toEqual(['Haukeland universitetssjukehus', 'Voss sjukehus']);
  });
});
