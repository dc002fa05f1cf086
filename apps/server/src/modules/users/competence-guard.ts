// An operator who does not meet § 15 l (AMK) or § 13 f with § 8 (LVS) may log in and read, but may
// not take or register calls: the law says who may staff the line, so the refusal sits on the
// actions that put someone on the line.
import { assessCompetence, type CompetenceResult } from '@amk/domain';
import type { Db } from '@amk/db';
import type { UserActor } from '../../auth/actor.js';
import { forbidden } from '../../lib/http-error.js';

async function competenceOf(prisma: Pick<Db, 'user'>, actor: UserActor): Promise<CompetenceResult> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
  return assessCompetence(actor.role, actor.centre.kind, user, new Date());
}

/** Throws 403 naming each paragraph and what is missing, before anything is written. */
export async function requireCompetent(prisma: Pick<Db, 'user'>, actor: UserActor): Promise<void> {
  const { ok, problems } = await competenceOf(prisma, actor);
  if (!ok) throw forbidden('competence.notMet', { problems: problems.join(' ') });
}
