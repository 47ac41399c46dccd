// A large synthetic image for bench/image, written fast and deterministically: tar bytes are composed directly
// (no tar library, no temp copies) into an uncompressed docker-archive and, in the same pass, a gzip OCI layout.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';

export interface GenSpec {
  readonly layers: number;
  /** Regular files per layer, large ones included. */
  readonly filesPerLayer: number;
  /** Of those, how many are large, and how large. */
  readonly largePerLayer: number;
  readonly largeBytes: number;
  /** Small files per directory. */
  readonly perDir: number;
  /** gzip level for the OCI layout's layers (1: the generator's speed matters more than the ratio). */
  readonly gzipLevel: number;
}

/** ≥ 2 GB across 8 layers and 300,000 files at scale 1; smaller scales shrink file counts and sizes together. */
export function benchSpec(scale: number): GenSpec {
  return {
    layers: 8,
    filesPerLayer: Math.max(8, Math.round(37_500 * scale)),
    largePerLayer: 4,
    largeBytes: Math.max(64 * 1024, Math.round(24 * 1024 * 1024 * scale)),
    perDir: 100,
    gzipLevel: 1,
  };
}

export interface GeneratedLayer {
  /** Offset and size of the layer's tar inside the docker-archive. */
  readonly offset: number;
  readonly size: number;
  readonly diffId: string;
  /** The gzip blob in the OCI layout. */
  readonly blobPath: string;
  readonly blobDigest: string;
  readonly blobSize: number;
}

export interface GeneratedImage {
  readonly dockerArchive: string;
  readonly ociLayout: string;
  readonly layers: readonly GeneratedLayer[];
  /** Regular files, directories, and the uncompressed tar bytes of all layers. */
  readonly files: number;
  readonly dirs: number;
  readonly tarBytes: number;
}

const BLOCK = 512;
const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

/** xorshift32: the same bytes on every machine and run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** Text-like bytes that gzip to about a third, as source trees and package files do; bodies are slices of it. */
function contentPool(bytes: number): Buffer {
  const next = rng(42);
  const words: string[] = [];
  for (let i = 0; i < 4096; i++) {
    let w = '';
    const len = 2 + (next() % 9);
    for (let k = 0; k < len; k++) w += String.fromCharCode(97 + (next() % 26));
    words.push(w);
  }
  const pool = Buffer.allocUnsafe(bytes);
  let at = 0;
  while (at < bytes) {
    const r = next();
    // Mostly words, some raw bytes: compiled code and images are in real layers too.
    if (r % 64 === 0) {
      for (let k = 0; k < 64 && at < bytes; k++) pool[at++] = next() & 0xff;
    } else {
      const w = words[r % words.length] as string;
      at += pool.write(r % 7 === 0 ? `${w}\n` : `${w} `, at, 'latin1');
    }
  }
  return pool;
}

interface Entry {
  readonly name: string;
  readonly type: 'file' | 'dir';
  readonly size: number;
  /** Where in the pool the body starts. */
  readonly from: number;
}

/** A layer's entries: directories of small files (0 B – 32 KiB, most under 4 KiB) with large files spread among them. */
function layerEntries(spec: GenSpec, layer: number, poolBytes: number): Entry[] {
  const next = rng(1000 + layer);
  const out: Entry[] = [{ name: `l${layer}/`, type: 'dir', size: 0, from: 0 }];
  const small = spec.filesPerLayer - spec.largePerLayer;
  const largeEvery = Math.max(1, Math.floor(small / Math.max(1, spec.largePerLayer)));
  let large = 0;
  for (let i = 0; i < small; i++) {
    if (i % spec.perDir === 0) out.push({ name: `l${layer}/d${String(i / spec.perDir).padStart(5, '0')}/`, type: 'dir', size: 0, from: 0 });
    const r = next() % 100;
    const size = r < 60 ? next() % 1024 : r < 90 ? 1024 + (next() % 7168) : 8192 + (next() % 24576);
    out.push({ name: `l${layer}/d${String(Math.floor(i / spec.perDir)).padStart(5, '0')}/f${String(i).padStart(6, '0')}.txt`, type: 'file', size, from: next() % (poolBytes - size) });
    if ((i + 1) % largeEvery === 0 && large < spec.largePerLayer) {
      out.push({ name: `l${layer}/big${large}.bin`, type: 'file', size: spec.largeBytes, from: next() % poolBytes });
      large++;
    }
  }
  for (; large < spec.largePerLayer; large++) out.push({ name: `l${layer}/big${large}.bin`, type: 'file', size: spec.largeBytes, from: next() % poolBytes });
  return out;
}

