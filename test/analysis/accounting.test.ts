// diveCompat and reclaimable on dive's reference image (to the last digit) and on synthetic images, one quirk each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyzeImage } from '../../src/analysis/run.js';
import type { AnalysisResult } from '../../src/analysis/run.js';
import { openImage } from '../../src/image/sources/index.js';
import { buildImage, editImage, rawEntry, rawTar, tempDir, writeDockerArchive, writeOciLayout } from '../fixtures/synthetic.js';
import type { BuiltImage, ImageSpec } from '../fixtures/synthetic.js';

const DIVE = new URL('../../../shared/fixtures/dive/', import.meta.url).pathname;

const dirs: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of dirs) await c();
});

async function analyzeBuilt(image: BuiltImage, hashes = true): Promise<AnalysisResult> {
  const t = await tempDir('whittle-acct-');
  dirs.push(t.cleanup);
  const file = await writeDockerArchive(join(t.dir, 'image.tar'), image);
  const r = await openImage(file);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return analyzeImage(r.value, { analyzers: [], hashes });
}

async function analyzeSpec(spec: ImageSpec): Promise<AnalysisResult> {
  return analyzeBuilt(await buildImage(spec));
}

const A = (n: number, ch = 'a'): string => ch.repeat(n);

test("dive's reference image gives dive's figures and the spec's reclaimable, digit for digit", async () => {
  const expected = JSON.parse(readFileSync(join(DIVE, 'expected.json'), 'utf8')) as {
    dive: Record<string, unknown> & { layers: { index: number; sizeBytes: number; nodeCount: number; command: string; diffId: string }[] };
    reclaimable: unknown;
  };
  const r = await openImage(join(DIVE, 'test-docker-image.tar'));
  assert.ok(r.ok);
  const a = await analyzeImage(r.value, { analyzers: [] });
  const d = a.dive;
  for (const k of ['fileCount', 'sizeBytes', 'userSizeBytes', 'efficiency', 'scoredMinBytes', 'scoredTotalBytes', 'wastedBytes', 'userWastedPercent', 'inefficientFiles', 'abortedLayers'] as const) {
    assert.deepEqual(d[k], expected.dive[k], k);
  }
  assert.equal(a.layers.length, expected.dive.layerCount);
  for (const l of expected.dive.layers) {
    assert.equal(a.layers[l.index]?.sizeBytes, l.sizeBytes, `layer ${l.index} size`);
    assert.equal(a.layers[l.index]?.createdBy, l.command, `layer ${l.index} command`);
    assert.equal(a.layers[l.index]?.diffId, l.diffId);
  }
  assert.deepEqual(a.reclaimable, expected.reclaimable);
});

test('a file deleted later: dive counts its bytes once as waste, reclaimable names it deleted', async () => {
  const a = await analyzeSpec({ layers: [{ files: { 'a.txt': A(100), 'b.txt': A(50, 'b') } }, { whiteouts: ['a.txt'] }] });
  assert.deepEqual({ ...a.dive, inefficientFiles: [...a.dive.inefficientFiles] }, {
    sizeBytes: 150, userSizeBytes: 0, fileCount: 3, efficiency: 50 / 150, wastedBytes: 100, userWastedPercent: null,
    inefficientFiles: [{ path: '/a.txt', count: 2, bytes: 100 }], scoredMinBytes: 50, scoredTotalBytes: 150, abortedLayers: [],
  });
  assert.deepEqual(a.reclaimable, {
    layerContentBytes: 150, finalVisibleBytes: 50, bytes: 100, byLayer: [{ index: 0, bytes: 100 }],
    files: [{ path: '/a.txt', layer: 0, bytes: 100, reason: 'deleted' }], metadataOnlyBytes: 0, duplicates: [], duplicateBytes: 0,
  });
});

test('a chmod re-add: dive counts both copies (percent above 1), reclaimable calls the old one metadata-only', async () => {
  const a = await analyzeSpec({ layers: [{ files: { x: A(200, 'x') } }, { files: { x: { content: A(200, 'x'), mode: 0o755 } } }, { files: { y: A(10, 'y') } }] });
  assert.equal(a.dive.wastedBytes, 400);
  assert.equal(a.dive.efficiency, 210 / 410);
  assert.equal(a.dive.userWastedPercent, 400 / 210);
  assert.equal(a.reclaimable.bytes, 200);
  assert.equal(a.reclaimable.metadataOnlyBytes, 200);
  assert.deepEqual(a.reclaimable.files, [{ path: '/x', layer: 0, bytes: 200, reason: 'metadata-only' }]);
  const blind = await analyzeBuilt(await buildImage({ layers: [{ files: { x: A(200, 'x') } }, { files: { x: { content: A(200, 'x'), mode: 0o755 } } }] }), false);
  assert.equal(blind.reclaimable.metadataOnlyBytes, null);
  assert.equal(blind.reclaimable.duplicates, null);
  assert.equal(blind.reclaimable.files[0]?.reason, 'overwritten');
});

