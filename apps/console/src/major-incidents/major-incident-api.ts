// The major-incident commands and reads the panel needs; every answer goes through the store, so
// the HTTP answer and the socket echo of the same change end up as one record.
import type { MajorIncidentDetail, MajorIncidentLevel, TriageCategory } from '@amk/contracts';
import { client, ok } from '../api/client.js';
import { useMajorIncidents } from './major-incident-store.js';

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

export const declare = (callId: string, body: { level: MajorIncidentLevel; lat: number; lon: number; description: string }) =>
  ok(client.POST('/api/v1/major-incidents', { body: { id: crypto.randomUUID(), callId, ...body } })).then(keep);

export const registerPatient = (majorIncidentId: string, cardNumber: string, category: TriageCategory) =>
  ok(
    client.POST('/api/v1/major-incidents/{majorIncidentId}/patients', {
      params: { path: { majorIncidentId } },
      body: { id: crypto.randomUUID(), cardNumber, category },
    }),
  ).then(keep);
