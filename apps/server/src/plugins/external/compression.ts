// Large answers go compressed to a browser that accepts it: the console's snapshot of a busy night
// (1,000 open calls and a national fleet) is over a megabyte of JSON and about a tenth of that
// compressed, which is what a municipal legevaktsentral on a slow line waits for before its first
// screen; lists, audit pages and CSV exports likewise. @fastify/compress, Fastify's own plugin:
// brotli at quality 4 (or gzip) for what a browser accepts, larger answers compressed in libuv's
// thread pool rather than on the event loop. Answers under 16 kB (a position report's, a call's)
// stay as they are: there is little to gain and the CPU is better spent on the next call. Already
// compressed answers (the console's precompressed assets), partial content (a recording's range)
// and binary (sound) are left alone. Request bodies are not decompressed: a small compressed upload that
// swells past the body limit is a way to tie up a server, and no client of ours sends one.
import fastifyCompress from '@fastify/compress';
import fp from 'fastify-plugin';
import { INTEGRATIONS_PREFIX } from '../../lib/api-prefix.js';

const API_PREFIX = '/api/';

/** Below this many bytes an answer is sent as it is. */
export const COMPRESS_FROM_BYTES = 16_384;
/** JSON, text (HTML, CSV) and XML; not application/octet-stream, which the plugin's default adds: binary does not compress. */
const COMPRESSIBLE = /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)/u;

export const compressionPlugin = fp(
  async (app) => {
    // The API's answers only. The console's files go as the build left them (Brotli and gzip
    // copies made once, beside the assets; the smallest files whole), not compressed per request.
    // Nor the integrations' answers: always far below the threshold, and the plugin's hooks on
    // 500 position reports a second were about 1.5 % of the server's CPU for nothing.
    // Added before the plugin's own onRoute hook, which reads this.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith(API_PREFIX) || route.url.startsWith(INTEGRATIONS_PREFIX)) route.compress ??= false;
    });
    await app.register(fastifyCompress, {
      global: true,
      globalDecompression: false,
      threshold: COMPRESS_FROM_BYTES,
      encodings: ['br', 'gzip'],
      customTypes: COMPRESSIBLE,
    });
  },
  { name: 'compression', fastify: '5.x' },
);
