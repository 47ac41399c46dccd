// Tar entries from a layer: ustar, GNU and PAX headers, read from a stream or header-by-header with seeks.
import { Readable } from 'node:stream';
import { WhittleError } from '../errors.js';
import type { Where } from '../errors.js';
import { BLOCK, truncated } from './byte-reader.js';
import type { ByteReader } from './byte-reader.js';
import type { EntryType, TarEntry, WalkOptions } from './model.js';

/** PAX and GNU long-name records are held in memory; real ones are a few hundred bytes. */
const MAX_META = 1 << 20;
/** Linux allows 4096; anything far beyond is an attack on memory, since every path is kept. */
const MAX_PATH = 1 << 16;

function padded(n: number): number {
  return Math.ceil(n / BLOCK) * BLOCK;
}

function cstr(buf: Buffer, start: number, len: number): string {
  let end = start;
  while (end < start + len && buf[end] !== 0) end++;
  return buf.toString('utf8', start, end);
}

/** Octal, or GNU base-256 when the high bit of the first byte is set. NaN when unreadable. */
export function parseNumber(buf: Buffer, start: number, len: number): number {
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    if (first === 0xff) return Number.NaN; // negative: never a valid size, uid or time we accept
    let v = first & 0x7f;
    for (let i = start + 1; i < start + len; i++) v = v * 256 + (buf[i] ?? 0);
    return v;
  }
  let i = start;
  const end = start + len;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0)) i++;
  let v = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = buf[i] ?? 0;
    if (c < 0x30 || c > 0x37) break;
    v = v * 8 + (c - 0x30);
    digits++;
  }
  return digits === 0 ? 0 : v;
}

/** The word view of the last buffer summed: headers come many to a read buffer, and a view per header is garbage. */
let wordsOf: ArrayBufferLike | null = null;
let words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);

/** Sum of a block's bytes, four at a time where the block is 4-byte aligned (it almost always is). */
function byteSum(h: Buffer): number {
  if ((h.byteOffset & 3) !== 0) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += h[i] as number;
    return sum;
  }
  if (wordsOf !== h.buffer) {
    wordsOf = h.buffer;
    words = new Uint32Array(h.buffer, 0, h.buffer.byteLength >>> 2);
  }
  // Two 16-bit lanes per word: 128 words of at most 2 x 255 per lane never carry between lanes.
  let acc = 0;
  for (let i = h.byteOffset >>> 2, end = i + BLOCK / 4; i < end; i++) {
    const w = words[i] as number;
    acc += (w & 0x00ff00ff) + ((w >>> 8) & 0x00ff00ff);
  }
  return (acc & 0xffff) + Math.floor(acc / 0x10000);
}

function checksumOk(h: Buffer): boolean {
  const stored = parseNumber(h, 148, 8);
  let unsigned = byteSum(h) + 8 * 0x20; // the checksum field itself counts as spaces
  for (let i = 148; i < 156; i++) unsigned -= h[i] as number;
  if (stored === unsigned) return true;
  // Some old writers summed signed bytes.
  let signed = unsigned;
  for (let i = 0; i < BLOCK; i++) if ((i < 148 || i >= 156) && (h[i] as number) > 127) signed -= 256;
  return stored === signed;
}

function isZeroBlock(h: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (h[i] !== 0) return false;
  return true;
}

