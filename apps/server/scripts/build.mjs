// `pnpm build` (the server's part): the server and the workspace packages it imports at run time,
// compiled from TypeScript to JavaScript, each into its own dist/ beside its src/, so production
// starts with plain `node` (`pnpm start:prod`, the Dockerfile) and no TypeScript loader.
//
// esbuild, file by file and unbundled: type checking is `pnpm typecheck`'s job, so this only strips
// types (well under a second for the whole server). Unbundled, every file keeps its place, so the
// paths the code finds from import.meta.url (the migrations, the repository root, the seed's CSV)
// are the same from dist/ as from src/, and every package still resolves its own dependencies. A
// package's exports send Node to its dist/ under the `amk-compiled` condition (node
// --conditions=amk-compiled); every other tool (tsx, Vite, Vitest, tsc) keeps reading src/.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workspace = {
  '@amk/server': join(root, 'apps/server'),
  ...Object.fromEntries(readdirSync(join(root, 'packages')).map((name) => [`@amk/${name}`, join(root, 'packages', name)])),
};

/** The server and every workspace package it reaches through `dependencies` (not devDependencies). */
function runtimePackages(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const { dependencies = {} } = JSON.parse(readFileSync(join(workspace[name], 'package.json'), 'utf8'));
  for (const dep of Object.keys(dependencies)) if (dep in workspace) runtimePackages(dep, seen);
  return seen;
}

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

const started = performance.now();
for (const name of runtimePackages('@amk/server')) {
  const src = join(workspace[name], 'src');
  if (!existsSync(src)) continue; // already JavaScript (@amk/geodata)
  const dist = join(workspace[name], 'dist');
  rmSync(dist, { recursive: true, force: true });
  const files = [...filesUnder(src)];
  await build({
    entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Files the code reads beside itself (the seed's criteria CSV) go along.
  for (const file of files.filter((f) => extname(f) !== '.ts')) cpSync(file, join(dist, file.slice(src.length)), { recursive: true });
  console.log(`[amk] compiled ${name} → ${dist.slice(root.length)}`);
}
console.log(
  `[amk] server compiled in ${Math.round(performance.now() - started)} ms; start it with \`pnpm --filter @amk/server start:prod\``,
);
