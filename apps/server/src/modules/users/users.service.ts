// A centre's admin keeps each user's competence record (§ 8, § 13 f, § 15 l). An admin sees and
// edits the users of their own centre only; a user of another centre is "not found".
import type { CompetenceStatus, UpdateCompetenceRequest, UserCompetence } from '@amk/contracts';
import { assessCompetence, competenceChecked, type CentreKind } from '@amk/domain';
import type { Db } from '@amk/db';
import type { UserActor } from '../../auth/actor.js';
import { badRequest, notFound } from '../../lib/http-error.js';
import { writeAudit } from '../audit/audit.service.js';

type UserRow = Awaited<ReturnType<Db['user']['findUniqueOrThrow']>>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function statusOf(user: UserRow, centreKind: CentreKind, now = new Date()): CompetenceStatus {
  return { checked: competenceChecked(user.role), ...assessCompetence(user.role, centreKind, user, now) };
}

function toUserCompetence(user: UserRow, centreKind: CentreKind): UserCompetence {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
    education: user.education,
    operatorTrainingOn: day(user.operatorTrainingOn),
    clinicalPracticeConfirmed: user.clinicalPracticeConfirmed,
    emergencyCourseOn: day(user.emergencyCourseOn),
    violenceCourseOn: day(user.violenceCourseOn),
    hprNumber: user.hprNumber,
    competence: statusOf(user, centreKind),
    signsInWith: user.oidcProvider ?? 'password',
    breakGlassUntil: user.breakGlassUntil && user.breakGlassUntil > new Date() ? user.breakGlassUntil.toISOString() : null,
  };
}

const FIELDS = ['operatorTrainingOn', 'emergencyCourseOn', 'violenceCourseOn'] as const;

export function createUsersService({ prisma }: { prisma: Db }) {
  return {
    async list(actor: UserActor): Promise<UserCompetence[]> {
      const rows = await prisma.user.findMany({ where: { centreId: actor.centre.id }, orderBy: [{ role: 'asc' }, { username: 'asc' }] });
      return rows.map((u) => toUserCompetence(u, actor.centre.kind));
    },

    async mine(actor: UserActor): Promise<CompetenceStatus> {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } });
      return statusOf(user, actor.centre.kind);
    },

    async updateCompetence(actor: UserActor, userId: string, req: UpdateCompetenceRequest): Promise<UserCompetence> {
      // A completion date in the future has not happened: refuse it rather than let it count later.
      const today = new Date().toISOString().slice(0, 10);
      for (const field of FIELDS) {
        const v = req[field];
        if (v !== null && v > today) throw badRequest('competence.dateInFuture', { field: { code: `competence.field.${field}` }, date: v });
      }
      return prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: userId } });
        if (!user || user.centreId !== actor.centre.id) throw notFound('user.notFound', { id: userId, centre: actor.centre.code });
        const toDate = (v: string | null) => (v === null ? null : new Date(`${v}T00:00:00Z`));
        const row = await tx.user.update({
          where: { id: userId },
          data: {
            education: req.education,
            operatorTrainingOn: toDate(req.operatorTrainingOn),
            clinicalPracticeConfirmed: req.clinicalPracticeConfirmed,
            emergencyCourseOn: toDate(req.emergencyCourseOn),
            violenceCourseOn: toDate(req.violenceCourseOn),
            hprNumber: req.hprNumber,
          },
        });
        await writeAudit(tx, actor, { action: 'user.competence', entityType: 'User', entityId: row.id, detail: { ...req } });
        return toUserCompetence(row, actor.centre.kind);
      });
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
