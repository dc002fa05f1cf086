// `pnpm api:types`: writes apps/console/src/api/schema.d.ts, the console's API types, from the
// OpenAPI document the server serves (see apps/server/src/cli/api-types.ts), built on a fresh database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/api-types.ts'], { stdio: 'inherit', cwd: join(root, 'apps/server') });
process.exit(run.status ?? 1);
