// The lines the system writes in a call's journal and a major incident's log (not what an operator
// types), as a key and its values, so each console shows them in its own language. The row keeps
// its Norwegian text too: that is the record as written, read by anything that does not know keys.
//
// Each key lists the names of its values. Some values are codes or times the console words
// itself: `fields` (call-record field names, comma-separated), `recipients` (recipient codes, an
// internal one as `AMK:<centre name>`, comma-separated), `outcome` (a callback outcome), `level`
// (a preparedness level), `category`, `fromCategory`,
// `toCategory` (triage categories), `place`, `role` (scene places and leaders), `time` (an ISO
// time, shown as a clock), and lists of names that may be empty (`neighbours`, `lvs`, `hospitals`).
import { z } from 'zod';

export const JOURNAL_MESSAGES = {
  'call.registeredManually': [],
  'call.changed': ['fields'],
  'call.triaged': ['code', 'criterion', 'urgency'],
  'call.urgencyChanged': ['from', 'to', 'reason'],
  'call.linked': [],
  'call.closed': [],
  'notification.sent': ['recipients', 'message'],
  'notification.tripleSent': ['recipients', 'message'],
  'notification.tripleNoAmk': ['recipients', 'message'],
  'notification.phonedIn': ['recipients', 'by'],
  'notification.received': ['by', 'centre'],
  'transfer.requested': ['centre', 'basis', 'reason'],
  'transfer.requestedConference': ['centre', 'basis', 'reason'],
  'transfer.accepted': ['centre'],
  'transfer.acceptedNote': ['centre', 'note'],
  'transfer.declined': ['centre'],
  'transfer.declinedNote': ['centre', 'note'],
  'mission.created': [],
  'mission.createdMutualAid': ['centre'],
  'callback.done': ['outcome'],
  'callback.doneNote': ['outcome', 'note'],
  'akutthjelper.alerted': ['unit', 'organisation', 'label'],
  'majorIncident.declared': ['level', 'description'],
  'majorIncident.notified': ['neighbours', 'lvs', 'hospitals'],
  'majorIncident.patientRegistered': ['card', 'category'],
  'majorIncident.categoryChanged': ['card', 'fromCategory', 'toCategory'],
  'majorIncident.categoryChangedReason': ['card', 'fromCategory', 'toCategory', 'reason'],
  'majorIncident.transportAssigned': ['card', 'category', 'hospital'],
  'majorIncident.transportAssignedUnit': ['card', 'category', 'hospital', 'unit'],
  'majorIncident.transportAssignedOverride': ['card', 'category', 'hospital', 'reason'],
  'majorIncident.transportAssignedUnitOverride': ['card', 'category', 'hospital', 'unit', 'reason'],
  'majorIncident.transportAssignedOutsideArea': ['card', 'category', 'hospital', 'reason'],
  'majorIncident.transportAssignedUnitOutsideArea': ['card', 'category', 'hospital', 'unit', 'reason'],
  'majorIncident.leftScene': ['card', 'time'],
  'majorIncident.arrivedHospital': ['card', 'time'],
  'majorIncident.placeSet': ['place', 'lat', 'lon'],
  'majorIncident.placeRemoved': ['place'],
  'majorIncident.roleSet': ['role', 'name'],
  'majorIncident.roleRemoved': ['role'],
  'majorIncident.closed': [],
  'majorIncident.checkedIn': ['unit', 'time'],
  'majorIncident.hospitalAnswered': ['hospital', 'level', 'by'],
  'majorIncident.hospitalAnsweredByPhone': ['hospital', 'level', 'by'],
} as const satisfies Record<string, readonly string[]>;

export type JournalMessageKey = keyof typeof JOURNAL_MESSAGES;
export const JOURNAL_MESSAGE_KEYS = Object.keys(JOURNAL_MESSAGES) as [JournalMessageKey, ...JournalMessageKey[]];
type ParamsOf<K extends JournalMessageKey> = { [P in (typeof JOURNAL_MESSAGES)[K][number]]: string };

export const JournalMessage = z.object({
  key: z.enum(JOURNAL_MESSAGE_KEYS),
  params: z.record(z.string(), z.string()),
});
export type JournalMessage = z.infer<typeof JournalMessage>;

/** A system journal line's key and values; a missing or misnamed value is a type error. */
export function journalMessage<K extends JournalMessageKey>(key: K, params: ParamsOf<K>): JournalMessage {
  return { key, params };
}

/** A stored line's message as this contract has it; null for a typed line, an older line, or one no longer understood. */
export function parseJournalMessage(stored: unknown): JournalMessage | null {
  const parsed = JournalMessage.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
