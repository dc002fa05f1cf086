// What a database error means for the client. Errors reach us in several wrappings (Prisma's
// known-request errors carry the driver adapter's error in meta, node-postgres errors carry the
// SQLSTATE in `code`, pool errors only a message), so each question looks through all of them.
import { Prisma } from './client.js';

interface Wrapped {
  code?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown; originalMessage?: unknown } } };
  cause?: unknown;
}

/** Every error in the chain (err, err.cause, the adapter's cause …), at most a few deep. */
function chain(err: unknown): Wrapped[] {
  const out: Wrapped[] = [];
  let current: unknown = err;
  for (let i = 0; i < 5 && current && typeof current === 'object'; i++) {
    const e = current as Wrapped;
    out.push(e);
    const adapter = e.meta?.driverAdapterError?.cause;
    if (adapter) out.push(adapter as Wrapped);
    current = e.cause;
  }
  return out;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL SQLSTATE of an error, when it has one. */
export function postgresCode(err: unknown): string | undefined {
  for (const e of chain(err)) {
    const adapter = e as { originalCode?: unknown };
    for (const code of [adapter.originalCode, e.code])
      if (typeof code === 'string' && SQLSTATE.test(code) && !code.startsWith('P')) return code;
  }
  return undefined;
}

const messages = (err: unknown) =>
  chain(err)
    .flatMap((e) => [e.message, (e as { originalMessage?: unknown }).originalMessage])
    .filter((m) => typeof m === 'string')
    .join('\n');

// Values the database refuses that came from the client: a NUL or bad byte sequence, a date out of
// range, a malformed value, a number or text too large for its column. The contracts refuse these
// first; this is the backstop so that one that slips through is still the client's 400.
const BAD_INPUT = new Set(['22021', '22P05', '22008', '22007', '22003', '22P02', '22001']);

export function isBadInputForDatabase(err: unknown): boolean {
  const code = postgresCode(err);
  return code !== undefined && BAD_INPUT.has(code);
}

// The database is gone, restarting, frozen or overloaded: the request may succeed if retried.
// 57P01–57P03 admin/crash shutdown and "cannot connect now", 08xxx connection exceptions, 53300 too
// many connections, 57014 a statement cut by statement_timeout, 55P03 lock_timeout.
const UNAVAILABLE_CODES = /^(57P0[1-3]|08...|53300|57014|55P03)$/;
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_TEXT =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|not queryable|Query read timeout|timeout exceeded when trying to connect|timeout acquiring|timed out fetching a new connection|Can't reach database|the database system is (starting|shutting) up|in recovery mode|terminating connection|server closed the connection|Unable to start a transaction in the given time|Transaction already closed|connection (is )?closed/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  const code = postgresCode(err);
  if (code && UNAVAILABLE_CODES.test(code)) return true;
  if (chain(err).some((e) => typeof e.code === 'string' && UNAVAILABLE_PRISMA.has(e.code))) return true;
  return UNAVAILABLE_TEXT.test(messages(err));
}
