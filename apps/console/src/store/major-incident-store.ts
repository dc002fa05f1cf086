// Major incidents and hospitals as the console knows them, kept apart from the main store: the
// main store hands their events here. A copy older than the one held never replaces it (the HTTP
// answer and the socket echo of the same change arrive in either order).
import type { HospitalSummary, MajorIncidentDetail } from '@amk/contracts';
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