function octal(h: Buffer, value: number, at: number, len: number): void {
  h.write(`${value.toString(8).padStart(len - 1, '0')}\0`, at, len, 'latin1');
}

/** A POSIX ustar header (names here are short enough for the 100-byte field). */
function header(name: string, size: number, dir: boolean, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, dir ? 0o755 : 0o644, 100, 8);
  octal(h, 0, 108, 8);
  octal(h, 0, 116, 8);
  octal(h, size, 124, 12);
  octal(h, mtime, 136, 12);
  h.fill(0x20, 148, 156);
  h[156] = dir ? 0x35 : 0x30;
  h.write('ustar\u000000', 257, 8, 'latin1');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i] as number;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return h;
}

function tarSize(entries: readonly Entry[]): number {
  let n = 2 * BLOCK;
  for (const e of entries) n += BLOCK + padded(e.size);
  return n;
}

const ZEROS = Buffer.alloc(1 << 20);

/** The layer's tar as ~4 MiB chunks (headers, pool slices and padding gathered, then copied once). */
function* layerChunks(entries: readonly Entry[], pool: Buffer): Generator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  const push = (b: Buffer): Buffer | null => {
    parts.push(b);
    size += b.length;
    if (size < 4 << 20) return null;
    const out = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    return out;
  };
  for (const e of entries) {
    let full = push(header(e.name, e.size, e.type === 'dir', 1_700_000_000));
    if (full) yield full;
    let left = e.size;
    let from = e.from;
    while (left > 0) {
      const k = Math.min(left, pool.length - from, 1 << 20);
      full = push(pool.subarray(from, from + k));
      if (full) yield full;
      left -= k;
      from = (from + k) % pool.length;
    }
    const pad = padded(e.size) - e.size;
    if (pad > 0) {
      full = push(ZEROS.subarray(0, pad));
      if (full) yield full;
    }
  }
  const end = push(ZEROS.subarray(0, 2 * BLOCK));
  if (end) yield end;
  if (size > 0) yield Buffer.concat(parts, size);
}

/** Writes one layer at `offset` of the archive, hashing it and gzipping it into the layout as it goes. */
async function writeLayer(fd: number, offset: number, entries: readonly Entry[], pool: Buffer, blobs: string, index: number, level: number): Promise<Omit<GeneratedLayer, 'offset' | 'size'>> {
  const diff = createHash('sha256');
  const blob = createHash('sha256');
  const tmp = join(blobs, `tmp-${index}`);
  const out = openSync(tmp, 'w');
  let blobSize = 0;
  const gz = createGzip({ level, chunkSize: 1 << 20 });
  gz.on('data', (c: Buffer) => {
    blob.update(c);
    writeSync(out, c);
    blobSize += c.length;
  });
  const ended = new Promise<void>((resolve, reject) => {
    gz.on('end', resolve);
    gz.on('error', reject);
  });
  let at = offset;
  for (const chunk of layerChunks(entries, pool)) {
    writeSync(fd, chunk, 0, chunk.length, at);
    at += chunk.length;
    diff.update(chunk);
    if (!gz.write(chunk)) await new Promise((r) => gz.once('drain', r));
  }
  gz.end();
  await ended;
  closeSync(out);
  const hex = blob.digest('hex');
  const blobPath = join(blobs, hex);
  renameSync(tmp, blobPath);
  return { diffId: `sha256:${diff.digest('hex')}`, blobPath, blobDigest: `sha256:${hex}`, blobSize };
}

/**
 * Writes `<dir>/image.tar` (docker-archive, uncompressed layers) and `<dir>/oci` (OCI layout, gzip layers) holding
 * the same layers. Layers are written two at a time: gzip runs on libuv's pool, one layer per core.
 */