test('a smaller overwrite: dive wastes S+T, reclaimable only S', async () => {
  const a = await analyzeSpec({ layers: [{ files: { f: A(300) } }, { files: { f: A(100, 'b') } }] });
  assert.equal(a.dive.wastedBytes, 400);
  assert.equal(a.dive.efficiency, 0.25);
  assert.equal(a.dive.userWastedPercent, 4);
  assert.deepEqual(a.reclaimable.files, [{ path: '/f', layer: 0, bytes: 300, reason: 'overwritten' }]);
});

test('three copies of a path: dive 3S in one hit, reclaimable 2S', async () => {
  const a = await analyzeSpec({ layers: [{ files: { f: A(50) } }, { files: { f: A(50) } }, { files: { f: A(50) } }] });
  assert.deepEqual(a.dive.inefficientFiles, [{ path: '/f', count: 3, bytes: 150 }]);
  assert.equal(a.dive.efficiency, 50 / 150);
  assert.equal(a.dive.userWastedPercent, 1.5);
  assert.equal(a.reclaimable.bytes, 100);
  assert.deepEqual(a.reclaimable.files.map((f) => [f.layer, f.reason]), [[0, 'metadata-only'], [1, 'metadata-only']]);
});

test('a deleted directory: dive sees no waste and scores its subtree, reclaimable counts every file below it', async () => {
  const a = await analyzeSpec({ layers: [{ files: { 'd/': { type: 'directory' }, 'd/a': A(100), 'd/b': A(20, 'b'), keep: A(5, 'k') } }, { whiteouts: ['d'] }] });
  assert.equal(a.dive.wastedBytes, 0);
  assert.equal(a.dive.scoredTotalBytes, 245);
  assert.equal(a.dive.efficiency, 1);
  assert.equal(a.dive.userWastedPercent, null);
  assert.equal(a.dive.fileCount, 5);
  assert.deepEqual(a.reclaimable.files, [
    { path: '/d/a', layer: 0, bytes: 100, reason: 'deleted' },
    { path: '/d/b', layer: 0, bytes: 20, reason: 'deleted' },
  ]);
});

test('an opaque directory: dive ignores it, reclaimable counts what it hides', async () => {
  const a = await analyzeSpec({ layers: [{ files: { 'd/': { type: 'directory' }, 'd/a': A(100) } }, { files: { 'd/': { type: 'directory' }, 'd/n': A(7, 'n') }, opaque: ['d'] }] });
  assert.equal(a.dive.wastedBytes, 0);
  assert.equal(a.dive.efficiency, 1);
  assert.equal(a.dive.userWastedPercent, 0);
  assert.equal(a.dive.fileCount, 4);
  assert.deepEqual(a.reclaimable.files, [{ path: '/d/a', layer: 0, bytes: 100, reason: 'opaque' }]);
});

test('hardlinks and symlinks are 0-byte leaves to dive; a hardlink shares content, duplicates group by hash', async () => {
  const a = await analyzeSpec({ layers: [
    { files: { 'bin/tool': A(1000, 'T'), 'bin/alias': { type: 'link', linkname: 'bin/tool' }, 'bin/sym': { type: 'symlink', linkname: 'tool' } } },
    { files: { 'bin/copy': A(1000, 'T') } },
  ] });
  assert.equal(a.dive.fileCount, 6);
  assert.equal(a.dive.wastedBytes, 0);
  assert.equal(a.dive.scoredTotalBytes, 2000);
  assert.equal(a.reclaimable.bytes, 0);
  assert.equal(a.reclaimable.finalVisibleBytes, 2000);
  assert.equal(a.reclaimable.duplicates?.length, 1);
  assert.deepEqual({ ...a.reclaimable.duplicates?.[0], sha256: undefined }, { sha256: undefined, bytes: 1000, copies: 2, paths: ['/bin/alias', '/bin/copy', '/bin/tool'], extraBytes: 1000 });
  assert.equal(a.reclaimable.duplicateBytes, 1000);
});

test('a whiteout of a path that never existed stops dive scoring the rest of that layer (Σmin − 1)', async () => {
  const a = await analyzeSpec({ layers: [{ files: { a: A(10) } }, { files: { z: A(30, 'z') }, whiteouts: ['m'] }, { files: { z: A(30, 'z') } }] });
  assert.deepEqual(a.dive.abortedLayers, [{ index: 1, path: '/m' }]);
  assert.equal(a.dive.scoredMinBytes, 39);
  assert.equal(a.dive.scoredTotalBytes, 40);
  assert.equal(a.dive.efficiency, 39 / 40);
  // The layer-1 z went unscored, so layer 2's is its first observation: no waste.
  assert.equal(a.dive.wastedBytes, 0);
  assert.equal(a.dive.userWastedPercent, 0);
  assert.deepEqual(a.reclaimable.files, [{ path: '/z', layer: 1, bytes: 30, reason: 'metadata-only' }]);
});

