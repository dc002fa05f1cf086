// Calls about one incident: which open calls of the centre this call may be linked to, and how a
// call is named in the pick list and the list of linked calls (caller, place, time it rang).
import type { CallRecord, CallSummary } from '@amk/contracts';

/** The open calls of the record's centre it is not linked to yet, the newest first. */
export function linkCandidates(calls: CallSummary[], record: Pick<CallRecord, 'id' | 'centreId' | 'linkedCalls'>): CallSummary[] {
  const linked = new Set(record.linkedCalls.map((c) => c.id));
  return calls
    .filter((c) => c.id !== record.id && !linked.has(c.id) && !c.closedAt && c.centreId === record.centreId)
    .sort((a, b) => (a.ringingAt < b.ringingAt ? 1 : a.ringingAt > b.ringingAt ? -1 : 0));
}

export interface LabelledCall {
  callerNumber: string | null;
  callerName?: string | null;
  addressText?: string | null;
  kommunenummer?: string | null;
  ringingAt: string;
}

export interface LabelWords {
  time(iso: string): string;
  kommune(nummer: string | null | undefined): string | null;
  unknownCaller: string;
  noAddress: string;
}

/** "91234567 Kari Nordmann · Bryggen 1, Bergen · 10:42": who, where, when it rang. */
export function callLabel(c: LabelledCall, words: LabelWords): string {
  const who = [c.callerNumber, c.callerName].filter(Boolean).join(' ') || words.unknownCaller;
  const where = c.addressText || words.kommune(c.kommunenummer) || words.noAddress;
  return `${who} · ${where} · ${words.time(c.ringingAt)}`;
}
