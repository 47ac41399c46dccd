// Layer blobs: compression sniffed from magic bytes, streaming decompression, digest and diff ID checks.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { open as openFile } from 'node:fs/promises';
import { PassThrough, Transform, pipeline } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { WhittleError } from '../errors.js';
import type { Where } from '../errors.js';
import type { Digest, Layer, Opener, TarEntry, WalkOptions } from './model.js';
import { FileRangeReader, StreamReader } from './byte-reader.js';
import { readTarEntries } from './tar.js';

export interface LayerMeta {
  readonly index: number;
  readonly digest: Digest;
  readonly diffId: Digest;
  readonly mediaType: string;
  readonly compressedSize: number | null;
  readonly createdBy: string | null;
  readonly foreign: boolean;
  /**
   * Where the blob sits on disk, when it does (a layer file, or a member of an archive): lets an uncompressed
   * layer be walked header by header with seeks. Optional, added beside the lead's contract.
   */
  readonly file?: BlobFile | undefined;
}

export interface BlobFile {
  readonly path: string;
  readonly offset: number;
  readonly size: number;
}

export type Compression = 'gzip' | 'zstd' | 'none';

/** Chunks zlib hands out: large enough that the tar walk is not dominated by per-chunk overhead. */
const CHUNK = 1 << 18;

/** gzip `1f 8b`; zstd frame `28 b5 2f fd`; zstd skippable frames `5? 2a 4d 18` (zstd:chunked metadata). */
export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  if (head[0] !== undefined && (head[0] & 0xf0) === 0x50 && head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18) return 'zstd';
  return 'none';
}

function algorithmOf(d: Digest): 'sha256' | 'sha512' {
  return d.startsWith('sha512:') ? 'sha512' : 'sha256';
}

export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): Digest {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Hashes what flows through; at the end compares with `expected` and fails the stream on a mismatch. */
class Verifier extends Transform {
  private readonly hash: Hash;
  private bytes = 0;

  constructor(private readonly expected: Digest, private readonly what: 'blob' | 'diff ID', private readonly size: number | null, private readonly where: Where) {
    super();
    this.hash = createHash(algorithmOf(expected));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.size !== null && this.bytes !== this.size) {
      done(new WhittleError('DIGEST_MISMATCH', `blob is ${this.bytes} bytes, expected ${this.size} (truncated or replaced)`, this.where));
      return;
    }
    const actual = `${algorithmOf(this.expected)}:${this.hash.digest('hex')}`;
    if (actual !== this.expected) {
      const message = this.what === 'blob'
        ? `blob content does not match its digest: expected ${this.expected}, got ${actual}`
        : `uncompressed layer does not match rootfs.diff_ids: expected ${this.expected}, got ${actual}`;
      done(new WhittleError('DIGEST_MISMATCH', message, this.where));
      return;
    }
    done();
  }
}

/** Reads until `n` bytes are buffered (or the stream ends) and puts them back, so the stream still starts at 0. */
async function peek(stream: Readable, n: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  while (have < n) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) {
      parts.push(chunk);
      have += chunk.length;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) break;
    const more = await new Promise<boolean>((resolve, reject) => {
      const onReadable = (): void => { cleanup(); resolve(true); };
      const onEnd = (): void => { cleanup(); resolve(false); };
      const onError = (e: Error): void => { cleanup(); reject(e); };
      const cleanup = (): void => {
        stream.off('readable', onReadable);
        stream.off('end', onEnd);
        stream.off('error', onError);
      };
      stream.on('readable', onReadable);
      stream.on('end', onEnd);
      stream.on('error', onError);
    });
    if (!more) break;
  }
  const head = Buffer.concat(parts);
  if (head.length > 0) stream.unshift(head);
  return head;
}

/** Errors raised by a decompressor: whatever their wording, they mean the blob is corrupt. */
const decompressorErrors = new WeakSet<object>();

function asWhittleError(e: unknown, where: Where): Error {
  if (e instanceof WhittleError) return e;
  if (e instanceof Error && (decompressorErrors.has(e) || ('code' in e && typeof e.code === 'string' && e.code.startsWith('Z_')))) {
    return new WhittleError('MALFORMED_IMAGE', `layer blob is corrupt: ${e.message}`, where, { cause: e });
  }
  if (e instanceof Error && 'code' in e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EIO')) {
    return new WhittleError('IO', `cannot read layer blob: ${e.message}`, where, { cause: e });
  }
  return e instanceof Error ? e : new Error(String(e));
}

