// A member an SMS went to (a bistand request, a phone test) as the contracts show it: delivered,
// failed and why, replied.
import { iso } from '../../lib/iso.js';

interface RecipientRow {
  memberId: string;
  member: { name: string };
  deliveredAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
  repliedAt: Date | null;
}

export const smsRecipientView = (r: RecipientRow) => ({
  memberId: r.memberId,
  name: r.member.name,
  deliveredAt: iso(r.deliveredAt),
  failedAt: iso(r.failedAt),
  lastError: r.lastError,
  repliedAt: iso(r.repliedAt),
});
