// The bodies the API accepts besides JSON: a recording upload (multipart), AML's HTTPS form and
// the triage index (CSV). Any other content type is refused with 415 by Fastify.
import fastifyMultipart from '@fastify/multipart';
import fp from 'fastify-plugin';

export const bodyParsersPlugin = fp<{ maxUploadBytes: number }>(
  async (app, { maxUploadBytes }) => {
    await app.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 1024 } });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  },
  { name: 'body-parsers', fastify: '5.x' },
);
