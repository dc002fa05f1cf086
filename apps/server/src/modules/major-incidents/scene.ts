// Scene organisation of a major incident: the rendezvous point, the ambulance holding area, the
// casualty clearing point, and who leads on scene. A request names only what changes (null
// clears); each change becomes its own line in the log, in words, so the evaluation afterwards
// reads when the holding area moved or the operational leader changed.
import { type JournalMessage, journalMessage, type UpdateSceneRequest } from '@amk/contracts';
import type { MajorIncident } from '@amk/db';

const PLACES = {
  rendezvous: { label: 'Oppmøteplass', lat: 'rendezvousLat', lon: 'rendezvousLon' },
  holdingArea: { label: 'Venteplass for ambulanser', lat: 'holdingAreaLat', lon: 'holdingAreaLon' },
  casualtyClearing: { label: 'Samleplass for skadde', lat: 'casualtyClearingLat', lon: 'casualtyClearingLon' },
} as const;
const ROLES = {
  operativLederHelse: 'Operativ leder helse',
  fagLederHelse: 'Fagleder helse',
  innsatsleder: 'Innsatsleder (politiet)',
} as const;

type SceneColumns = Partial<Pick<MajorIncident, (typeof PLACES)[keyof typeof PLACES]['lat' | 'lon'] | keyof typeof ROLES>>;

/** The columns to write and a log line per actual change; nothing when the request changes nothing. */
type LogLine = { text: string; message: JournalMessage };

export function sceneChanges(current: MajorIncident, req: UpdateSceneRequest): { data: SceneColumns; lines: LogLine[] } {
  const data: SceneColumns = {};
  const lines: LogLine[] = [];
  for (const [key, place] of Object.entries(PLACES) as [keyof typeof PLACES, (typeof PLACES)[keyof typeof PLACES]][]) {
    const wanted = req[key];
    if (wanted === undefined) continue;
    const [lat, lon] = wanted ? [wanted.lat, wanted.lon] : [null, null];
    if (current[place.lat] === lat && current[place.lon] === lon) continue;
    data[place.lat] = lat;
    data[place.lon] = lon;
    lines.push(
      wanted
        ? {
            text: `${place.label} satt til ${wanted.lat.toFixed(5)}, ${wanted.lon.toFixed(5)}`,
            message: journalMessage('majorIncident.placeSet', { place: key, lat: wanted.lat.toFixed(5), lon: wanted.lon.toFixed(5) }),
          }
        : { text: `${place.label} fjernet`, message: journalMessage('majorIncident.placeRemoved', { place: key }) },
    );
  }
  for (const [key, label] of Object.entries(ROLES) as [keyof typeof ROLES, string][]) {
    const wanted = req[key];
    if (wanted === undefined || current[key] === wanted) continue;
    data[key] = wanted;
    lines.push(
      wanted
        ? { text: `${label}: ${wanted}`, message: journalMessage('majorIncident.roleSet', { role: key, name: wanted }) }
        : { text: `${label} fjernet`, message: journalMessage('majorIncident.roleRemoved', { role: key }) },
    );
  }
  return { data, lines };
}
