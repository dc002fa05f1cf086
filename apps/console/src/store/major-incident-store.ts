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

/**
 * The hospitals a major incident's patients may be sent to, by name: its AMK's own and those of the
 * neighbouring AMKs alerted with it, as the server proposes and accepts them.
 */
export function hospitalsFor(
  incident: Pick<MajorIncidentDetail, 'centreId' | 'sharedWithCentreIds'>,
  hospitals: Record<string, HospitalSummary>,
): HospitalSummary[] {
  const centres = distributionCentreIds(incident);
  return Object.values(hospitals)
    .filter((h) => centres.includes(h.centreId))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
