// Files deleted by a later layer: bytes still shipped, both instructions named, the base's own clean-ups left alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { removedLater } from './removed-later.js';
import { analyze } from './testing.js';

test('RUN rm of an earlier layer\'s files saves nothing: bytes and both layers named, located at the deleting line', async () => {
  const r = await analyze(removedLater, {
    layers: [
      { files: { 'etc/os-release': 'debian' }, fromBase: true, createdBy: 'ADD rootfs.tar /' },
      { files: { 'var/lib/apt/lists/a_Packages': { size: 9000 }, 'var/lib/apt/lists/b_Packages': { size: 1000 }, 'usr/bin/curl': { size: 50 } }, createdBy: '/bin/sh -c apt-get update && apt-get install -y curl', fromBase: false, line: 3 },
      { whiteouts: ['var/lib/apt/lists'], createdBy: '/bin/sh -c rm -rf /var/lib/apt/lists/*', fromBase: false, line: 4 },
    ],
  });
  assert.equal(r.findings.length, 1);
  const f = r.findings[0];
  assert.equal(f?.bytes, 10_000);
  assert.equal(f?.location.layer, 2);
  assert.equal(f?.location.path, '/var/lib/apt/lists');
  assert.match(f?.message ?? '', /^2 files under \/var\/lib\/apt\/lists added by layer 1 \(apt-get update && apt-get install -y curl, Dockerfile line 3\) are deleted by layer 2 \(rm -rf \/var\/lib\/apt\/lists\/\*, Dockerfile line 4\)/);
  assert.equal(r.figures?.['WH620.bytes'], 10_000);
});

test('one finding per (adding, deleting) pair; files deleted in their own layer, empty files and re-adds do not count', async () => {
  const r = await analyze(removedLater, {
    layers: [
      { files: { 'a/big': { size: 100 }, 'a/empty': '', 'b/x': { size: 7 } } },
      { files: { 'c/tmp': { size: 5 } }, whiteouts: ['c/tmp'] },
      { whiteouts: ['a/big', 'a/empty'], files: { 'b/x': { size: 8 } } },
      { whiteouts: ['b/x'] },
    ],
  });
  assert.deepEqual(r.findings.map((f) => [f.location.layer, f.bytes, f.location.path]), [[2, 100, '/a'], [3, 8, '/b']]);
});

test('the base deleting its own files is not reported; the user deleting the base\'s is', async () => {
  const r = await analyze(removedLater, {
    layers: [
      { files: { 'x/1': { size: 10 }, 'y/2': { size: 20 } }, fromBase: true },
      { whiteouts: ['x/1'], fromBase: true },
      { whiteouts: ['y/2'], fromBase: false },
    ],
  });
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]?.bytes, 20);
  assert.match(r.findings[0]?.message ?? '', /the base image's layer 0.*a base image without them/);
});