/** PAX extended header records: `<len> <key>=<value>\n`. Later duplicates win. */
export function parsePax(buf: Buffer, where: Where): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < buf.length) {
    if (buf[i] === 0) break;
    const sp = buf.indexOf(0x20, i);
    const len = sp > i ? Number(buf.toString('latin1', i, sp)) : Number.NaN;
    if (!Number.isSafeInteger(len) || len <= sp - i || i + len > buf.length) {
      throw new WhittleError('MALFORMED_IMAGE', 'corrupt PAX header record', where);
    }
    const rec = buf.toString('utf8', sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

/** Anything a clean relative path never contains: a leading or trailing `/`, `//`, a `.` or `..` component. */
const NEEDS_WORK = /^\/|\/$|\/\/|(^|\/)\.\.?(\/|$)|^$/;

/**
 * A tar path made safe: no leading `/` or `./`, no `.` or empty components, `..` resolved. Returns null when
 * `..` would climb above the image root; '' is the root itself.
 */
export function normalizePath(raw: string): string | null {
  if (!NEEDS_WORK.test(raw)) return raw;
  const out: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

function typeOf(flag: number, name: string): EntryType {
  switch (flag) {
    case 0:
    case 0x30: // '0'
    case 0x37: // '7' contiguous
      return name.endsWith('/') ? 'directory' : 'file';
    case 0x31: return 'hardlink';
    case 0x32: return 'symlink';
    case 0x33: return 'char';
    case 0x34: return 'block';
    case 0x35: return 'directory';
    case 0x36: return 'fifo';
    case 0x53: return 'file'; // 'S' GNU sparse
    default: return 'other';
  }
}

interface Segment { readonly offset: number; readonly length: number }

/** Old GNU sparse map: 4 entries in the header, more in extension blocks while the "extended" flag is set. */
async function gnuSparseMap(h: Buffer, reader: ByteReader, where: Where): Promise<Segment[]> {
  const map: Segment[] = [];
  const collect = (b: Buffer, at: number, count: number): void => {
    for (let k = 0; k < count; k++) {
      const o = at + k * 24;
      if ((b[o] ?? 0) === 0) return;
      map.push({ offset: parseNumber(b, o, 12), length: parseNumber(b, o + 12, 12) });
    }
  };
  collect(h, 386, 4);
  let extended = h[482] !== 0;
  while (extended) {
    const ext = await reader.read(BLOCK);
    if (ext === null) throw truncated(where, reader.position);
    collect(ext, 0, 21);
    extended = ext[504] !== 0;
  }
  return map;
}

/** PAX sparse 1.0 keeps its map at the start of the data: decimal lines, padded to a block. */
async function pax1SparseMap(reader: ByteReader, where: Where): Promise<{ map: Segment[]; consumed: number }> {
  const nums: number[] = [];
  let text = '';
  let consumed = 0;
  let need = 1;
  while (nums.length < need) {
    const b = await reader.read(BLOCK);
    if (b === null) throw truncated(where, reader.position);
    consumed += BLOCK;
    text += b.toString('latin1');
    const lines = text.split('\n');
    text = lines.pop() ?? '';
    for (const l of lines) {
      nums.push(Number(l));
      if (nums.length === 1) need = 1 + 2 * (nums[0] ?? 0);
      if (nums.length >= need) break;
    }
    if (consumed > MAX_META || !nums.every(Number.isSafeInteger)) throw new WhittleError('MALFORMED_IMAGE', 'corrupt PAX sparse map', where);
  }
  const map: Segment[] = [];
  for (let k = 1; k + 1 < need; k += 2) map.push({ offset: nums[k] ?? 0, length: nums[k + 1] ?? 0 });
  return { map, consumed };
}

function pax01SparseMap(value: string): Segment[] {
  const n = value.split(',').map(Number);
  const map: Segment[] = [];
  for (let k = 0; k + 1 < n.length; k += 2) map.push({ offset: n[k] ?? 0, length: n[k + 1] ?? 0 });
  return map;
}

/** A hole of a sparse file, in bounded chunks (a hostile map can declare terabytes of it), each its own. */
function* zeros(n: number): Generator<Buffer> {
  for (let left = n; left > 0; left -= 1 << 16) yield Buffer.alloc(Math.min(left, 1 << 16));
}

const NO_PAX: Readonly<Record<string, string>> = Object.freeze({});
/** PAX keys that are applied to the entry itself rather than kept as attributes. */
const APPLIED = new Set(['path', 'linkpath', 'size', 'uid', 'gid', 'mtime']);

/** Tracks a handed-out body so the walk can skip what its consumer left and never read past it. */
interface BodyState {
  remaining: number;
  inflight: Promise<unknown> | null;
  stream: Readable | null;
}

function bodyStream(reader: ByteReader, state: BodyState, sparse: readonly Segment[] | null, realSize: number): Readable {
  async function* plain(): AsyncGenerator<Buffer> {
    while (state.remaining > 0) {
      const p = reader.readSome(Math.min(state.remaining, 1 << 16));
      state.inflight = p;
      const chunk = await p;
      state.inflight = null;
      state.remaining -= chunk.length;
      yield chunk;
    }
  }
  async function* expanded(map: readonly Segment[]): AsyncGenerator<Buffer> {
    let at = 0;
    const data = plain();
    let pending: Buffer = Buffer.alloc(0);
    for (const seg of map) {
      if (seg.offset > at) {
        yield* zeros(seg.offset - at);
        at = seg.offset;
      }
      let left = seg.length;
      while (left > 0) {
        if (pending.length === 0) {
          const r = await data.next();
          if (r.done === true) return;
          pending = r.value;
        }
        const k = Math.min(left, pending.length);
        yield pending.subarray(0, k);
        pending = pending.subarray(k);
        left -= k;
        at += k;
      }
    }
    if (realSize > at) yield* zeros(realSize - at);
  }
  return Readable.from(sparse === null ? plain() : expanded(sparse), { objectMode: false });
}

/**
 * Streams the entries of one tar. Paths are normalised; an entry whose path or hardlink target climbs out
 * of the root is an error naming it. Bodies are handed out only with `bodies: true`.
 */
export async function* readTarEntries(reader: ByteReader, where: Where, options: WalkOptions = {}): AsyncGenerator<TarEntry> {
  let globals: Record<string, string> = {};
  let local: Record<string, string> | null = null;
  let longName: string | null = null;
  let longLink: string | null = null;
  let body: BodyState | null = null;

  const meta = async (size: number, what: string): Promise<Buffer> => {
    if (size > MAX_META) throw new WhittleError('MALFORMED_IMAGE', `${what} of ${size} bytes is larger than any real one`, where);
    const b = await reader.read(padded(size));
    if (b === null) throw truncated(where, reader.position);
    return b.subarray(0, size);
  };

  for (;;) {
    if (body !== null) {
      // The consumer moved on: stop its stream and skip whatever it did not read.
      const b: BodyState = body;
      body = null;
      if (b.stream !== null && !b.stream.readableEnded) b.stream.destroy();
      if (b.inflight !== null) await b.inflight.catch(() => undefined);
      if (!reader.skipNow(b.remaining)) await reader.skip(b.remaining);
    }
    const at = reader.position;
    let h = reader.readNow(BLOCK);
    if (h === undefined) h = await reader.read(BLOCK);
    if (h === null || isZeroBlock(h)) return;
    if (!checksumOk(h)) {
      throw new WhittleError('MALFORMED_IMAGE', at === 0 ? 'not a tar archive (bad header checksum)' : `corrupt tar header at byte ${at}`, where);
    }
    const flag = h[156] ?? 0;
    let size = parseNumber(h, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new WhittleError('MALFORMED_IMAGE', `tar header at byte ${at} declares an impossible size`, where);
    }
    switch (flag) {
      case 0x78: // 'x' PAX for the next entry
        local = parsePax(await meta(size, 'PAX header'), where);
        continue;
      case 0x67: // 'g' PAX global
        globals = { ...globals, ...parsePax(await meta(size, 'PAX global header'), where) };
        continue;
      case 0x4c: // 'L' GNU long name
        longName = cstr(await meta(size, 'GNU long name'), 0, size);
        continue;
      case 0x4b: // 'K' GNU long link name
        longLink = cstr(await meta(size, 'GNU long link name'), 0, size);
        continue;
    }

    // POSIX ustar (not GNU's "ustar  "): only then is 345..500 a name prefix.
    const ustar = h[257] === 0x75 && h[258] === 0x73 && h[262] === 0;
    let name = cstr(h, 0, 100);
    if (ustar && h[345] !== 0) name = `${cstr(h, 345, 155)}/${name}`;
    let linkname: string | null = h[157] === 0 ? null : cstr(h, 157, 100);
    let uid = parseNumber(h, 108, 8);
    let gid = parseNumber(h, 116, 8);
    let mtime = parseNumber(h, 136, 12);
    const mode = parseNumber(h, 100, 8);
    if (longName !== null) name = longName;
    if (longLink !== null) linkname = longLink;
    longName = null;
    longLink = null;

    const pax: Record<string, string> = local === null ? globals : { ...globals, ...local };
    local = null;
    let kept: Readonly<Record<string, string>> = NO_PAX;
    if (pax !== globals || Object.keys(pax).length > 0) {
      const num = (k: string): number | null => {
        const v = pax[k];
        if (v === undefined || v === '') return null;
        const n = Number(v);
        return Number.isFinite(n) ? n : null;
      };
      if (pax.path) name = pax.path;
      if (pax.linkpath) linkname = pax.linkpath;
      size = num('size') ?? size;
      uid = num('uid') ?? uid;
      gid = num('gid') ?? gid;
      mtime = num('mtime') ?? mtime;
      const rest: Record<string, string> = {};
      let any = false;
      for (const [k, v] of Object.entries(pax)) {
        if (!APPLIED.has(k) && !k.startsWith('GNU.sparse.')) {
          rest[k] = v;
          any = true;
        }
      }
      if (any) kept = rest;
      if (!Number.isSafeInteger(size) || size < 0) {
        throw new WhittleError('MALFORMED_IMAGE', `tar entry ${JSON.stringify(name)} declares an impossible size`, where);
      }
    }

    // Sparse files: the header size is what is stored, the real size is what the file holds.
    let stored = size;
    let realSize = size;
    let sparse: Segment[] | null = null;
    if (flag === 0x53) {
      sparse = await gnuSparseMap(h, reader, where);
      realSize = parseNumber(h, 483, 12);
    } else if (pax['GNU.sparse.major'] === '1' && pax['GNU.sparse.minor'] === '0') {
      const m = await pax1SparseMap(reader, where);
      sparse = m.map;
      stored -= m.consumed;
      realSize = Number(pax['GNU.sparse.realsize'] ?? stored);
      if (pax['GNU.sparse.name']) name = pax['GNU.sparse.name'];
    } else if (pax['GNU.sparse.map'] !== undefined) {
      sparse = pax01SparseMap(pax['GNU.sparse.map']);
      realSize = Number(pax['GNU.sparse.size'] ?? pax['GNU.sparse.realsize'] ?? stored);
      if (pax['GNU.sparse.name']) name = pax['GNU.sparse.name'];
    } else if (pax['GNU.sparse.size'] !== undefined) {
      realSize = Number(pax['GNU.sparse.size']);
    }
    if (!Number.isSafeInteger(realSize) || realSize < 0 || stored < 0) {
      throw new WhittleError('MALFORMED_IMAGE', `tar entry ${JSON.stringify(name)} declares an impossible sparse size`, where);
    }

    if (name.length > MAX_PATH || (linkname?.length ?? 0) > MAX_PATH) {
      throw new WhittleError('MALFORMED_IMAGE', `tar entry at byte ${at} has a path or link name longer than ${MAX_PATH} characters`, where);
    }
    const type = typeOf(flag, name);
    const path = normalizePath(name);
    if (path === null) {
      throw new WhittleError('MALFORMED_IMAGE', `tar entry ${JSON.stringify(name)} climbs out of the image root`, where);
    }
    if (type === 'hardlink' && linkname !== null) {
      const target = normalizePath(linkname);
      if (target === null || target === '') {
        throw new WhittleError('MALFORMED_IMAGE', `hardlink ${JSON.stringify(name)} points out of the image root (${JSON.stringify(linkname)})`, where);
      }
      linkname = target;
    }
    const dataBytes = padded(stored);
    if (path === '') {
      if (!reader.skipNow(dataBytes)) await reader.skip(dataBytes); // the root directory itself: nothing to report
      continue;
    }

    const state: BodyState = { remaining: stored, inflight: null, stream: null };
    let stream: Readable | null = null;
    if (options.bodies === true && type === 'file') {
      stream = bodyStream(reader, state, sparse, realSize);
      state.stream = stream;
    }
    yield {
      path,
      type,
      size: type === 'file' ? realSize : 0,
      mode: Number.isFinite(mode) ? mode & 0o7777 : 0,
      uid: Number.isFinite(uid) ? uid : 0,
      gid: Number.isFinite(gid) ? gid : 0,
      mtime: Number.isFinite(mtime) ? mtime : 0,
      linkname,
      pax: kept,
      body: stream,
    };
    // Padding after the data, then whatever of the data the consumer did not read.
    state.remaining += dataBytes - stored;
    body = state;
  }
}
