// After `vite build`: a Brotli and a gzip copy beside each text asset worth compressing, so the
// server sends the smaller one a browser accepts (@fastify/static's preCompressed) without
// compressing on every request. node:zlib rather than a Vite plugin: the same few lines a plugin
// would run, no dependency, and the server test runs this very script on its own build.
// The files are compressed concurrently (zlib's async calls run on libuv's thread pool), so the
// 1 MB map chunk at Brotli's best quality does not hold up the rest.
// Usage: node scripts/precompress.mjs [dist folder]
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.geojson', '.txt', '.map', '.webmanifest']);
/** Below this a compressed copy saves less than the request it rides on. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

async function compress(path) {
  const body = await readFile(path);
  if (body.length < MIN_BYTES) return [0, 0];
  const [br, gzipped] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz(body, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
  return [body.length, br.length];
}

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const sizes = await Promise.all([...files(dist)].filter((path) => COMPRESSIBLE.has(extname(path))).map(compress));
const before = sizes.reduce((sum, [b]) => sum + b, 0);
const after = sizes.reduce((sum, [, a]) => sum + a, 0);
console.log(`precompressed ${(before / 1e6).toFixed(2)} MB of assets to ${(after / 1e6).toFixed(2)} MB (Brotli)`);
