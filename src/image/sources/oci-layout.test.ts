// OCI layouts as directories and archives: manifest order, names, platforms, and every way a layout can be broken.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { WhittleError } from '../../errors.js';
import type { Result } from '../../errors.js';
import { buildImage, editImage, sha256, tempDir, writeOciArchive, writeOciLayout } from '../../../test/fixtures/synthetic.js';
import type { BuiltImage, ImageSpec } from '../../../test/fixtures/synthetic.js';
import { imageFs } from '../fs.js';
import type { Image } from '../model.js';
import { validateImage, verifyLayers } from '../validate.js';
import { blobPath, readOciArchive, readOciLayout } from './oci-layout.js';

const SPEC: ImageSpec = {
  layers: [
    { files: { 'app/': { type: 'directory' }, 'app/server.js': 'x'.repeat(300), 'tmp/build.log': 'y'.repeat(500) }, createdBy: 'COPY . /app' },
    { whiteouts: ['tmp/build.log'], compression: 'zstd', createdBy: 'RUN rm /tmp/build.log' },
    { files: { 'app/config.json': '{}' }, compression: 'none', createdBy: 'COPY config.json /app/' },
  ],
  emptyBefore: { 1: 'ENV NODE_ENV=production' },
  config: { User: 'node', Cmd: ['node', 'server.js'] },
};

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function failure(r: Result<unknown>, code: string, pattern: RegExp): WhittleError {
  assert.equal(r.ok, false, 'expected an error');
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.error.code, code, r.error.message);
  assert.match(r.error.message, pattern);
  return r.error;
}

async function withLayout(images: Parameters<typeof writeOciLayout>[1], fn: (dir: string) => Promise<void>): Promise<void> {
  const t = await tempDir();
  try {
    await writeOciLayout(t.dir, images);
    await fn(t.dir);
  } finally {
    await t.cleanup();
  }
}

async function conforms(image: Image, built: BuiltImage): Promise<void> {
  assert.deepEqual(validateImage(image), []);
  assert.ok((await verifyLayers(image)) > 0);
  assert.deepEqual(image.layers.map((l) => l.diffId), built.diffIds);
  assert.deepEqual(image.layers.map((l) => l.digest), built.layerDigests);
}

test('a layout directory and the same layout as a tar read the same image', async () => {
  const built = await buildImage(SPEC);
  await withLayout([{ image: built }], async (dir) => {
    const fromDir = value(await readOciLayout(dir, `oci:${dir}`, null, {}));
    assert.equal(fromDir.source, 'oci');
    assert.equal(fromDir.digest, built.manifestDigest);
    assert.equal(fromDir.configDigest, built.configDigest);
    assert.deepEqual(fromDir.layers.map((l) => l.createdBy), ['COPY . /app', 'RUN rm /tmp/build.log', 'COPY config.json /app/']);
    assert.deepEqual(fromDir.layers.map((l) => l.mediaType), built.layerMediaTypes);
    assert.deepEqual(fromDir.layers.map((l) => l.compressedSize), built.layerBlobs.map((b) => b.length));
    assert.equal(fromDir.config.user, 'node');
    await conforms(fromDir, built);

    const file = join(dir, '..', `${dir.split('/').pop() ?? 'x'}.tar`);
    await writeOciArchive(file, [{ image: built }]);
    try {
      const fromTar = value(await readOciArchive({ path: file }, `oci-archive:${file}`, null, {}));
      assert.equal(fromTar.source, 'oci-archive');
      await conforms(fromTar, built);
      const a = await imageFs(fromDir);
      const b = await imageFs(fromTar);
      assert.deepEqual([...a.entries()], [...b.entries()]);
      assert.deepEqual([...a.entries()].map((x) => x.path), ['app', 'app/config.json', 'app/server.js']);
      const streamed = value(await readOciArchive(() => Promise.resolve(Readable.from([readFileSync(file)])), 'oci-archive:stream', null, {}));
      await conforms(streamed, built);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

test('several named images: a name picks one; none is an error listing them', async () => {
  const a = await buildImage({ layers: [{ files: { a: 'a' } }] });
  const b = await buildImage({ layers: [{ files: { b: 'b' } }] });
  await withLayout([{ image: a, name: 'first' }, { image: b, name: 'second' }], async (dir) => {
    assert.equal(value(await readOciLayout(dir, 'oci:x', 'second', {})).digest, b.manifestDigest);
    failure(await readOciLayout(dir, 'oci:x', null, {}), 'USAGE', /several images \(first, second\)/);
    failure(await readOciLayout(dir, 'oci:x', 'third', {}), 'NOT_FOUND', /no image named "third".*first, second/);
  });
});

test('platforms: an explicit choice, an unknown one, and a lone image of another platform', async () => {
  const amd = await buildImage({ layers: [{ files: { amd: '1' } }], architecture: 'amd64' });
  const arm = await buildImage({ layers: [{ files: { arm: '1' } }], architecture: 'arm64', variant: 'v8' });
  await withLayout([{ image: amd, platform: { os: 'linux', architecture: 'amd64' } }, { image: arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }], async (dir) => {
    const picked = value(await readOciLayout(dir, 'oci:x', null, { platform: 'linux/arm64' }));
    assert.equal(picked.digest, arm.manifestDigest);
    assert.deepEqual(picked.platform, { os: 'linux', architecture: 'arm64', variant: 'v8' });
    assert.equal(value(await readOciLayout(dir, 'oci:x', null, { platform: 'linux/amd64' })).digest, amd.manifestDigest);
    failure(await readOciLayout(dir, 'oci:x', null, { platform: 'linux/s390x' }), 'PLATFORM', /no image for platform linux\/s390x; the index has: linux\/amd64, linux\/arm64\/v8/);
    failure(await readOciLayout(dir, 'oci:x', null, { platform: 'linux' }), 'USAGE', /os\/arch/);
  });
  await withLayout([{ image: arm, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } }], async (dir) => {
    assert.equal(value(await readOciLayout(dir, 'oci:x', null, {})).digest, arm.manifestDigest, 'read whatever the machine');
  });
});

test('an index inside the layout is followed to the platform\'s manifest', async () => {
  const amd = await buildImage({ layers: [{ files: { amd: '1' } }] });
  const arm = await buildImage({ layers: [{ files: { arm: '1' } }], architecture: 'arm64' });
  await withLayout([{ image: amd }, { image: arm }], async (dir) => {
    const inner = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: amd.manifestDigest, size: amd.manifest.length, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: arm.manifestDigest, size: arm.manifest.length, platform: { os: 'linux', architecture: 'arm64' } },
      ],
    }));
    writeFileSync(join(dir, blobPath(sha256(inner))), inner);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256(inner), size: inner.length, annotations: { 'org.opencontainers.image.ref.name': 'multi' } }] }));
    assert.equal(value(await readOciLayout(dir, 'oci:x', 'multi', { platform: 'linux/arm64' })).digest, arm.manifestDigest);
  });
});

