// For tests and benchmarks only: fresh databases, and the migration list the schema test reads.
export { createFreshDatabase, type FreshDatabase } from './fresh-database.js';
export { listMigrations } from './migrate.js';
export * as prismaEnums from './generated/prisma/enums.js';
export { actualSchema, declaredSchema, type ColumnShape } from './declared-schema.js';
