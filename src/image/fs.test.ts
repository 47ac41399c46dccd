// Overlay semantics of the merged view, the history of each path, and the per-layer figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildImage, tempDir, writeOciLayout } from '../../test/fixtures/synthetic.js';
import { imageFs, mergeLayers } from './fs.js';
import type { EntryType, TarEntry } from './model.js';
import { readOciLayout } from './sources/oci-layout.js';

function e(path: string, size = 0, type: EntryType = size > 0 || !path.endsWith('/') ? 'file' : 'directory', linkname: string | null = null): TarEntry {
  return { path: path.replace(/\/$/, ''), type, size, mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname, pax: {}, body: null };
}
const dir = (p: string): TarEntry => e(p, 0, 'directory');

test('a whiteout removes a lower file, or a lower directory with everything under it', async () => {
  const fs = await mergeLayers([
    [dir('app'), e('app/a', 10), dir('app/cache'), e('app/cache/x', 100), e('app/cache/y', 200)],
    [dir('app'), e('app/.wh.a'), e('app/.wh.cache'), e('.wh.nothing-here')],
  ]);
  assert.deepEqual([...fs.entries()].map((x) => x.path), ['app']);
  assert.deepEqual(fs.history('app/cache/y'), [{ layer: 0, change: 'added', type: 'file', size: 200 }, { layer: 1, change: 'deleted', type: 'file', size: 200 }]);
  assert.deepEqual(fs.history('app/a').map((h) => h.change), ['added', 'deleted']);
  assert.equal(fs.layers[1]?.deletedCount, 4);
  assert.equal(fs.get('app/a'), null);
});

test('an opaque directory hides lower contents but keeps its own layer\'s, whatever the tar order', async () => {
  const fs = await mergeLayers([
    [dir('etc'), e('etc/old.conf', 5), dir('etc/sub'), e('etc/sub/deep', 7), e('keep', 1)],
    [e('etc/new.conf', 3), e('etc/.wh..wh..opq'), e('etc/later.conf', 4)],
  ]);
  assert.deepEqual([...fs.entries()].map((x) => x.path), ['etc', 'etc/later.conf', 'etc/new.conf', 'keep']);
  assert.equal(fs.get('etc')?.layer, 0, 'the opaque directory itself stays');
  assert.deepEqual(fs.history('etc/sub/deep').map((h) => `${h.layer}:${h.change}`), ['0:added', '1:deleted']);
});

test('whiteouts apply to lower layers only', async () => {
  const fs = await mergeLayers([[e('a', 1)], [e('b', 2), e('.wh.b'), e('.wh.a')]]);
  assert.deepEqual([...fs.entries()].map((x) => x.path), ['b']);
});

test('a later layer replaces a file, touches a directory\'s metadata, or turns a directory into a file', async () => {
  const fs = await mergeLayers([
    [dir('d'), e('d/f', 10), e('x', 50)],
    [{ ...dir('d'), mode: 0o700 }, e('x', 60)],
    [e('d', 3)],
  ]);
  assert.deepEqual(fs.history('x').map((h) => `${h.layer}:${h.change}:${h.size}`), ['0:added:50', '1:replaced:60']);
  assert.deepEqual(fs.history('d').map((h) => `${h.layer}:${h.change}:${h.type}`), ['0:added:directory', '1:modified:directory', '2:replaced:file']);
  assert.deepEqual(fs.history('d/f').map((h) => `${h.layer}:${h.change}`), ['0:added', '2:deleted']);
  assert.equal(fs.get('d')?.type, 'file');
  assert.equal(fs.get('x')?.size, 60);
  assert.equal(fs.lastLayerTouching('d'), 2);
});

test('hardlinks share their target\'s content', async () => {
  const fs = await mergeLayers([[e('bin/busybox', 800), e('bin/sh', 0, 'hardlink', 'bin/busybox')]]);
  const sh = fs.get('bin/sh');
  assert.ok(sh);
  assert.equal(sh.size, 0);
  assert.equal(fs.contentSize(sh), 800);
  assert.equal(fs.bytesUnder('bin'), 800);
});

test('per-layer figures: header sizes of every entry, files without directories or whiteout markers', async () => {
  const fs = await mergeLayers([
    [dir('app'), e('app/a', 10), e('app/b', 20), e('app/l', 0, 'symlink', 'a')],
    [e('app/.wh.a'), e('app/c', 5)],
  ]);
  assert.deepEqual(fs.layers.map((l) => [l.index, l.sizeBytes, l.fileCount, l.entryCount, l.deletedCount]), [[0, 30, 3, 4, 0], [1, 5, 1, 2, 1]]);
  assert.equal(fs.pathCount, 4);
  assert.equal(fs.bytesUnder('app'), 25);
  assert.equal(fs.bytesUnder('nowhere'), 0);
  assert.equal(fs.lastLayerTouching('nowhere'), null);
  assert.deepEqual([...fs.histories()].map((h) => h.path), ['app', 'app/a', 'app/b', 'app/c', 'app/l']);
});

test('an image merges the same whether its layers are read one at a time or several', async () => {
  const t = await tempDir();
  try {
    const img = await buildImage({
      layers: [
        { files: { 'a/1': 'one', 'a/2': 'two', 'b/3': 'three' } },
        { files: { 'a/4': 'four' }, opaque: ['b'], compression: 'zstd' },
        { whiteouts: ['a/1'], compression: 'none' },
      ],
    });
    await writeOciLayout(t.dir, [{ image: img }]);
    const image = await readOciLayout(t.dir, 'oci:test', null, {});
    assert.ok(image.ok);
    const one = await imageFs(image.value, { concurrency: 1 });
    const three = await imageFs(image.value, { concurrency: 3 });
    assert.deepEqual([...one.entries()], [...three.entries()]);
    assert.deepEqual(one.layers, three.layers);
    assert.deepEqual([...one.entries()].filter((x) => x.type === 'file').map((x) => x.path), ['a/2', 'a/4']);
  } finally {
    await t.cleanup();
  }
});

test('symlinked parents are followed inside the root, as extraction would; loops stop', async () => {
  const link = (p: string, target: string): TarEntry => e(p, 0, 'symlink', target);
  const fs = await mergeLayers([
    [dir('etc'), e('etc/passwd', 10), link('cfg', '/etc'), dir('a'), link('a/evil', '../../../../etc'), link('l1', 'l2'), link('l2', 'l1')],
    [e('cfg/app.conf', 5), e('a/evil/x', 1), e('cfg/.wh.passwd'), e('l1/y', 2)],
  ]);
  const paths = [...fs.entries()].map((x) => x.path);
  assert.ok(paths.includes('etc/app.conf'), paths.join(' '));
  assert.ok(paths.includes('etc/x'), 'a link climbing with .. stays inside the root');
  assert.ok(!paths.includes('cfg/app.conf'));
  assert.equal(fs.get('etc/passwd'), null, 'a whiteout under a link deletes the target');
  assert.equal(fs.get('cfg')?.type, 'symlink', 'the link itself is not followed by get');
  assert.ok(paths.some((p) => p.endsWith('/y')), 'a symlink loop ends, the entry is kept');
});
