// Major incidents and hospitals as the console knows them, kept apart from the main store: the
// main store hands their events here. A copy older than the one held never replaces it (the HTTP
// answer and the socket echo of the same change arrive in either order).
import type { HospitalSummary, MajorIncidentDetail } from '@amk/contracts';
import { distributionCentreIds } from '@amk/domain';
import { create } from 'zustand';

export interface MajorIncidentState {
  incidents: Record<string, MajorIncidentDetail>;
  hospitals: Record<string, HospitalSummary>;
  upsertIncident(m: MajorIncidentDetail): void;
  upsertHospital(h: HospitalSummary): void;
  setHospitals(list: HospitalSummary[]): void;
}

export const useMajorIncidents = create<MajorIncidentState>((set) => ({
  incidents: {},
  hospitals: {},
  upsertIncident: (m) =>
    set((s) => {
      const current = s.incidents[m.id];
      return current && current.updatedAt > m.updatedAt ? s : { incidents: { ...s.incidents, [m.id]: m } };
    }),
  upsertHospital: (h) => set((s) => ({ hospitals: { ...s.hospitals, [h.id]: h } })),
  setHospitals: (list) => set({ hospitals: Object.fromEntries(list.map((h) => [h.id, h])) }),
}));

type IncidentArea = Pick<MajorIncidentDetail, 'centreId' | 'sharedWithCentreIds'>;

/**
 * Every hospital, by name, in two groups: those of the incident's area (its AMK's own and those of
 * the neighbouring AMKs alerted with it), which the server proposes, and the rest, which take a
 * reason.
 */
export function hospitalsByArea(incident: IncidentArea, hospitals: Record<string, HospitalSummary>) {
  const centres = distributionCentreIds(incident);
  const byName = Object.values(hospitals).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return {
    area: byName.filter((h) => centres.includes(h.centreId)),
    elsewhere: byName.filter((h) => !centres.includes(h.centreId)),
  };
}

/** The hospitals of a major incident's area, by name (see hospitalsByArea). */
export const hospitalsFor = (incident: IncidentArea, hospitals: Record<string, HospitalSummary>): HospitalSummary[] =>
  hospitalsByArea(incident, hospitals).area;
