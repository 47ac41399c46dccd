// One image built by buildah and exported by buildah, skopeo and podman eight ways: whittle reads every export the same.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir } from '../fixtures/synthetic.js';
import { imageFs } from '../../src/image/fs.js';
import type { MergedFs } from '../../src/image/fs.js';
import type { Image } from '../../src/image/model.js';
import { openImage } from '../../src/image/sources/index.js';
import { validateImage, verifyLayers } from '../../src/image/validate.js';

interface Expected {
  layers: { sizeBytes: number; fileCount: number; createdBy: string }[];
  files: string[];
  deletedInLayer3: string[];
  config: {
    user: string; envNames: string[]; entrypoint: string[]; cmd: string[]; exposedPorts: string[]; workingDir: string;
    labels: Record<string, string>; dockerHealthcheck: { test: string[]; interval: number };
  };
}

const FIXTURE = new URL('../fixtures/real/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')) as Expected;

function installed(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = ['buildah', 'skopeo', 'podman', 'umoci'].filter((t) => !installed(t));
// In CI the real tools are part of the test: their absence is a failure, never a quiet skip.
const skip = missing.length > 0 && process.env.CI !== 'true' ? `not installed: ${missing.join(', ')} (CI installs them)` : false;

let out = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
const EXPORTS = ['docker.tar', 'skopeo-docker.tar', 'podman.tar', 'oci:oci-gzip:fixture', 'oci:oci-zstd', 'oci:oci-zstd-chunked', 'oci.tar', 'podman-oci.tar'];
const opened = new Map<string, { image: Image; fs: MergedFs }>();

before(async () => {
  if (skip !== false) return;
  assert.deepEqual(missing, [], 'buildah, skopeo, podman and umoci must be installed (apt-get install buildah skopeo podman umoci)');
  const t = await tempDir('whittle-real-');
  out = t.dir;
  cleanup = t.cleanup;
  execFileSync(join(FIXTURE, 'build.sh'), [out], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
  for (const ref of EXPORTS) {
    const r = await openImage(ref, { cwd: out });
    assert.ok(r.ok, `${ref}: ${r.ok ? '' : r.error.message}`);
    opened.set(ref, { image: r.value, fs: await imageFs(r.value) });
  }
});

after(() => cleanup());

function get(ref: string): { image: Image; fs: MergedFs } {
  const x = opened.get(ref);
  assert.ok(x, `${ref} was opened`);
  return x;
}

test('every export conforms and verifies: digests, diff IDs, history', { skip }, async () => {
  for (const ref of EXPORTS) {
    const { image } = get(ref);
    assert.deepEqual(validateImage(image), [], ref);
    assert.ok((await verifyLayers(image)) > 0, ref);
  }
});

test('every export has the same diff IDs, files and per-layer figures, as expected.json says', { skip }, () => {
  const diffIds = get('oci:oci-gzip:fixture').image.layers.map((l) => l.diffId);
  for (const ref of EXPORTS) {
    const { image, fs } = get(ref);
    assert.deepEqual(image.layers.map((l) => l.diffId), diffIds, ref);
    assert.deepEqual(fs.layers.map((l) => ({ sizeBytes: l.sizeBytes, fileCount: l.fileCount })), expected.layers.map(({ sizeBytes, fileCount }) => ({ sizeBytes, fileCount })), ref);
    image.layers.forEach((l, i) => assert.ok(l.createdBy?.includes(expected.layers[i]?.createdBy ?? '?'), `${ref} layer ${i}: ${l.createdBy}`));
    assert.deepEqual([...fs.entries()].map((e) => `${e.path}:${e.type}:${fs.contentSize(e)}`), expected.files, ref);
    const deleted = [...fs.histories()].flatMap((h) => h.events.filter((e) => e.change === 'deleted' && e.layer === 3).map((e) => `${h.path}:${e.size}`));
    assert.deepEqual(deleted, expected.deletedInLayer3, ref);
  }
});

test('what the tools say agrees: skopeo\'s config diff IDs, zstd manifest digests and media types', { skip }, () => {
  const config = JSON.parse(readFileSync(join(out, 'skopeo-config.json'), 'utf8')) as { rootfs: { diff_ids: string[] } };
  assert.deepEqual(get('oci:oci-gzip:fixture').image.layers.map((l) => l.diffId), config.rootfs.diff_ids);
  const manifest = JSON.parse(readFileSync(join(out, 'skopeo-zstd-manifest.json'), 'utf8')) as { layers: { digest: string; mediaType: string; size: number }[] };
  const zstd = get('oci:oci-zstd').image;
  assert.deepEqual(zstd.layers.map((l) => [l.digest, l.mediaType, l.compressedSize]), manifest.layers.map((l) => [l.digest, l.mediaType, l.size]));
  assert.ok(zstd.layers.every((l) => l.mediaType.endsWith('+zstd')));
  assert.ok(get('oci:oci-gzip:fixture').image.layers.every((l) => l.mediaType.endsWith('+gzip')));
  // zstd:chunked: the same media type, with a table of contents in skippable frames the manifest points at.
  const chunked = JSON.parse(readFileSync(join(out, 'skopeo-zstd-chunked-manifest.json'), 'utf8')) as { layers: { digest: string; annotations?: Record<string, string> }[] };
  assert.ok(chunked.layers.every((l) => Object.keys(l.annotations ?? {}).some((k) => k.includes('zstd-chunked'))), 'buildah wrote zstd:chunked layers');
  assert.deepEqual(get('oci:oci-zstd-chunked').image.layers.map((l) => l.digest), chunked.layers.map((l) => l.digest));
});

test('the config reads the same from every export; Docker-format archives keep the healthcheck', { skip }, () => {
  for (const ref of EXPORTS) {
    const c = get(ref).image.config;
    assert.equal(c.user, expected.config.user, ref);
    assert.deepEqual(c.env.map((e) => e.split('=')[0]), expected.config.envNames, ref);
    assert.deepEqual(c.entrypoint, expected.config.entrypoint, ref);
    assert.deepEqual(c.cmd, expected.config.cmd, ref);
    assert.deepEqual(c.exposedPorts, expected.config.exposedPorts, ref);
    assert.equal(c.workingDir, expected.config.workingDir, ref);
    for (const [k, v] of Object.entries(expected.config.labels)) assert.equal(c.labels[k], v, `${ref} label ${k}`);
    assert.deepEqual(get(ref).image.platform, { os: 'linux', architecture: c.architecture }, ref);
  }
  const hc = get('docker.tar').image.config.healthcheck;
  assert.deepEqual(hc?.test, expected.config.dockerHealthcheck.test);
  assert.equal(hc?.interval, expected.config.dockerHealthcheck.interval);
});

test('umoci\'s repacked layer: its whiteouts delete files of the lower layers', { skip }, async () => {
  const r = await openImage('oci:oci-umoci:umoci', { cwd: out });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual(validateImage(r.value), []);
  assert.ok((await verifyLayers(r.value)) > 0);
  const fs = await imageFs(r.value);
  assert.equal(r.value.layers.length, 5);
  assert.equal(r.value.layers[4]?.createdBy, 'umoci repack');
  assert.deepEqual(fs.layers[4]?.deletedCount, 4);
  assert.deepEqual([...fs.entries()].filter((e) => e.type !== 'directory').map((e) => e.path), ['app/bin/health', 'app/bin/server', 'app/conf/new.conf']);
  assert.deepEqual(fs.history('app/conf/app.conf').map((h) => `${h.layer}:${h.change}`), ['0:added', '4:deleted']);
});
