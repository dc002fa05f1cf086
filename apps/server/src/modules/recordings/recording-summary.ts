import type { RecordingSummary } from '@amk/contracts';
import type { Recording, RecordingHold, User } from '@amk/db';

export function toRecordingSummary(r: Recording & { holds: RecordingHold[] }, users: Pick<User, 'id' | 'displayName'>[]): RecordingSummary {
  const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.displayName ?? 'ukjent') : null);
  return {
    id: r.id,
    callId: r.callId,
    callExternalId: r.callExternalId,
    recordedAt: r.recordedAt.toISOString(),
    deleteAfter: r.deleteAfter.toISOString().slice(0, 10),
    sizeBytes: r.sizeBytes,
    contentType: r.contentType,
    sha256: r.sha256,
    holds: r.holds.map((h) => ({
      id: h.id,
      reason: h.reason as RecordingSummary['holds'][number]['reason'],
      caseRef: h.caseRef,
      placedBy: name(h.placedById)!,
      placedAt: h.placedAt.toISOString(),
      releasedAt: h.releasedAt?.toISOString() ?? null,
      releasedBy: name(h.releasedById),
      releaseReason: h.releaseReason,
    })),
  };
}
