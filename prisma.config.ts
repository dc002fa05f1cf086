// Prisma CLI configuration. The server itself never needs the CLI at run time: it applies
// prisma/migrations on start (packages/db/src/migrate.ts) and connects through @prisma/adapter-pg.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/amk' },
});
