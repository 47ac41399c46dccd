// Shared helpers: layer descriptions that never carry a secret, path forms, the layer tally, base filling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LayerView } from '../analyzer.js';
import { describeLayer, hideSecrets, LayerTally, rel } from './common.js';

const view = (createdBy: string | null, dockerfileLine: number | null = null): LayerView => ({ index: 0, diffId: '', digest: '', createdBy, sizeBytes: 0, fileCount: 0, fromBase: null, dockerfileLine });

test('describeLayer: the command as written, shortened, with its Dockerfile line; secrets replaced by fingerprints', () => {
  assert.equal(describeLayer([view('RUN /bin/sh -c apt-get update # buildkit', 3)], 0), 'layer 0 (apt-get update, Dockerfile line 3)');
  assert.equal(describeLayer([view('/bin/sh -c #(nop) COPY file:abc in /app ')], 0), 'layer 0 (COPY file:abc in /app)');
  assert.equal(describeLayer([view(null)], 0), 'layer 0');
  assert.equal(describeLayer([], 4), 'layer 4');
  const long = describeLayer([view(`curl ${'x'.repeat(100)}`)], 0);
  assert.ok(long.endsWith('...)') && long.length < 80, long);
  const token = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
  const shown = describeLayer([view(`git clone https://${token}@github.com/x/y`)], 0);
  assert.ok(!shown.includes(token.slice(4, 12)), shown);
  assert.match(hideSecrets(`TOKEN=${token}`), /^TOKEN=<github-token sha256:[0-9a-f]{8}>$/);
});

test('rel: the merged view\'s form of a rooted path', () => {
  assert.deepEqual(['/etc/passwd', '//etc/passwd', 'etc/passwd', '/'].map(rel), ['etc/passwd', 'etc/passwd', 'etc/passwd', '']);
});

test('LayerTally: bytes and files summed; the top layer holds the most bytes, the later of equals', () => {
  const t = new LayerTally();
  t.add(1, 10);
  t.add(2, 30);
  t.add(3, 30);
  t.add(1, 5);
  assert.deepEqual([t.bytes, t.files, t.topLayer(), t.layerCount()], [75, 4, 3, 3]);
  assert.equal(new LayerTally().topLayer(), null);
});
