// The basemap is a setting of the installation, read at run time: the console asks which style to
// draw, and a closed network's own map files (a style, a PMTiles archive, glyphs) are served from
// a folder on the server, with HTTP range requests (PMTiles reads its archive in ranges).
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Basemap } from '@amk/contracts';
import { API_V1 } from '../../lib/api-prefix.js';

export interface BasemapOptions {
  /** A MapLibre style URL, absolute or a path on this server (e.g. /map-files/style.json). */
  styleUrl?: string | undefined;
  attribution?: string | undefined;
  /** A folder served at /map-files/ (a local style and its PMTiles archive). */
  filesDir?: string | undefined;
}

const basemapRoutes =
  (options: BasemapOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const answer: Basemap = { styleUrl: options.styleUrl ?? null, attribution: options.attribution ?? null };
    app.get(
      '/basemap',
      {
        schema: {
          tags: ['map'],
          summary: 'Which basemap the console draws (no style: the offline outline map)',
          response: { 200: Basemap },
        },
      },
      async () => answer,
    );
  };

export const basemapModule = fp<BasemapOptions>(
  async (app, options) => {
    await app.register(basemapRoutes(options), API_V1);
    if (options.filesDir) {
      // decorateReply: false, since the console's own static files decorate the reply already
      await app.register(fastifyStatic, { root: options.filesDir, prefix: '/map-files/', decorateReply: false, index: false });
    }
  },
  { name: 'basemap', fastify: '5.x' },
);
