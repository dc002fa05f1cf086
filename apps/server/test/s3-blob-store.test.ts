// Recordings in an S3-compatible store: the request signing matches AWS's published example, and
// ingest, playback and purge work against a stand-in S3 server (the edge of the world we cannot
// reach here) that checks every request's signature headers and payload hash, and a delete the
// store refuses holds up nothing.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { createPrisma, type Db } from '@amk/db';
import { createFreshDatabase, type FreshDatabase } from '@amk/db/testing';
import { createCentre, createIntegrationKey, createUser } from './support/factories.js';
import { signS3 } from '../src/modules/recordings/s3-blob-store.js';
import { buildTestApp } from './support/test-app.js';
import { cookieFor } from './support/integration.js';

describe('AWS Signature Version 4', () => {
  it('matches the example in AWS’s documentation (GET object with a range)', async () => {
    const headers = await signS3(
      {
        endpoint: 'https://examplebucket.s3.amazonaws.com',
        bucket: 'examplebucket',
        region: 'us-east-1',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      'GET',
      '/test.txt',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      { range: 'bytes=0-9' },
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(headers.get('authorization')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('recordings in an S3-compatible store', () => {
  const objects = new Map<string, Buffer>();
  const problems: string[] = [];
  /** Objects the stand-in refuses to delete, as a store with a wrong bucket policy would (403). */
  const undeletable = new Set<string>();
  let s3: Server;
  let app: App;
  // A database of its own: a purge takes every recording that is due, and recordings.test.ts,
  // running at the same time on the shared database, has recordings due that it purges itself.
  let fresh: FreshDatabase;
  let centre: { id: string; code: string };
  let prisma: Db;

  beforeAll(async () => {
    // a database of its own (the purge takes every recording come due), holding only this file's centre
    fresh = await createFreshDatabase('s3');
    prisma = createPrisma(fresh.url, 2);
    centre = await createCentre(prisma);
    s3 = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (
          !/^AWS4-HMAC-SHA256 Credential=test-key\/\d{8}\/eu-north-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/.test(
            String(req.headers.authorization),
          )
        )
          problems.push(`bad authorization on ${req.method} ${req.url}`);
        const hash = String(req.headers['x-amz-content-sha256']);
        if (hash !== createHash('sha256').update(body).digest('hex')) problems.push(`payload hash mismatch on ${req.method} ${req.url}`);
        const key = req.url!;
        if (req.method === 'PUT') {
          objects.set(key, body);
          return res.writeHead(200).end();
        }
        const obj = objects.get(key);
        if (req.method === 'DELETE' && undeletable.has(key)) return res.writeHead(403).end('AccessDenied');
        if (req.method === 'DELETE') {
          objects.delete(key);
          return res.writeHead(204).end();
        }
        if (!obj) return res.writeHead(404).end();
        if (req.method === 'HEAD') return res.writeHead(200, { 'content-length': String(obj.length) }).end();
        const m = /bytes=(\d+)-(\d+)/.exec(String(req.headers.range ?? ''));
        const part = m ? obj.subarray(Number(m[1]), Number(m[2]) + 1) : obj;
        res.writeHead(m ? 206 : 200, { 'content-length': String(part.length) }).end(part);
        return undefined;
      });
    });
    await new Promise<void>((r) => s3.listen(0, '127.0.0.1', r));
    app = await buildTestApp(prisma, {
      BLOB_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${(s3.address() as { port: number }).port}`,
      S3_BUCKET: 'amk-recordings',
      S3_REGION: 'eu-north-1',
      S3_ACCESS_KEY_ID: 'test-key',
      S3_SECRET_ACCESS_KEY: 'test-secret',
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await prisma.$disconnect();
    await fresh.drop();
    s3.close();
  });

  let recorderKey: string | undefined;
  async function upload(callExternalId: string, audio: Buffer) {
    recorderKey ??= await createIntegrationKey(prisma, centre.code, 'recorder s3');
    const boundary = 'amkboundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="callExternalId"\r\n\r\n${callExternalId}\r\n--${boundary}\r\nContent-Disposition: form-data; name="recordedAt"\r\n\r\n2020-02-01T10:00:00Z\r\n--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
      ),
      audio,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url: '/api/v1/integrations/recordings',
      headers: { authorization: `Bearer ${recorderKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }

  it('stores, plays back a range, and purges through the S3 API with signed requests', async () => {
    const audio = Buffer.from('RIFF....WAVEfmt '.padEnd(2048, '.'));
    const up = await upload('s3-call', audio);
    expect(up.statusCode).toBe(201);
    const id = up.json().id;
    expect([...objects.keys()].some((k) => k.startsWith(`/amk-recordings/${centre.code}/2020-02/`))).toBe(true);

    const cookie = await cookieFor(app, (await createUser(prisma, centre.id)).username);
    const part = await app.inject({ method: 'GET', url: `/api/v1/recordings/${id}/audio`, headers: { cookie, range: 'bytes=0-15' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.equals(audio.subarray(0, 16))).toBe(true);

    await app.jobs.purge.run('2024-01-01');
    expect(objects.size).toBe(0);
    expect(problems).toEqual([]);
  });

  it('an object the store refuses to delete stays pending and is retried, without stopping the others', async () => {
    const ids: string[] = [];
    for (const name of ['s3-refused', 's3-fine'])
      ids.push((await upload(name, Buffer.from(`RIFF....WAVEfmt ${name}`.padEnd(2048, '.')))).json().id as string);
    const [refused, fine] = await Promise.all(
      ids.map(async (id) => `/amk-recordings/${(await prisma.recording.findUniqueOrThrow({ where: { id } })).blobKey}`),
    );
    undeletable.add(refused!);

    const pending = () =>
      prisma.recordingTombstone
        .findMany({ where: { recordingId: { in: ids }, fileDeletedAt: null }, select: { recordingId: true } })
        .then((t) => t.map((x) => x.recordingId));
    const first = await app.jobs.purge.run('2024-01-01');
    expect(first).toMatchObject({ ran: true, filesFailed: 1 });
    expect(first.deleted).toBeGreaterThanOrEqual(2);
    expect(objects.has(fine!)).toBe(false);
    expect([...objects.keys()]).toEqual([refused]);
    expect(await pending()).toEqual([ids[0]]);
    const run = await prisma.purgeRun.findFirstOrThrow({ orderBy: { startedAt: 'desc' } });
    expect(run.error).toMatch(/1 file\(s\) could not be deleted.*403/);

    undeletable.clear();
    const second = await app.jobs.purge.run('2024-01-01');
    expect(second).toMatchObject({ ran: true, filesFailed: 0 });
    expect(second.filesFinished).toBeGreaterThanOrEqual(1);
    expect(objects.size).toBe(0);
    expect(await pending()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
