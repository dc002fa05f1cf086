// The journal lines the system writes (not what an operator types), as a key and its values, so
// each console shows them in its own language. The journal row keeps its Norwegian text too: that
// is the record as written, read by anything that does not know the keys.
//
// Each key lists the names of its values. Some values are codes the console words itself:
// `fields` (call-record field names, comma-separated), `recipients` (recipient codes, an internal
// one as `AMK:<centre name>`, comma-separated), `outcome` (a callback outcome), `urgency`.
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