export async function generateImage(dir: string, spec: GenSpec): Promise<GeneratedImage> {
  const pool = contentPool(8 << 20);
  const all = Array.from({ length: spec.layers }, (_, i) => layerEntries(spec, i, pool.length));
  const sizes = all.map(tarSize);
  const names = all.map((_, i) => `layers/${i}.tar`);
  const archive = join(dir, 'image.tar');
  const oci = join(dir, 'oci');
  const blobs = join(oci, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const fd = openSync(archive, 'w');
  try {
    // The outer tar: each layer's header, then its bytes; metadata members follow once digests are known.
    const offsets: number[] = [];
    let at = 0;
    for (const [i, size] of sizes.entries()) {
      writeSync(fd, header(names[i] as string, size, false, 0), 0, BLOCK, at);
      offsets.push(at + BLOCK);
      at += BLOCK + padded(size);
    }
    const done: Omit<GeneratedLayer, 'offset' | 'size'>[] = new Array<Omit<GeneratedLayer, 'offset' | 'size'>>(spec.layers);
    let nextLayer = 0;
    const worker = async (): Promise<void> => {
      for (let i = nextLayer++; i < spec.layers; i = nextLayer++) {
        done[i] = await writeLayer(fd, offsets[i] as number, all[i] as Entry[], pool, blobs, i, spec.gzipLevel);
        const pad = padded(sizes[i] as number) - (sizes[i] as number);
        if (pad > 0) writeSync(fd, ZEROS, 0, pad, (offsets[i] as number) + (sizes[i] as number));
      }
    };
    await Promise.all([worker(), worker()]);
    const layers: GeneratedLayer[] = done.map((d, i) => ({ ...d, offset: offsets[i] as number, size: sizes[i] as number }));

    const history = layers.map((_, i) => ({ created: '2024-01-01T00:00:00Z', created_by: `/bin/sh -c #(nop) COPY dir:${i} in /l${i}` }));
    const config = (gzip: boolean): Buffer => Buffer.from(JSON.stringify({
      architecture: 'amd64', os: 'linux', created: '2024-01-01T00:00:00Z',
      config: { Env: ['PATH=/usr/bin'], Cmd: ['/bin/sh'] },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history,
      // Same diff IDs either way; the note only keeps the two configs' digests apart in a reader's mind.
      comment: gzip ? 'oci gzip' : 'docker-archive',
    }));
    const dockerConfig = config(false);
    const configName = `${createHash('sha256').update(dockerConfig).digest('hex')}.json`;
    const manifest = Buffer.from(JSON.stringify([{ Config: configName, RepoTags: ['whittle-bench:latest'], Layers: names }]));
    for (const [name, bytes] of [[configName, dockerConfig], ['manifest.json', manifest]] as const) {
      writeSync(fd, header(name, bytes.length, false, 0), 0, BLOCK, at);
      writeSync(fd, bytes, 0, bytes.length, at + BLOCK);
      at += BLOCK + padded(bytes.length);
    }
    writeSync(fd, ZEROS, 0, 2 * BLOCK, at);

    const ociConfig = config(true);
    const put = (bytes: Buffer): { digest: string; size: number } => {
      const hex = createHash('sha256').update(bytes).digest('hex');
      writeFileSync(join(blobs, hex), bytes);
      return { digest: `sha256:${hex}`, size: bytes.length };
    };
    const cfg = put(ociConfig);
    const man = put(Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...cfg },
      layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: l.blobDigest, size: l.blobSize })),
    })));
    writeFileSync(join(oci, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(join(oci, 'index.json'), JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...man, annotations: { 'org.opencontainers.image.ref.name': 'latest' } }],
    }));
    const files = all.reduce((n, es) => n + es.filter((e) => e.type === 'file').length, 0);
    const dirs = all.reduce((n, es) => n + es.filter((e) => e.type === 'dir').length, 0);
    return { dockerArchive: archive, ociLayout: oci, layers, files, dirs, tarBytes: sizes.reduce((a, b) => a + b, 0) };
  } finally {
    closeSync(fd);
  }
}
