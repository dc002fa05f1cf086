// The timeline of a major incident: every decision with its time and author, written in the same
// transaction as the decision. Append-only (the table refuses UPDATE and DELETE), so the evaluation
// afterwards reads what was decided when, not what the record says now.
import { type JournalMessage, type MajorIncidentLogEntry, parseJournalMessage } from '@amk/contracts';
import { toCsv, type MajorIncidentLogKind } from '@amk/domain';
import type { Actor } from '../../auth/actor.js';
import type { Db, Tx } from '@amk/db';

type LogKind = MajorIncidentLogKind;

export async function appendLog(
  tx: Tx,
  entry: {
    majorIncidentId: string;
    actor: Actor;
    kind: LogKind;
    /** The line in Norwegian, as the log keeps it. */
    text: string;
    /** The same line as a key and values, for consoles in another language. */
    message: JournalMessage;
    patientId?: string;
    at: Date;
  },
): Promise<void> {
  const { actor } = entry;
  await tx.majorIncidentLogEntry.create({
    data: {
      majorIncidentId: entry.majorIncidentId,
      at: entry.at,
      kind: entry.kind,
      text: entry.text,
      message: entry.message,
      patientId: entry.patientId ?? null,
      authorId: actor.kind === 'user' ? actor.userId : null,
      author: actor.kind === 'user' ? actor.displayName : actor.name,
    },
  });
}

export async function readLog(db: Db | Tx, majorIncidentId: string): Promise<MajorIncidentLogEntry[]> {
  const rows = await db.majorIncidentLogEntry.findMany({ where: { majorIncidentId }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    author: r.author,
    kind: r.kind,
    patientId: r.patientId,
    text: r.text,
    message: parseJournalMessage(r.message),
  }));
}

/**
 * The timeline as CSV for the evaluation, through the product's one CSV writer (@amk/domain
 * toCsv), which makes text a spreadsheet would run as a formula (= + - @ tab CR) inert: a card
 * number or a note typed as "=HYPERLINK(…)" stays text.
 */
export function logAsCsv(entries: MajorIncidentLogEntry[], cardNumbers: Map<string, string>): string {
  return toCsv(
    entries.map((e) => ({
      tid: e.at,
      hendelse: e.kind,
      triagekort: e.patientId ? (cardNumbers.get(e.patientId) ?? '') : '',
      tekst: e.text,
      av: e.author,
    })),
  );
}
