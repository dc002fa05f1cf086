// `pnpm start`: builds the console when its sources are newer than the last build, then starts the
// server (which starts the embedded PostgreSQL, migrates, seeds the demo region and prints the URL).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const consoleDir = join(root, 'apps/console');
const builtIndex = join(consoleDir, 'dist/index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => join(consoleDir, p));
sources.push(join(root, 'packages/contracts/src'), join(root, 'packages/domain/src'));
const stale = !existsSync(builtIndex) || Math.max(...sources.map(newestMtime)) > statSync(builtIndex).mtimeMs;
if (stale) {
  console.log('[amk] building the console …');
  const build = spawnSync('pnpm', ['--filter', '@amk/console', 'build'], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { stdio: 'inherit', cwd: join(root, 'apps/server') });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
