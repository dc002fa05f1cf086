// An S3-compatible blob store (AWS S3, MinIO, Ceph RGW, …), path-style, signed with AWS
// Signature Version 4. An upload is staged to a local temporary file first (its checksum is
// verified before anything is stored), then PUT with its SHA-256 as the signed payload hash.
import { createHash, createHmac } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { stageToFile, type BlobStore } from './blob-store.js';

export interface S3Options {
  endpoint: string; // e.g. https://s3.eu-north-1.amazonaws.com or http://minio:9000
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const EMPTY_HASH = sha256Hex('');

/** AWS Signature Version 4 for service s3: the headers to send, `authorization` included. */
export function signS3(opts: S3Options, method: string, path: string, payloadHash: string, extra: Record<string, string> = {}, now = new Date()): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { host: new URL(opts.endpoint).host, 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate };
  for (const [k, v] of Object.entries(extra)) headers[k.toLowerCase()] = v;
  const names = Object.keys(headers).sort();
  const canonical = [method, path, '', ...names.map((n) => `${n}:${headers[n]!.trim()}`), '', names.join(';'), payloadHash].join('\n');
  const scope = `${day}/${opts.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${opts.secretAccessKey}`, day), opts.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${opts.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}

export function s3BlobStore(opts: S3Options, stagingDir = join(tmpdir(), 'amk-s3-staging')): BlobStore {
  const objectPath = (key: string) => `/${encodeURIComponent(opts.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const call = (method: string, key: string, payloadHash = EMPTY_HASH, extra: Record<string, string> = {}, body?: Buffer) => {
    const path = objectPath(key);
    const { host: _host, ...headers } = signS3(opts, method, path, payloadHash, extra);
    return fetch(`${opts.endpoint.replace(/\/$/, '')}${path}`, { method, headers, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(60_000) });
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
        (res) => (res.ok && res.body ? Readable.fromWeb(res.body as never).pipe(out) : out.destroy(new Error(`S3 GET ${key} answered ${res.status}`))),
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
