// The one door to the database. Everything else imports Prisma's client, its model types and
// errors from here, so the generated client and its driver adapter live in one package.
export { createPrisma, Prisma, queryPrepared, type Db, type DbTimeouts, type Tx } from './client.js';
export { openDatabase, type Database, type DatabaseSettings } from './database.js';
export { migrate, migrationsDir, migrationsUpToDate } from './migrate.js';
export { isBadInputForDatabase, isDatabaseUnavailable, postgresCode } from './postgres-errors.js';
// Model and enum types (Call, Unit, UnitStatus …); values such as PrismaClient stay inside.
export type * from './generated/prisma/client.js';
