// Generates the Prisma client after install, with or without Prisma's native schema engine.
//
// Prisma 7's client needs no native binary (query compiler + @prisma/adapter-pg). Its CLI still
// checks that a native schema engine exists before `generate`, and tries to download one when it
// does not, which fails on a machine without internet. `generate` does not use the engine, so when
// none is installed we point PRISMA_SCHEMA_ENGINE_BINARY at a placeholder file and generate anyway.
// Where the engine exists (or can be downloaded), nothing changes and every Prisma command works.
// Migrations never need the engine here: the server applies prisma/migrations itself
// (packages/db/src/migrate.ts), recording them in _prisma_migrations as `prisma migrate` does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const env = { ...process.env };

function installedSchemaEngine() {
  try {
    const enginesDir = dirname(require.resolve('@prisma/engines/package.json', { paths: [require.resolve('prisma/package.json')] }));
    return readdirSync(enginesDir).find((f) => f.startsWith('schema-engine')) ? enginesDir : null;
  } catch {
    return null;
  }
}

if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !installedSchemaEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath; // any existing file: generate only checks it exists
  console.log('prisma-generate: no native schema engine installed; generating the client without it');
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const prismaBin = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const result = spawnSync(process.execPath, [prismaBin, 'generate'], { stdio: 'inherit', env });
if (result.status !== 0) process.exit(result.status ?? 1);
if (!existsSync('packages/db/src/generated/prisma/client.ts')) {
  console.error('prisma-generate: the client was not generated');
  process.exit(1);
}
