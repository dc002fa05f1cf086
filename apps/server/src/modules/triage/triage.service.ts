// The criteria catalogue of Norsk indeks for medisinsk nødhjelp, as data: a centre imports the
// CSV from its licensed copy. An import with any bad line imports nothing, and says which lines.
import { parseCriteriaCsv } from '@amk/domain';
import type { TriageCriterion } from '@amk/contracts';
import type { Db } from '@amk/db';
import { badRequest } from '../../lib/http-error.js';

export function createTriageService(prisma: Db) {
  return {
    async list(): Promise<TriageCriterion[]> {
      const rows = await prisma.triageCriterion.findMany({ orderBy: [{ chapter: 'asc' }, { code: 'asc' }] });
      return rows.map(({ code, urgency, chapter, chapterTitle, text, isSample }) => ({
        code,
        urgency,
        chapter,
        chapterTitle,
        text,
        isSample,
      }));
    },

    async importCsv(csv: string, { isSample = false } = {}): Promise<{ imported: number; errors: { line: number; reason: string }[] }> {
      const { rows, errors } = parseCriteriaCsv(csv);
      if (errors.length) {
        const first = errors
          .slice(0, 5)
          .map((e) => `line ${e.line}: ${e.reason}`)
          .join('; ');
        throw Object.assign(badRequest('triage.csvBadLines', { n: errors.length, first }), { errors });
      }
      if (rows.length === 0) throw badRequest('triage.csvEmpty');
      await prisma.$transaction(
        rows.map((r) =>
          prisma.triageCriterion.upsert({
            where: { code: r.code },
            create: { code: r.code, urgency: r.urgency, chapter: r.chapter, chapterTitle: r.chapterTitle, text: r.text, isSample },
            update: {
              urgency: r.urgency,
              chapter: r.chapter,
              chapterTitle: r.chapterTitle,
              text: r.text,
              isSample,
              importedAt: new Date(),
            },
          }),
        ),
      );
      return { imported: rows.length, errors: [] };
    },
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
