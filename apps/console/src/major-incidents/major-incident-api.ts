// The major-incident commands and reads the panel needs; every answer goes through the store, so
// the HTTP answer and the socket echo of the same change end up as one record.
import type { AssignTransportRequest, DistributionProposal, MajorIncidentDetail, MajorIncidentLevel, TriageCategory } from '@amk/contracts';
import { client, ok } from '../api/client.js';
import { useMajorIncidents } from '../store/major-incident-store.js';

const keep = (m: MajorIncidentDetail) => {
  useMajorIncidents.getState().upsertIncident(m);
  return m;
};

/** The open major incident declared from this call, if any, with its patients. */
export async function loadForCall(callId: string): Promise<MajorIncidentDetail | null> {
  const { majorIncidents } = await ok(client.GET('/api/v1/major-incidents'));
  const summary = majorIncidents.find((m) => m.callId === callId);
  return summary
    ? keep(await ok(client.GET('/api/v1/major-incidents/{majorIncidentId}', { params: { path: { majorIncidentId: summary.id } } })))
    : null;
}

/** The hospitals with acute functions and their declared capacity (kept current by `hospital.upserted` events). */
export async function loadHospitals(): Promise<void> {
  const { hospitals } = await ok(client.GET('/api/v1/hospitals'));
  useMajorIncidents.getState().setHospitals(hospitals);
}

export const declare = (callId: string, body: { level: MajorIncidentLevel; lat: number; lon: number; description: string }) =>
  ok(client.POST('/api/v1/major-incidents', { body: { id: crypto.randomUUID(), callId, ...body } })).then(keep);

export const registerPatient = (majorIncidentId: string, cardNumber: string, category: TriageCategory) =>
  ok(
    client.POST('/api/v1/major-incidents/{majorIncidentId}/patients', {
      params: { path: { majorIncidentId } },
      body: { id: crypto.randomUUID(), cardNumber, category },
    }),
  ).then(keep);

export const changeCategory = (majorIncidentId: string, patientId: string, category: TriageCategory, reason?: string) =>
  ok(
    client.POST('/api/v1/major-incidents/{majorIncidentId}/patients/{patientId}/category', {
      params: { path: { majorIncidentId, patientId } },
      body: reason ? { category, reason } : { category },
    }),
  ).then(keep);

export const assignTransport = (majorIncidentId: string, patientId: string, body: AssignTransportRequest) =>
  ok(
    client.POST('/api/v1/major-incidents/{majorIncidentId}/patients/{patientId}/transport', {
      params: { path: { majorIncidentId, patientId } },
      body,
    }),
  ).then(keep);

export const recordTime = (majorIncidentId: string, patientId: string, what: 'left-scene' | 'arrived') =>
  ok(
    what === 'left-scene'
      ? client.POST('/api/v1/major-incidents/{majorIncidentId}/patients/{patientId}/left-scene', {
          params: { path: { majorIncidentId, patientId } },
          body: {},
        })
      : client.POST('/api/v1/major-incidents/{majorIncidentId}/patients/{patientId}/arrived', {
          params: { path: { majorIncidentId, patientId } },
          body: {},
        }),
  ).then(keep);

/** Proposed destinations for the patients without one (red to the nearest first, within declared capacity). */
export const proposal = (majorIncidentId: string): Promise<DistributionProposal> =>
  ok(client.GET('/api/v1/major-incidents/{majorIncidentId}/proposal', { params: { path: { majorIncidentId } } }));
