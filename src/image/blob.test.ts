// Layer blobs: compression by magic bytes, and every digest, size and corruption problem caught while streaming.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { compress as zstdCompress } from 'zstd-napi';
import { WhittleError } from '../errors.js';
import { layerTar, sha256, tempDir } from '../../test/fixtures/synthetic.js';
import { layerFromBlob, sniffCompression } from './blob.js';
import type { LayerMeta } from './blob.js';
import type { Opener, TarEntry, WalkOptions } from './model.js';

const FILES = { 'etc/': { type: 'directory' as const }, 'etc/motd': 'hello', 'bin/tool': 'x'.repeat(40_000) };

function opener(bytes: Buffer, calls = { n: 0 }): Opener {
  return () => {
    calls.n++;
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 1000) chunks.push(bytes.subarray(i, i + 1000));
    return Promise.resolve(Readable.from(chunks));
  };
}

function meta(blob: Buffer, tar: Buffer, extra: Partial<LayerMeta> = {}): LayerMeta {
  return { index: 2, digest: sha256(blob), diffId: sha256(tar), mediaType: '', compressedSize: blob.length, createdBy: null, foreign: false, ...extra };
}

async function walk(open: Opener, m: LayerMeta, options: WalkOptions = {}): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  for await (const e of layerFromBlob(open, m, { ref: 'test:image' }).entries(options)) out.push(e);
  return out;
}

