// docker-archive layouts of every vintage (skopeo, Docker ≤ 24 symlinks, Docker ≥ 25 OCI inside, kaniko .tar.gz).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { WhittleError } from '../../errors.js';
import type { Result } from '../../errors.js';
import { archiveTar, buildImage, dockerArchiveBytes, layoutFiles, tempDir } from '../../../test/fixtures/synthetic.js';
import type { BuiltImage, ImageSpec } from '../../../test/fixtures/synthetic.js';
import { imageFs } from '../fs.js';
import type { Image } from '../model.js';
import { validateImage, verifyLayers } from '../validate.js';
import { readDockerArchive, splitArchiveRef } from './docker-archive.js';

const SPEC: ImageSpec = {
  layers: [
    { files: { 'app/': { type: 'directory' }, 'app/a': 'a'.repeat(100), 'app/hard': { type: 'link', linkname: 'app/a' } }, createdBy: 'COPY a /app/' },
    { files: { 'app/b': 'b'.repeat(50) }, whiteouts: ['app/a'], createdBy: 'RUN rm /app/a' },
    { files: { 'app/': { type: 'directory' }, 'app/a': 'a'.repeat(100), 'app/hard': { type: 'link', linkname: 'app/a' } }, createdBy: 'COPY a /app/' }, // same tar as layer 0
  ],
};

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function withArchive(bytes: Buffer, fn: (path: string) => Promise<void>): Promise<void> {
  const t = await tempDir();
  try {
    const path = join(t.dir, 'image.tar');
    writeFileSync(path, bytes);
    await fn(path);
  } finally {
    await t.cleanup();
  }
}

async function conforms(image: Image, built: BuiltImage): Promise<string[]> {
  assert.deepEqual(validateImage(image), []);
  assert.ok((await verifyLayers(image)) > 0);
  assert.deepEqual(image.layers.map((l) => l.diffId), built.diffIds);
  assert.equal(image.configDigest, built.configDigest);
  assert.deepEqual(image.layers.map((l) => l.createdBy), ['COPY a /app/', 'RUN rm /app/a', 'COPY a /app/']);
  const fs = await imageFs(image);
  return [...fs.entries()].map((e) => `${e.path}:${e.type}:${fs.contentSize(e)}`);
}

const FINAL = ['app:directory:0', 'app/a:file:100', 'app/b:file:50', 'app/hard:hardlink:100'];

test('skopeo-style archives: <diff-id>.tar members, digest = diff ID, image digest = config digest', async () => {
  const built = await buildImage(SPEC);
  await withArchive(await dockerArchiveBytes(built), async (path) => {
    const image = value(await readDockerArchive({ path }, `docker-archive:${path}`, {}));
    assert.equal(image.source, 'docker-archive');
    assert.equal(image.digest, built.configDigest);
    assert.deepEqual(image.layers.map((l) => l.digest), built.diffIds);
    assert.deepEqual(image.layers.map((l) => l.mediaType), Array(3).fill('application/vnd.docker.image.rootfs.diff.tar'));
    assert.deepEqual(await conforms(image, built), FINAL);
  });
});

test('Docker ≤ 24 archives: <id>/layer.tar, a repeated layer stored once behind a symlink', async () => {
  const built = await buildImage(SPEC);
  await withArchive(await dockerArchiveBytes(built, { legacy: true }), async (path) => {
    const image = value(await readDockerArchive({ path }, `docker-archive:${path}`, {}));
    assert.deepEqual(await conforms(image, built), FINAL);
    assert.equal(image.layers[2]?.compressedSize, image.layers[0]?.compressedSize);
  });
});

test('kaniko-style archives keep gzip layers: digest from the name, verified while streaming', async () => {
  const built = await buildImage(SPEC);
  await withArchive(await dockerArchiveBytes(built, { keepCompressed: true }), async (path) => {
    const image = value(await readDockerArchive({ path }, `docker-archive:${path}`, {}));
    assert.deepEqual(image.layers.map((l) => l.digest), built.layerDigests);
    assert.deepEqual(image.layers.map((l) => l.mediaType), Array(3).fill('application/vnd.docker.image.rootfs.diff.tar.gzip'));
    assert.deepEqual(await conforms(image, built), FINAL);
  });
});

