// queryPrepared (packages/db): the hottest statements run as named prepared statements on Prisma's
// own pool. What callers rely on: the rows come as $queryRaw would give them, the same text may be
// sent again and again (and with other values) on the same connection, a statement with another
// text gets a statement of its own, and a database error is the database's, as from $queryRaw.
import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma, postgresCode, Prisma, queryPrepared } from '@amk/db';
import { databaseUrl } from './support/test-app.js';

// one connection, so every call below lands on the connection the statements were prepared on
const prisma = createPrisma(databaseUrl(), 1);
afterAll(() => prisma.$disconnect());

const prepared = () =>
  queryPrepared<{ name: string }>(prisma, Prisma.sql`SELECT name FROM pg_prepared_statements WHERE NOT from_sql ORDER BY name`);

describe('queryPrepared', () => {
  it('answers as $queryRaw does: a bigint as a BigInt, a timestamp as a Date, an array as an array, null as null', async () => {
    const sql = (n: number) =>
      Prisma.sql`SELECT ${BigInt(n) * 10_000_000_000n}::int8 AS "big", ${new Date(Date.UTC(2026, 11, 5, n))}::timestamptz AS "at",
        ARRAY[${`a${n}`}, ${'b'}]::text[] AS "texts", NULL::uuid AS "none", ${n % 2 === 0}::boolean AS "even"`;
    for (const n of [1, 2, 3]) {
      const [viaPrepared] = await queryPrepared<Record<string, unknown>>(prisma, sql(n));
      const [viaRaw] = await prisma.$queryRaw<Record<string, unknown>[]>(sql(n));
      expect(viaPrepared).toEqual(viaRaw);
      expect(viaPrepared).toEqual({
        big: BigInt(n) * 10_000_000_000n,
        at: new Date(Date.UTC(2026, 11, 5, n)),
        texts: [`a${n}`, 'b'],
        none: null,
        even: n % 2 === 0,
      });
    }
  });

  it('prepares a text once on a connection, however often it is sent, and another text apart', async () => {
    const one = (n: number) => queryPrepared<{ n: number }>(prisma, Prisma.sql`SELECT ${n}::int AS n`);
    const other = (n: number) => queryPrepared<{ n: number }>(prisma, Prisma.sql`SELECT ${n}::int + 1 AS n`);
    await prepared(); // the listing itself, prepared before it counts
    const before = (await prepared()).length;
    expect(await Promise.all([one(1), one(2), other(3), one(4), other(5)])).toEqual([
      [{ n: 1 }],
      [{ n: 2 }],
      [{ n: 4 }],
      [{ n: 4 }],
      [{ n: 6 }],
    ]);
    // the two texts, each prepared once
    expect((await prepared()).length - before).toBe(2);
  });

  it("rejects with the database's own error, which the server's error handling reads as from $queryRaw", async () => {
    const err = await queryPrepared(prisma, Prisma.sql`SELECT ${'not a number'}::int AS n`).catch((e: unknown) => e);
    expect(postgresCode(err)).toBe('22P02');
    // the connection is still usable, and the statement can be sent again
    expect(await queryPrepared<{ n: number }>(prisma, Prisma.sql`SELECT ${'7'}::int AS n`)).toEqual([{ n: 7 }]);
  });
});