async function rejectsWith(p: Promise<unknown>, code: string, pattern: RegExp, blob?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof WhittleError, `a WhittleError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, pattern);
    assert.equal(e.where.layer, 2);
    assert.equal(e.where.ref, 'test:image');
    if (blob !== undefined) assert.equal(e.where.blob, blob);
    return true;
  });
}

test('compression is sniffed from magic bytes, never from the media type', () => {
  assert.equal(sniffCompression(Buffer.from([0x1f, 0x8b, 8, 0])), 'gzip');
  assert.equal(sniffCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])), 'zstd');
  assert.equal(sniffCompression(Buffer.from([0x50, 0x2a, 0x4d, 0x18])), 'zstd'); // skippable frame
  assert.equal(sniffCompression(Buffer.from([0x5e, 0x2a, 0x4d, 0x18])), 'zstd');
  assert.equal(sniffCompression(Buffer.from('app/')), 'none');
  assert.equal(sniffCompression(Buffer.alloc(0)), 'none');
});

test('gzip, zstd and plain blobs give the same entries, verified', async () => {
  const tar = await layerTar({ files: FILES });
  const want = ['etc', 'etc/motd', 'bin/tool'];
  for (const blob of [gzipSync(tar), zstdCompress(tar), tar]) {
    const got = await walk(opener(blob), meta(blob, tar, { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }));
    assert.deepEqual(got.map((e) => e.path), want);
  }
});

test('zstd:chunked (skippable frames, several frames) and eStargz (several gzip members) stream through', async () => {
  const tar = await layerTar({ files: FILES });
  const cut = 1024; // a block boundary: each part is a run of whole tar blocks
  const skippable = Buffer.concat([Buffer.from([0x50, 0x2a, 0x4d, 0x18]), Buffer.from([8, 0, 0, 0]), Buffer.from('metadata')]);
  const chunked = Buffer.concat([zstdCompress(tar.subarray(0, cut)), skippable, zstdCompress(tar.subarray(cut))]);
  const stargz = Buffer.concat([gzipSync(tar.subarray(0, cut)), gzipSync(tar.subarray(cut)), gzipSync(Buffer.alloc(0))]);
  for (const blob of [chunked, Buffer.concat([skippable, zstdCompress(tar)]), stargz]) {
    const got = await walk(opener(blob), meta(blob, tar));
    assert.deepEqual(got.map((e) => e.path), ['etc', 'etc/motd', 'bin/tool']);
  }
});

test('sha512 digests are verified too', async () => {
  const tar = await layerTar({ files: FILES });
  const blob = gzipSync(tar);
  const d512 = `sha512:${createHash('sha512').update(blob).digest('hex')}`;
  assert.equal((await walk(opener(blob), meta(blob, tar, { digest: d512 }))).length, 3);
  const other = `sha512:${'0'.repeat(128)}`;
  await rejectsWith(walk(opener(blob), meta(blob, tar, { digest: other })), 'DIGEST_MISMATCH', /expected sha512:0+, got sha512:/, other);
});

test('a wrong blob digest is an error naming expected and actual', async () => {
  const tar = await layerTar({ files: FILES });
  const blob = gzipSync(tar);
  const claimed = `sha256:${'1'.repeat(64)}`;
  await rejectsWith(walk(opener(blob), meta(blob, tar, { digest: claimed })), 'DIGEST_MISMATCH', new RegExp(`expected ${claimed}, got ${sha256(blob)}`), claimed);
});

test('content that does not match rootfs.diff_ids is an error', async () => {
  const tar = await layerTar({ files: FILES });
  const blob = gzipSync(tar);
  const wrong = sha256(Buffer.from('another tar'));
  await rejectsWith(walk(opener(blob), meta(blob, tar, { diffId: wrong })), 'DIGEST_MISMATCH', new RegExp(`rootfs.diff_ids: expected ${wrong}, got ${sha256(tar)}`));
});

test('a truncated blob is an error saying so', async () => {
  const tar = await layerTar({ files: FILES });
  const blob = gzipSync(tar);
  const cut = blob.subarray(0, blob.length - 200);
  await rejectsWith(walk(opener(cut), meta(blob, tar)), 'DIGEST_MISMATCH', new RegExp(`blob is ${cut.length} bytes, expected ${blob.length}`));
  const plainCut = tar.subarray(0, 1200);
  await rejectsWith(walk(opener(plainCut), meta(tar, tar)), 'DIGEST_MISMATCH', /truncated or replaced/);
});

test('corrupt gzip and zstd are errors naming the layer', async () => {
  const tar = await layerTar({ files: FILES });
  for (const good of [gzipSync(tar), zstdCompress(tar)]) {
    const bad = Buffer.from(good);
    for (let i = 12; i < 40; i++) bad[i] = 0xaa;
    // The digest describes the corrupt bytes, so only the decompressor can object.
    await rejectsWith(walk(opener(bad), meta(bad, tar)), 'MALFORMED_IMAGE', /corrupt/);
  }
});

test('foreign layers yield nothing and are never fetched', async () => {
  const calls = { n: 0 };
  const tar = await layerTar({ files: FILES });
  const got = await walk(opener(tar, calls), meta(tar, tar, { foreign: true }));
  assert.deepEqual(got, []);
  assert.equal(calls.n, 0);
});

test('an uncompressed blob on disk is walked by seeking; verify reads it all and checks it', async () => {
  const t = await tempDir();
  try {
    const tar = await layerTar({ files: FILES });
    const path = join(t.dir, 'archive.bin');
    writeFileSync(path, Buffer.concat([Buffer.alloc(512, 7), tar])); // the layer sits at an offset, as in an archive
    const calls = { n: 0 };
    const wrongDiff = sha256(Buffer.from('not it'));
    const m = meta(tar, tar, { diffId: wrongDiff, digest: wrongDiff, file: { path, offset: 512, size: tar.length } });
    const seeked = await walk(opener(tar, calls), m);
    assert.deepEqual(seeked.map((e) => e.path), ['etc', 'etc/motd', 'bin/tool']);
    assert.equal(calls.n, 0, 'the header-only walk never opened the stream');
    await rejectsWith(walk(opener(tar, calls), m, { verify: true }), 'DIGEST_MISMATCH', /expected/);
    assert.equal(calls.n, 1);
  } finally {
    await t.cleanup();
  }
});

test('stopping early leaves nothing dangling, and a layer can be read again', async () => {
  const tar = await layerTar({ files: FILES });
  const blob = gzipSync(tar);
  const layer = layerFromBlob(opener(blob), meta(blob, tar), {});
  for await (const e of layer.entries()) {
    assert.equal(e.path, 'etc');
    break;
  }
  let n = 0;
  for await (const entry of layer.entries()) if (entry.path) n++;
  assert.equal(n, 3);
});