test('a whiteout and a re-created entry in one layer: two observations of one path; the old directory is deleted', async () => {
  const a = await analyzeSpec({ layers: [{ files: { 'p/': { type: 'directory' }, 'p/in': A(40, 'i') } }, { files: { p: A(8, 'P') }, whiteouts: ['p'] }] });
  assert.deepEqual(a.dive.inefficientFiles, [{ path: '/p', count: 2, bytes: 48 }]);
  assert.equal(a.dive.efficiency, 48 / 88);
  assert.equal(a.dive.userWastedPercent, 6);
  assert.deepEqual(a.reclaimable.files, [{ path: '/p/in', layer: 0, bytes: 40, reason: 'deleted' }]);
  assert.equal(a.fs.get('p')?.type, 'file');
});

test('an empty directory re-added is a 0-byte hit; an empty layer beside an empty_layer history entry keeps commands aligned', async () => {
  const a = await analyzeSpec({ layers: [{ files: { 'e/': { type: 'directory' }, f: A(3) }, createdBy: '/bin/sh -c make' }, { files: { 'e/': { type: 'directory', mode: 0o700 } }, createdBy: 'chmod' }, { createdBy: '/bin/sh -c true' }], emptyBefore: { 2: 'ENV X=1' } });
  assert.deepEqual(a.dive.inefficientFiles, [{ path: '/e', count: 2, bytes: 0 }]);
  assert.equal(a.dive.wastedBytes, 0);
  assert.equal(a.dive.userWastedPercent, null);
  assert.deepEqual(a.layers.map((l) => l.createdBy), ['make', 'chmod', 'true']);
  assert.equal(a.dive.fileCount, 3);
});

test('one path twice in a tar: both count toward the layer size, one node, the first body overwritten', async () => {
  const tar = rawTar(rawEntry({ name: 'dup' }, 'aaaa'), rawEntry({ name: 'dup' }, 'bb'));
  const a = await analyzeSpec({ layers: [{ raw: tar }] });
  assert.equal(a.dive.sizeBytes, 6);
  assert.equal(a.dive.fileCount, 1);
  assert.equal(a.dive.scoredTotalBytes, 2);
  assert.deepEqual(a.reclaimable.files, [{ path: '/dup', layer: 0, bytes: 4, reason: 'overwritten' }]);
});

test('no parent-directory entries: implicit parents are not directories, so whiting one out scores 0', async () => {
  const a = await analyzeSpec({ layers: [{ files: { 'a/b/c': A(9) } }, { whiteouts: ['a/b'] }] });
  assert.equal(a.dive.fileCount, 5);
  assert.equal(a.dive.scoredTotalBytes, 9);
  assert.equal(a.dive.efficiency, 1);
  assert.equal(a.reclaimable.bytes, 9);
  assert.equal(a.reclaimable.files[0]?.reason, 'deleted');
});

test('a single layer: efficiency 1, percent null (0/0); no history: commands are null', async () => {
  const built = editImage(await buildImage({ layers: [{ files: { a: A(5) } }] }), { config: (c) => { delete c.history; } });
  const a = await analyzeBuilt(built);
  assert.equal(a.dive.efficiency, 1);
  assert.equal(a.dive.userWastedPercent, null);
  assert.equal(a.dive.wastedBytes, 0);
  assert.equal(a.layers[0]?.createdBy, null);
});

test('over 12 equal hits: the order is Go sort.Sort reversed (the port leaves an all-equal list as is)', async () => {
  const names = Array.from({ length: 14 }, (_, i) => `f${String(i).padStart(2, '0')}`);
  const files = Object.fromEntries(names.map((n) => [n, A(10)]));
  const a = await analyzeSpec({ layers: [{ files }, { files }] });
  assert.deepEqual(a.dive.inefficientFiles.map((f) => f.path), names.map((n) => `/${n}`).reverse());
  assert.ok(a.dive.inefficientFiles.every((f) => f.count === 2 && f.bytes === 20));
});

test('a docker-archive and an OCI layout of one image give identical figures', async () => {
  const built = await buildImage({ layers: [{ files: { a: A(100), b: A(10, 'b') } }, { whiteouts: ['a'], files: { c: { content: A(10, 'b'), mode: 0o700 } } }] });
  const t = await tempDir('whittle-acct-');
  dirs.push(t.cleanup);
  const layout = await writeOciLayout(join(t.dir, 'layout'), [{ image: built }]);
  const r = await openImage(`oci:${layout}`);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const oci = await analyzeImage(r.value, { analyzers: [] });
  const docker = await analyzeBuilt(built);
  assert.deepEqual(oci.dive, docker.dive);
  assert.deepEqual(oci.reclaimable, docker.reclaimable);
  assert.equal(docker.reclaimable.duplicateBytes, 10);
});
