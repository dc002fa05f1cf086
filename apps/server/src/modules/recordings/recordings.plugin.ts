// § 20 sound recordings: stored as blobs (files or S3), linked to their call, kept for the
// retention period and purged by a nightly job.
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { API_V1 } from '../../lib/api-prefix.js';
import { fileBlobStore } from './blob-store.js';
import { linkRecordingsOnCall } from './link-recordings-on-call.js';
import { createPurge, schedulePurge, type Purge } from './purge.js';
import { recordingsRoutes } from './recordings.routes.js';
import { createRecordingsService } from './recordings.service.js';
import { s3BlobStore, type S3Options } from './s3-blob-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    purge: Purge;
  }
}

export interface RecordingsOptions {
  blobStore: 'files' | 's3' | undefined;
  dataDir: string;
  s3: Partial<S3Options>;
  /** 'off' for tests and the benchmarks, which run the purge themselves. */
  purgeSchedule: 'daily' | 'off' | undefined;
}

function s3Options({ endpoint, bucket, accessKeyId, secretAccessKey, region }: Partial<S3Options>): S3Options {
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey)
    throw new Error('BLOB_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  return { endpoint, bucket, accessKeyId, secretAccessKey, region: region ?? 'us-east-1' };
}

export const recordingsModule = fp<RecordingsOptions>(
  async (app, opts) => {
    const { prisma } = app;
    const blobs = opts.blobStore === 's3' ? s3BlobStore(s3Options(opts.s3)) : fileBlobStore(join(opts.dataDir, 'recordings'));
    const recordings = createRecordingsService({ prisma, blobs });
    linkRecordingsOnCall(app.callHooks, recordings);
    const purge = createPurge({ prisma, databaseUrl: app.databaseUrl, blobs });
    app.decorate('purge', purge);
    await app.register(recordingsRoutes({ recordings, purge, prisma }), API_V1);

    let stopSchedule: (() => void) | undefined;
    app.addHook('onReady', async () => {
      if (opts.purgeSchedule !== 'off') stopSchedule = schedulePurge(purge, app.log);
    });
    app.addHook('preClose', async () => stopSchedule?.());
  },
  { name: 'recordings', fastify: '5.x', dependencies: ['realtime', 'calls'] },
);