test('broken layouts fail at open, naming the blob', async () => {
  const built = await buildImage(SPEC);
  const layer1 = built.layerDigests[1] as string;
  await withLayout([{ image: built }], async (dir) => {
    rmSync(join(dir, blobPath(layer1)));
    const e = failure(await readOciLayout(dir, 'oci:x', null, {}), 'NOT_FOUND', new RegExp(`layer blob ${layer1} is missing`));
    assert.equal(e.where.blob, layer1);
    assert.equal(e.where.layer, 1);
  });
  await withLayout([{ image: built }], async (dir) => {
    rmSync(join(dir, blobPath(built.configDigest)));
    failure(await readOciLayout(dir, 'oci:x', null, {}), 'NOT_FOUND', new RegExp(`blob ${built.configDigest} is missing`));
  });
  await withLayout([{ image: built }], async (dir) => {
    truncateSync(join(dir, blobPath(layer1)), 10);
    failure(await readOciLayout(dir, 'oci:x', null, {}), 'DIGEST_MISMATCH', /10 bytes, the manifest says \d+ \(truncated/);
  });
  await withLayout([{ image: built }], async (dir) => {
    writeFileSync(join(dir, blobPath(built.manifestDigest)), Buffer.from(built.manifest.toString().replace('"schemaVersion":2', '"schemaVersion":3')));
    failure(await readOciLayout(dir, 'oci:x', null, {}), 'DIGEST_MISMATCH', new RegExp(`expected ${built.manifestDigest}`));
  });
  await withLayout([], async (dir) => {
    rmSync(join(dir, 'index.json'));
    failure(await readOciLayout(dir, 'oci:x', null, {}), 'NOT_AN_IMAGE', /not an OCI layout \(no index.json\)/);
  });
});

test('a layer whose bytes were replaced is caught while it streams', async () => {
  const built = await buildImage(SPEC);
  await withLayout([{ image: built }], async (dir) => {
    const path = join(dir, blobPath(built.layerDigests[0] as string));
    const bytes = readFileSync(path);
    bytes.writeUInt8((bytes.at(-5) ?? 0) ^ 0x01, bytes.length - 5); // same size, different content
    writeFileSync(path, bytes);
    const image = value(await readOciLayout(dir, 'oci:x', null, {}));
    await assert.rejects(imageFs(image), (e: unknown) => e instanceof WhittleError && e.where.layer === 0 && /digest|corrupt/.test(e.message));
  });
});

test('unknown layer media types and a diff_ids count that disagrees are errors', async () => {
  const base = await buildImage(SPEC);
  const weird = editImage(base, { manifest: (m) => { (m.layers as { mediaType: string }[])[2]!.mediaType = 'application/vnd.example.model.weights'; } });
  await withLayout([{ image: weird }], async (dir) => {
    const e = failure(await readOciLayout(dir, 'oci:x', null, {}), 'MALFORMED_IMAGE', /unknown media type "application\/vnd.example.model.weights"/);
    assert.equal(e.where.layer, 2);
  });
  const extra = editImage(base, { config: (c) => { (c.rootfs as { diff_ids: string[] }).diff_ids.push(sha256(Buffer.from('x'))); } });
  await withLayout([{ image: extra }], async (dir) => {
    failure(await readOciLayout(dir, 'oci:x', null, {}), 'MALFORMED_IMAGE', /lists 3 layers but the config has 4 rootfs.diff_ids/);
  });
});

test('a foreign layer is listed, never fetched, and walks as empty', async () => {
  const base = await buildImage({ layers: [{ files: { 'Windows/System32/x.dll': 'base' } }, { files: { app: 'app' } }] });
  const foreign = editImage(base, {
    manifest: (m) => {
      const l = (m.layers as Record<string, unknown>[])[0] as Record<string, unknown>;
      l.mediaType = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';
      l.urls = ['https://example.invalid/base.tar.gz'];
    },
  });
  await withLayout([{ image: foreign }], async (dir) => {
    rmSync(join(dir, blobPath(base.layerDigests[0] as string))); // foreign blobs are not shipped
    const image = value(await readOciLayout(dir, 'oci:x', null, {}));
    assert.deepEqual(image.layers.map((l) => l.foreign), [true, false]);
    assert.deepEqual(validateImage(image), []);
    const fs = await imageFs(image);
    assert.deepEqual(fs.layers.map((l) => l.fileCount), [0, 1]);
  });
});
