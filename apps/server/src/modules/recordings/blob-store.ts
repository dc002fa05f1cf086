// Where recordings' sound lives. Files under DATA_DIR by default; the interface is what an
// S3-compatible store would implement too. Writes go to a temporary name and are renamed into
// place, so a half-written file never has a final name.
import { createReadStream, createWriteStream, unlink } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface BlobStore {
  /** Streams the content to a temporary place; commit() gives it its final key. */
  stage(
    content: Readable,
    maxBytes: number,
  ): Promise<{ sha256: string; sizeBytes: number; commit(key: string): Promise<void>; discard(): Promise<void> }>;
  read(key: string, range?: { start: number; end: number }): Readable;
  size(key: string): Promise<number | null>;
  /** Idempotent: deleting a missing blob is fine. */
  delete(key: string): Promise<void>;
}

export class TooLargeError extends Error {}
/** The upload itself was broken (cut off, a bad multipart body): the sender's fault, not ours. */
export class MalformedUploadError extends Error {}

/**
 * Streams an upload into a temporary file under `dir`, computing its SHA-256 and size on the way,
 * and refusing it past maxBytes. Shared by every store: nothing is stored before it is checked.
 */
export async function stageToFile(
  content: Readable,
  maxBytes: number,
  dir: string,
): Promise<{ path: string; sha256: string; sizeBytes: number }> {
  const path = join(dir, '.incoming', randomUUID());
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLargeError(`the recording is larger than ${maxBytes} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(content, meter, createWriteStream(path));
  } catch (e) {
    await rm(path, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    // The multipart parser stops a file at the same limit before our meter sees it: too large too.
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new TooLargeError(`the recording is larger than ${maxBytes} bytes`);
    // A disk problem (ENOSPC, EACCES, …) is ours; anything else broke in the incoming stream.
    if (e instanceof TooLargeError || (code && /^E[A-Z]+$/.test(code))) throw e;
    throw new MalformedUploadError(`the upload was cut off or malformed: ${(e as Error).message}`);
  }
  return { path, sha256: hash.digest('hex'), sizeBytes: size };
}

export function fileBlobStore(root: string): BlobStore {
  const base = resolve(root) + sep;
  // Keys are ours (centre/month/id). One that is empty, absolute or has `..` in it could name
  // something outside the store, so it is refused; any other is a path under the root as it is
  // (no resolving on every call: a purge makes a million).
  const pathOf = (key: string) => {
    if (!key || key.startsWith('/') || key.includes('..') || key.includes('\0')) throw new Error(`blob key outside the store: ${key}`);
    return base + key;
  };
  return {
    async stage(content, maxBytes) {
      const staged = await stageToFile(content, maxBytes, root);
      return {
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
        async commit(key) {
          const target = pathOf(key);
          await mkdir(dirname(target), { recursive: true });
          await rename(staged.path, target);
        },
        discard: () => rm(staged.path, { force: true }),
      };
    },
    read(key, range) {
      return createReadStream(pathOf(key), range);
    },
    async size(key) {
      try {
        return (await stat(pathOf(key))).size;
      } catch {
        return null;
      }
    },
    delete(key) {
      // unlink, not rm (which looks first, and costs several times as much), with a callback rather
      // than fs/promises (lighter per call): a purge of a million files feels both. A missing file
      // is fine; anything else (a directory, no permission) is an error.
      return new Promise<void>((done, fail) => unlink(pathOf(key), (e) => (e && e.code !== 'ENOENT' ? fail(e) : done())));
    },
  };
}
