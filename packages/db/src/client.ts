// One PrismaClient per process, through the node-postgres driver adapter (no native engine).
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { type Prisma, PrismaClient } from './generated/prisma/client.js';

export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * How long the database may keep a request waiting. A frozen or overloaded database must cost a
 * request a few seconds and a 503, never hang it (and every request behind it) indefinitely.
 * 0 switches one off (bulk jobs such as the benchmarks' data generation).
 */
export interface DbTimeouts {
  /** Server side, per statement (statement_timeout). */
  statementTimeoutMs: number;
  /** Server side, waiting for a row or table lock (lock_timeout). */
  lockTimeoutMs: number;
  /** Opening a connection, and waiting for a free one from the pool. */
  connectTimeoutMs: number;
}

const DEFAULT_DB_TIMEOUTS: DbTimeouts = { statementTimeoutMs: 5_000, lockTimeoutMs: 2_000, connectTimeoutMs: 3_000 };

// pg's query_timeout only fails the caller: the connection still waits for the lost answer, and
// an interactive transaction hands it back to the pool as if healthy, so the next request would
// queue behind it. A connection whose answer timed out is marked unusable, so the pool drops it.
class TimedClient extends pg.Client {
  override query(...args: unknown[]): never {
    const markIfTimedOut = (err: unknown) => {
      if ((err as Error | undefined)?.message === 'Query read timeout') (this as unknown as { _queryable: boolean })._queryable = false;
    };
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (err: unknown, ...rest: unknown[]) => void;
      args[last] = (err: unknown, ...rest: unknown[]) => {
        markIfTimedOut(err);
        callback(err, ...rest);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch(markIfTimedOut);
    return result as never;
  }
}

/** The node-postgres pool under each client createPrisma made, for queryPrepared. */
const pools = new WeakMap<Db, pg.Pool>();

export function createPrisma(databaseUrl: string, poolSize = 10, timeouts: Partial<DbTimeouts> = {}): Db {
  const t = { ...DEFAULT_DB_TIMEOUTS, ...timeouts };
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    Client: TimedClient,
    connectionTimeoutMillis: t.connectTimeoutMs,
    ...(t.statementTimeoutMs > 0 && {
      statement_timeout: t.statementTimeoutMs,
      // the client's own limit, for a database that cannot even say its statement was cancelled
      query_timeout: t.statementTimeoutMs + 1_000,
    }),
    ...(t.lockTimeoutMs > 0 && { lock_timeout: t.lockTimeoutMs }),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

// As Prisma's $queryRaw answers: a bigint column as a BigInt (node-postgres would give a string).
const asRawQueryTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (v: string) => BigInt(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * One statement, on the same pool and connections as Prisma, as a named prepared statement: each
 * connection parses and plans it once, and PostgreSQL may then keep one generic plan for it,
 * instead of planning it anew at every call as Prisma's $queryRaw (an unnamed statement) does. For
 * the hottest statements only (a ringing call's registration: planned in 0.42 ms and executed in
 * 0.44 ms as $queryRaw, 0.03 and 0.14 ms prepared). The name is the text's hash, so one text is one
 * statement on each connection however many places send it; a caller sends few texts (the
 * registration one per batch size), since each stays prepared for the connection's life. Rows come
 * as from $queryRaw, except that a numeric column comes as a string.
 */
export async function queryPrepared<T>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRaw<T[]>(sql);
  const name = `q${createHash('sha1').update(sql.text).digest('base64url')}`;
  const { rows } = await pool.query<T & pg.QueryResultRow>({ name, text: sql.text, values: sql.values, types: asRawQueryTypes });
  return rows;
}

export { Prisma } from './generated/prisma/client.js';
