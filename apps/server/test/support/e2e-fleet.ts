// A fleet of units added straight to the e2e database and taken away again, for a browser test of
// a board far larger than the demo region's (no API creates units: they come from the register);
// and a crowd of calls put out of the way again once a browser test of a long call list is done.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

async function withClient<T>(databaseUrl: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** `n` ambulance cars of `centreCode`, call signs `${prefix}0` … `${prefix}${n - 1}`, free and without a position. */
export function addFleet(databaseUrl: string, centreCode: string, prefix: string, n: number): Promise<void> {
  return withClient(databaseUrl, async (c) => {
    await c.query(
      `INSERT INTO "Unit" (id, "callSign", kind, "centreId", status, "statusAt")
       SELECT id, cs, 'AMBULANCE_CAR', (SELECT id FROM "Centre" WHERE code = $1), 'AVAILABLE_ON_THE_MOVE', now()
       FROM unnest($2::uuid[], $3::text[]) AS f(id, cs)`,
      [centreCode, Array.from({ length: n }, () => randomUUID()), Array.from({ length: n }, (_, i) => `${prefix}${i}`)],
    );
  });
}

export function removeFleet(databaseUrl: string, prefix: string): Promise<void> {
  return withClient(databaseUrl, async (c) => {
    await c.query(`DELETE FROM "Unit" WHERE "callSign" LIKE $1`, [`${prefix}%`]);
  });
}

/** Closes the open calls whose telephony id starts with `prefix`, as if they had ended long ago. */
export function closeCalls(databaseUrl: string, prefix: string): Promise<void> {
  return withClient(databaseUrl, async (c) => {
    await c.query(
      `UPDATE "Call" SET state = 'ENDED', "endedAt" = coalesce("endedAt", now()), "closedAt" = now()
       WHERE "externalId" LIKE $1 AND "closedAt" IS NULL`,
      [`${prefix}%`],
    );
  });
}
