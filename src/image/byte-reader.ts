// Where a layer's tar bytes come from: a stream read once, or a file range read at offsets with as few reads
// as the layout allows (headers of small files are dense, so one window serves many of them).
import { readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { WhittleError } from '../errors.js';
import type { Where } from '../errors.js';

export const BLOCK = 512;
/** Seek reads fetch at least a page: the OS reads that much anyway, and small neighbours' headers come free. */
const PAGE = 4096;
/** Where bodies are small, headers are dense: one read of this much serves many of them. */
const WINDOW = 256 * 1024;
/** A body at least this large is seeked over, and the next read is a single page again. */
const BIG_BODY = 32 * 1024;

/** Where tar bytes come from: a stream read once, or a file range read at offsets. */
export interface ByteReader {
  /** Bytes consumed so far (relative to the tar's start). */
  readonly position: number;
  /** Exactly `n` bytes; null when the input ends before the first of them; throws when it ends part-way. */
  read(n: number): Promise<Buffer | null>;
  skip(n: number): Promise<void>;
  /** Up to `max` bytes (at least one), for streaming bodies. */
  readSome(max: number): Promise<Buffer>;
  /**
   * `read` and `skip` without waiting, when the bytes are already at hand (`undefined` / false when not):
   * most headers are, and a promise per header is most of what a header-only walk would cost.
   */
  readNow(n: number): Buffer | null | undefined;
  skipNow(n: number): boolean;
}

export function truncated(where: Where, at: number): WhittleError {
  return new WhittleError('MALFORMED_IMAGE', `tar archive is truncated at byte ${at}`, where);
}

/** Reads a Readable through its async iterator, keeping only the chunks not yet consumed. */
export class StreamReader implements ByteReader {
  private chunks: Buffer[] = [];
  private head = 0; // offset into chunks[0]
  private buffered = 0;
  private done = false;
  private pos = 0;
  private readonly it: AsyncIterator<unknown>;

  constructor(stream: AsyncIterable<unknown>, private readonly where: Where) {
    this.it = stream[Symbol.asyncIterator]();
  }

  get position(): number {
    return this.pos;
  }

  private async fill(n: number): Promise<void> {
    while (this.buffered < n && !this.done) {
      const r = await this.it.next();
      if (r.done === true) this.done = true;
      else {
        const chunk = r.value as Buffer;
        if (chunk.length > 0) {
          this.chunks.push(chunk);
          this.buffered += chunk.length;
        }
      }
    }
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    if (first !== undefined && first.length - this.head >= n) {
      const out = first.subarray(this.head, this.head + n);
      this.drop(n);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const c = this.chunks[0] as Buffer;
      const k = Math.min(n - filled, c.length - this.head);
      c.copy(out, filled, this.head, this.head + k);
      filled += k;
      this.drop(k);
    }
    return out;
  }

  private drop(n: number): void {
    this.pos += n;
    this.buffered -= n;
    while (n > 0) {
      const c = this.chunks[0] as Buffer;
      const left = c.length - this.head;
      if (n < left) {
        this.head += n;
        return;
      }
      n -= left;
      this.chunks.shift();
      this.head = 0;
    }
  }

  readNow(n: number): Buffer | null | undefined {
    if (this.buffered >= n) return this.take(n);
    return this.buffered === 0 && this.done ? null : undefined;
  }

  skipNow(n: number): boolean {
    if (this.buffered < n) return false;
    this.drop(n);
    return true;
  }

  async read(n: number): Promise<Buffer | null> {
    await this.fill(n);
    if (this.buffered === 0 && this.done) return null;
    if (this.buffered < n) throw truncated(this.where, this.pos + this.buffered);
    return this.take(n);
  }

  async skip(n: number): Promise<void> {
    while (n > 0) {
      if (this.buffered === 0) {
        await this.fill(1);
        if (this.buffered === 0) throw truncated(this.where, this.pos);
      }
      const k = Math.min(n, this.buffered);
      this.drop(k);
      n -= k;
    }
  }

  async readSome(max: number): Promise<Buffer> {
    if (this.buffered === 0) await this.fill(1);
    if (this.buffered === 0) throw truncated(this.where, this.pos);
    const first = this.chunks[0] as Buffer;
    return this.take(Math.min(max, first.length - this.head));
  }

  /** Consume the rest of the input (trailing padding still counts towards the digest). */
  async drain(): Promise<void> {
    this.chunks = [];
    this.buffered = 0;
    this.head = 0;
    for (;;) {
      const r = await this.it.next();
      if (r.done === true) break;
      this.pos += (r.value as Buffer).length;
    }
    this.done = true;
  }
}

/**
 * Reads a byte range of a file at offsets: skipping a body is arithmetic, not I/O. Reads are synchronous
 * positional reads: a header-only walk is a long run of tiny reads, mostly from the page cache, where a
 * round trip through libuv's thread pool costs ten times the copy; a synchronous read also lets `readNow`
 * serve every header without a promise.
 */
export class FileRangeReader implements ByteReader {
  private pos = 0;
  private page: Buffer = Buffer.alloc(0);
  private pageStart = 0;
  /** Starts as if after a large body, so the first read is one page. */
  private lastSkip = BIG_BODY;
  /** Bytes actually read from the file (tests hold the header-only walk to it). */
  bytesRead = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly start: number,
    private readonly length: number,
    private readonly where: Where,
  ) {}

  get position(): number {
    return this.pos;
  }

  /** `n` bytes at the position, reading a page or a window when they are not at hand; null at the end. */
  private take(n: number): Buffer | null {
    if (this.pos >= this.length) return null;
    if (this.pos + n > this.length) throw truncated(this.where, this.length);
    let at = this.pos - this.pageStart;
    if (at < 0 || at + n > this.page.length) {
      // After a large body, expect more: read one page. After small ones, read a window of headers at once.
      const span = this.lastSkip >= BIG_BODY ? PAGE - ((this.start + this.pos) % PAGE) : WINDOW;
      const want = Math.min(Math.max(n, span), this.length - this.pos);
      const buf = Buffer.allocUnsafe(want);
      let got: number;
      try {
        got = readSync(this.fh.fd, buf, 0, want, this.start + this.pos);
      } catch (e) {
        throw new WhittleError('IO', `cannot read layer blob: ${(e as Error).message}`, this.where, { cause: e });
      }
      this.bytesRead += got;
      if (got < n) throw truncated(this.where, this.pos + got);
      this.page = buf.subarray(0, got);
      this.pageStart = this.pos;
      at = 0;
    }
    this.pos += n;
    return this.page.subarray(at, at + n);
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a rejected promise, not a throw, on a bad read
  async read(n: number): Promise<Buffer | null> {
    return this.take(n);
  }

  readNow(n: number): Buffer | null | undefined {
    return this.take(n);
  }

  skipNow(n: number): boolean {
    if (this.pos + n > this.length) return false;
    this.pos += n;
    this.lastSkip = n;
    return true;
  }

  skip(n: number): Promise<void> {
    if (this.pos + n > this.length) return Promise.reject(truncated(this.where, this.length));
    this.pos += n;
    this.lastSkip = n;
    return Promise.resolve();
  }

  async readSome(max: number): Promise<Buffer> {
    const n = Math.min(max, this.length - this.pos, 1 << 16);
    const b = n > 0 ? await this.read(n) : null;
    if (b === null) throw truncated(this.where, this.pos);
    return b;
  }
}
