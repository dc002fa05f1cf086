// The console (built by `pnpm build`), with its client-side routes falling back to index.html.
// Without a build (server tests, `pnpm dev` where Vite serves the console) there is nothing to serve.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { sendError } from './error-handler.js';

export const consolePagesPlugin = fp<{ consoleDist: string }>(
  async (app, { consoleDist }) => {
    if (!existsSync(join(consoleDist, 'index.html'))) return;
    // preCompressed: the build leaves .br and .gz copies beside the assets (apps/console/scripts/
    // precompress.mjs); a browser that accepts them gets the smaller one, nothing compressed per request.
    // Vary: Accept-Encoding comes with preCompressed (a shared cache keeps the copies apart).
    await app.register(fastifyStatic, {
      root: consoleDist,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', cachePolicy(relative(consoleDist, path))),
    });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path.startsWith('/api/') || path.startsWith('/socket.io') || path.includes('.')) {
        return sendError(request, reply, 404, { code: 'route.notFound', params: { method: 'GET', path } });
      }
      return reply.sendFile('index.html');
    });
  },
  { name: 'console-pages', fastify: '5.x' },
);

/**
 * Vite names every file under assets/ after its content, so a browser may keep it for good: a new
 * build has new names. index.html (which names them) and the few unhashed files beside it are asked
 * for again each time (answered 304 while unchanged), so a new build reaches a console on its next load.
 */
function cachePolicy(pathInDist: string): string {
  return pathInDist.startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
