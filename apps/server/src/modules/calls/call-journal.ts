// A line in a call's journal written by another module (notifications, hand-overs …): the entry,
// and a touch of the call so its `call.upserted` event makes every open record of it reload and
// show the line at once, in the same transaction.
import type { JournalMessage } from '@amk/contracts';
import type { JournalKind } from '@amk/domain';
import type { Tx } from '@amk/db';
import { rooms } from '../../auth/actor.js';
import { newId } from '../../lib/ids.js';
import type { Emit } from '../../realtime/event-log.js';
import { toCallSummary } from './call-summary.js';

export async function journalOnCall(
  tx: Tx,
  emit: Emit,
  entry: {
    callId: string;
    authorId: string | null;
    author: string;
    kind: JournalKind;
    /** The line in Norwegian, as the record keeps it. */
    text: string;
    /** The same line as a key and values, for consoles in another language. */
    message: JournalMessage;
    at?: Date;
  },
): Promise<void> {
  await tx.callJournalEntry.create({ data: { id: newId(), ...entry } });
  const call = await tx.call.update({ where: { id: entry.callId }, data: { updatedAt: new Date() } });
  emit({ type: 'call.upserted', centreId: call.centreId, audience: [rooms.centre(call.centreId)], data: toCallSummary(call) });
}
