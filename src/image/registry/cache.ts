// The on-disk blob cache, keyed by digest: a blob pulled once is read from disk the next time. Blobs are
// written to a temporary name while they stream to the reader and published by rename only once verified.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { WhittleError } from '../../errors.js';
import type { Digest } from '../model.js';

export interface BlobCache {
  readonly dir: string;
  /** The cached blob, or null when it is not there (yet). */
  open(digest: Digest): Promise<Readable | null>;
  /**
   * Pass `body` through unchanged while copying it into the cache; the copy is published when the stream ends
   * with the right digest and size. A wrong digest fails the stream with DIGEST_MISMATCH naming the blob.
   */
  tee(digest: Digest, size: number | null, body: Readable): Readable;
}

/** `$WHITTLE_CACHE_DIR/blobs`, else `$XDG_CACHE_HOME/whittle/blobs`, else `~/.cache/whittle/blobs`. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.WHITTLE_CACHE_DIR) return join(env.WHITTLE_CACHE_DIR, 'blobs');
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'whittle', 'blobs');
}

function blobPath(dir: string, digest: Digest): string {
  const [algorithm = 'sha256', hex = ''] = digest.split(':');
  return join(dir, algorithm, hex);
}

/** Streams verified by digest as they pass; usable with or without a cache behind. */
class VerifyingTee extends Transform {
  private readonly hash: ReturnType<typeof createHash>;
  private bytes = 0;
  private file: WriteStream | null;
  private fileFailed = false;

  constructor(
    private readonly digest: Digest,
    private readonly size: number | null,
    private readonly tempPath: string | null,
    private readonly finalPath: string | null,
  ) {
    super();
    this.hash = createHash(digest.startsWith('sha512:') ? 'sha512' : 'sha256');
    this.file = tempPath === null ? null : createWriteStream(tempPath, { flags: 'wx', mode: 0o644 });
    // A cache that cannot be written must never break the analysis: the copy is just dropped.
    this.file?.on('error', () => {
      this.fileFailed = true;
      this.file = null;
      if (tempPath !== null) void unlink(tempPath).catch(() => undefined);
    });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    if (this.size !== null && this.bytes > this.size) {
      done(new WhittleError('DIGEST_MISMATCH', `blob is larger than the ${this.size} bytes its descriptor says`, { blob: this.digest }));
      return;
    }
    const file = this.file;
    if (file === null || file.write(chunk)) {
      done(null, chunk);
      return;
    }
    // A file that fails while we wait for it to drain closes instead; either way the reader goes on.
    const go = (): void => {
      file.off('drain', go);
      file.off('close', go);
      done(null, chunk);
    };
    file.once('drain', go);
    file.once('close', go);
  }

  override _flush(done: TransformCallback): void {
    const got = `${this.digest.split(':')[0]}:${this.hash.digest('hex')}`;
    const error = got !== this.digest
      ? new WhittleError('DIGEST_MISMATCH', `blob content has digest ${got}, expected ${this.digest}`, { blob: this.digest })
      : this.size !== null && this.bytes !== this.size
        ? new WhittleError('DIGEST_MISMATCH', `blob is ${this.bytes} bytes, its descriptor says ${this.size}`, { blob: this.digest })
        : null;
    if (error) {
      this.discard();
      done(error);
      return;
    }
    const file = this.file;
    if (file === null || this.tempPath === null || this.finalPath === null) {
      this.discard();
      done();
      return;
    }
    const temp = this.tempPath;
    const final = this.finalPath;
    file.end(() => {
      if (this.fileFailed) {
        void unlink(temp).catch(() => undefined);
        return done();
      }
      rename(temp, final).then(() => done(), () => {
        this.discard();
        done();
      });
    });
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.discard();
    done(error);
  }

  private discard(): void {
    const file = this.file;
    this.file = null;
    if (file === null || this.tempPath === null) return;
    const temp = this.tempPath;
    const remove = (): void => void unlink(temp).catch(() => undefined);
    if (file.closed) remove();
    else file.once('close', remove);
    file.destroy();
  }
}

/** A verifying pass-through with no cache behind it (the cache is off or cannot be created). */
export function verifyStream(digest: Digest, size: number | null, body: Readable): Readable {
  const tee = new VerifyingTee(digest, size, null, null);
  body.on('error', (e) => tee.destroy(e));
  return body.pipe(tee);
}

export async function openBlobCache(dir: string): Promise<BlobCache | null> {
  try {
    await mkdir(join(dir, 'sha256'), { recursive: true });
    await mkdir(join(dir, 'sha512'), { recursive: true });
  } catch {
    return null;
  }
  return {
    dir,
    async open(digest) {
      const path = blobPath(dir, digest);
      try {
        await stat(path);
      } catch {
        return null;
      }
      return createReadStream(path);
    },
    tee(digest, size, body) {
      const final = blobPath(dir, digest);
      const temp = `${final}.${process.pid}.${randomBytes(6).toString('hex')}.partial`;
      const tee = new VerifyingTee(digest, size, temp, final);
      body.on('error', (e) => tee.destroy(e));
      return body.pipe(tee);
    },
  };
}