test('Docker ≥ 25 archives are read through the OCI layout inside: the real manifest digest', async () => {
  const built = await buildImage({ ...SPEC, layers: SPEC.layers.map((l) => ({ ...l, compression: 'none' as const })) });
  const files = layoutFiles([{ image: built, name: 'latest' }]);
  files.set('manifest.json', Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${built.configDigest.slice(7)}`, RepoTags: ['app:latest'], Layers: built.layerDigests.map((d) => `blobs/sha256/${d.slice(7)}`) }])));
  await withArchive(await archiveTar(files), async (path) => {
    const image = value(await readDockerArchive({ path }, `docker-archive:${path}`, {}));
    assert.equal(image.digest, built.manifestDigest);
    assert.equal(image.manifestMediaType, 'application/vnd.oci.image.manifest.v1+json');
    assert.deepEqual(await conforms(image, built), FINAL);
  });
});

test('an archive streamed from an opener reads the same', async () => {
  const built = await buildImage(SPEC);
  const bytes = await dockerArchiveBytes(built, { legacy: true });
  let opens = 0;
  const open = (): Promise<Readable> => {
    opens++;
    return Promise.resolve(Readable.from([bytes.subarray(0, 3000), bytes.subarray(3000)]));
  };
  const image = value(await readDockerArchive(open, 'docker-archive:stream', {}));
  assert.deepEqual(await conforms(image, built), FINAL);
  assert.ok(opens > 1, 'layers re-open the stream');
});

test('several images in one archive: a name or @index picks one', async () => {
  const a = await buildImage({ layers: [{ files: { a: '1' } }] });
  const b = await buildImage({ layers: [{ files: { b: '2' } }] });
  const one = JSON.parse((await extract(await dockerArchiveBytes(a, { repoTags: ['example.com/a:1'] }), 'manifest.json')).toString()) as object[];
  const two = JSON.parse((await extract(await dockerArchiveBytes(b, { repoTags: ['example.com/b:2'] }), 'manifest.json')).toString()) as object[];
  const files = new Map<string, Buffer>([
    ...[a, b].flatMap((img) => img.layerTars.map((t, i): [string, Buffer] => [`${(img.diffIds[i] as string).slice(7)}.tar`, t])),
    [`${a.configDigest.slice(7)}.json`, a.config],
    [`${b.configDigest.slice(7)}.json`, b.config],
    ['manifest.json', Buffer.from(JSON.stringify([...one, ...two]))],
  ]);
  await withArchive(await archiveTar(files), async (path) => {
    assert.equal(value(await readDockerArchive({ path }, 'x', { name: 'example.com/b:2' })).configDigest, b.configDigest);
    assert.equal(value(await readDockerArchive({ path }, 'x', { name: '@0' })).configDigest, a.configDigest);
    assert.equal(value(await readDockerArchive({ path }, 'x', { name: '1' })).configDigest, a.configDigest);
    const none = await readDockerArchive({ path }, 'x', {});
    assert.ok(!none.ok && none.error.code === 'USAGE' && /2 images \(example.com\/a:1, example.com\/b:2\)/.test(none.error.message));
    const missing = await readDockerArchive({ path }, 'x', { name: 'c:3' });
    assert.ok(!missing.ok && missing.error.code === 'NOT_FOUND');
  });
});

async function extract(tar: Buffer, name: string): Promise<Buffer> {
  const t = await tempDir();
  try {
    const path = join(t.dir, 'a.tar');
    writeFileSync(path, tar);
    const { archiveFileStore } = await import('./store.js');
    const store = value(await archiveFileStore(path, {}));
    return value(await store.readSmall(name, {}));
  } finally {
    await t.cleanup();
  }
}

test('broken archives: a missing layer member, a non-archive, a layer whose content changed', async () => {
  const built = await buildImage(SPEC);
  const files = new Map<string, Buffer>([
    [`${built.configDigest.slice(7)}.json`, built.config],
    ['manifest.json', Buffer.from(JSON.stringify([{ Config: `${built.configDigest.slice(7)}.json`, RepoTags: [], Layers: ['gone/layer.tar', 'x.tar', 'y.tar'] }]))],
  ]);
  await withArchive(await archiveTar(files), async (path) => {
    const r = await readDockerArchive({ path }, 'x', {});
    assert.ok(!r.ok && r.error.code === 'NOT_FOUND' && /layer gone\/layer.tar is missing/.test(r.error.message) && r.error.where.layer === 0);
  });
  await withArchive((await dockerArchiveBytes(built)).subarray(0, 5000), async (path) => {
    const r = await readDockerArchive({ path }, 'x', {});
    assert.ok(!r.ok && r.error.code === 'NOT_AN_IMAGE' && /truncated at byte/.test(r.error.message), r.ok ? '' : r.error.message);
  });
  await withArchive(Buffer.from('{"not":"a tar"}'.repeat(100)), async (path) => {
    const r = await readDockerArchive({ path }, 'x', {});
    assert.ok(!r.ok && r.error.code === 'NOT_AN_IMAGE', r.ok ? '' : r.error.message);
  });
  await withArchive(await dockerArchiveBytes(built), async (path) => {
    const bytes = readFileSync(path);
    const at = bytes.indexOf('b'.repeat(50));
    bytes[at] = 0x63; // one byte of app/b's body
    writeFileSync(path, bytes);
    const image = value(await readDockerArchive({ path }, 'x', {}));
    // The header-only walk seeks past bodies, so only a verifying walk can notice.
    assert.deepEqual((await imageFs(image)).layers.map((l) => l.fileCount), [2, 1, 2]);
    await assert.rejects(verifyLayers(image), (e: unknown) => e instanceof WhittleError && e.code === 'DIGEST_MISMATCH' && e.where.layer === 1);
  });
});

test('PATH[:NAME] splits where the path exists', () => {
  const exists = (p: string): boolean => ['/tmp/a.tar', '/tmp/dir'].includes(p);
  assert.deepEqual(splitArchiveRef('/tmp/a.tar', exists), { path: '/tmp/a.tar', name: null });
  assert.deepEqual(splitArchiveRef('/tmp/a.tar:app:1', exists), { path: '/tmp/a.tar', name: 'app:1' });
  assert.deepEqual(splitArchiveRef('/tmp/dir:latest', exists), { path: '/tmp/dir', name: 'latest' });
  assert.deepEqual(splitArchiveRef('/nope.tar', exists), { path: '/nope.tar', name: null });
});
