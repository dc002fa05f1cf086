// An S3-compatible blob store (AWS S3, MinIO, Ceph RGW, …), path-style, signed with AWS
// Signature Version 4 by aws4fetch (small, no dependencies, used for S3 from edge runtimes; the
// AWS SDK would bring megabytes for four calls). An upload is staged to a local temporary file
// first (its checksum is verified before anything is stored), then PUT with its SHA-256 as the
// signed payload hash.
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { AwsV4Signer } from 'aws4fetch';
import { stageToFile, type BlobStore } from './blob-store.js';

export interface S3Options {
  endpoint: string; // e.g. https://s3.eu-north-1.amazonaws.com or http://minio:9000
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const EMPTY_HASH = createHash('sha256').update('').digest('hex');

/**
 * AWS Signature Version 4 for service s3: the headers to send, `authorization` included. Every
 * header is signed (range too, as AWS's own example does), and the payload hash is the one given,
 * so a PUT is signed over its real content rather than UNSIGNED-PAYLOAD.
 */
export async function signS3(
  opts: S3Options,
  method: string,
  path: string,
  payloadHash: string,
  extra: Record<string, string> = {},
  now = new Date(),
): Promise<Headers> {
  const signer = new AwsV4Signer({
    method,
    url: `${opts.endpoint.replace(/\/$/, '')}${path}`,
    headers: { ...extra, 'x-amz-content-sha256': payloadHash },
    accessKeyId: opts.accessKeyId,
    secretAccessKey: opts.secretAccessKey,
    service: 's3',
    region: opts.region,
    datetime: now.toISOString().replace(/[:-]|\.\d{3}/g, ''),
    allHeaders: true,
  });
  return (await signer.sign()).headers;
}

export function s3BlobStore(opts: S3Options, stagingDir = join(tmpdir(), 'amk-s3-staging')): BlobStore {
  const objectPath = (key: string) => `/${encodeURIComponent(opts.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const call = async (method: string, key: string, payloadHash = EMPTY_HASH, extra: Record<string, string> = {}, body?: Buffer) => {
    const path = objectPath(key);
    const headers = await signS3(opts, method, path, payloadHash, extra);
    return fetch(`${opts.endpoint.replace(/\/$/, '')}${path}`, {
      method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(60_000),
    });
  };
  return {
    async stage(content, maxBytes) {
      const staged = await stageToFile(content, maxBytes, stagingDir);
      return {
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
        async commit(key) {
          const body = await readFile(staged.path);
          const res = await call('PUT', key, staged.sha256, { 'content-length': String(body.length) }, body);
          await rm(staged.path, { force: true });
          if (!res.ok) throw new Error(`S3 PUT ${key} answered ${res.status}`);
        },
        discard: () => rm(staged.path, { force: true }),
      };
    },
    read(key, range) {
      const out = new PassThrough();
      call('GET', key, EMPTY_HASH, range ? { range: `bytes=${range.start}-${range.end}` } : {}).then(
        (res) =>
          res.ok && res.body
            ? Readable.fromWeb(res.body as never).pipe(out)
            : out.destroy(new Error(`S3 GET ${key} answered ${res.status}`)),
        (err: Error) => out.destroy(err),
      );
      return out;
    },
    async size(key) {
      const res = await call('HEAD', key);
      return res.ok ? Number(res.headers.get('content-length')) : null;
    },
    async delete(key) {
      const res = await call('DELETE', key);
      if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} answered ${res.status}`);
    },
  };
}