async function decompressor(kind: Compression): Promise<Transform> {
  switch (kind) {
    case 'gzip':
      return createGunzip({ chunkSize: CHUNK });
    case 'zstd': {
      // Loaded on first use: a native module the lint command should never pay for.
      const { DecompressStream } = await import('zstd-napi');
      return new DecompressStream();
    }
    case 'none':
      return new PassThrough();
  }
}

/**
 * The verified, decompressed tar stream of a blob: every byte passes through the blob digest check and the
 * diff ID check; the returned promise for `done` rejects with the first mismatch or corruption.
 */
export async function openLayerTar(open: Opener, meta: LayerMeta, where: Where): Promise<{ tar: Readable; compression: Compression; done: Promise<void> }> {
  let raw: Readable;
  try {
    raw = await open();
  } catch (e) {
    throw asWhittleError(e, where);
  }
  const head = await peek(raw, 4).catch((e: unknown) => { throw asWhittleError(e, where); });
  const compression = sniffCompression(head);
  const stages: (Readable | Transform)[] = [raw];
  const sameBytes = compression === 'none' && meta.digest === meta.diffId;
  stages.push(new Verifier(meta.digest, 'blob', meta.compressedSize, where));
  if (compression !== 'none') {
    const d = await decompressor(compression);
    d.on('error', (e: Error) => decompressorErrors.add(e));
    stages.push(d);
  }
  if (!sameBytes) stages.push(new Verifier(meta.diffId, 'diff ID', null, where));
  let settle: (e: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = (e) => (e ? reject(asWhittleError(e, where)) : resolve());
  });
  done.catch(() => undefined); // observed by the walker; never an unhandled rejection if it stops early
  // The last stage is readable: pipeline's array overload is typed as returning a bare WritableStream.
  const tar = pipeline(stages, (e) => settle(e)) as unknown as Readable;
  return { tar, compression, done };
}

/**
 * Every source makes its layers here. A walk that reads every byte (compressed blobs, bodies, or
 * `verify: true`) checks the blob digest and diff ID as it streams; a header-only walk of an uncompressed
 * blob on disk seeks from header to header and reads no bodies, so it checks the tar's structure only.
 * Foreign layers yield nothing and are never opened.
 */
export function layerFromBlob(open: Opener, meta: LayerMeta, where: Where): Layer {
  const at: Where = { ...where, layer: meta.index, blob: meta.digest };
  return {
    index: meta.index,
    digest: meta.digest,
    diffId: meta.diffId,
    mediaType: meta.mediaType,
    compressedSize: meta.compressedSize,
    createdBy: meta.createdBy,
    foreign: meta.foreign,
    async *entries(options: WalkOptions = {}): AsyncGenerator<TarEntry> {
      if (meta.foreign) return;
      const file = meta.file;
      if (file !== undefined && options.bodies !== true && options.verify !== true) {
        const fh = await openFile(file.path, 'r').catch((e: unknown) => { throw asWhittleError(e, at); });
        try {
          const head = Buffer.alloc(4);
          const { bytesRead } = await fh.read(head, 0, Math.min(4, file.size), file.offset);
          // Only an uncompressed blob can be walked by seeking; a compressed one streams like any other.
          if (bytesRead === 4 && sniffCompression(head) === 'none') {
            yield* readTarEntries(new FileRangeReader(fh, file.offset, file.size, at), at, options);
            return;
          }
        } finally {
          await fh.close();
        }
      }
      const { tar, done } = await openLayerTar(open, meta, at);
      const reader = new StreamReader(tar, at);
      let finished = false;
      try {
        yield* readTarEntries(reader, at, options);
        await reader.drain();
        await done;
        finished = true;
      } catch (e) {
        // A digest mismatch found at the end explains a "truncated tar" better than the tar error does.
        const settled = await Promise.race([done.then(() => null, (x: unknown) => x), new Promise((r) => setImmediate(() => r(null)))]);
        throw settled instanceof WhittleError && settled.code === 'DIGEST_MISMATCH' ? settled : asWhittleError(e, at);
      } finally {
        if (!finished) tar.destroy();
      }
    },
  };
}
