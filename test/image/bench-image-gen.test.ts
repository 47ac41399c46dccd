// bench/image's generator at a tiny scale: both images it writes open, conform, verify, and hold what it says.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { benchSpec, generateImage } from '../../bench/image-gen.js';
import { imageFs } from '../../src/image/fs.js';
import { openImage } from '../../src/image/sources/index.js';
import { validateImage, verifyLayers } from '../../src/image/validate.js';
import { tempDir } from '../fixtures/synthetic.js';

test('the bench image generator writes a docker-archive and a gzip OCI layout of the same verified layers', async () => {
  const t = await tempDir();
  try {
    const spec = benchSpec(0.002);
    const gen = await generateImage(t.dir, spec);
    assert.equal(gen.files, spec.layers * spec.filesPerLayer);
    const archive = await openImage(`docker-archive:${gen.dockerArchive}`);
    const layout = await openImage(`oci:${join(t.dir, 'oci')}`);
    assert.ok(archive.ok, archive.ok ? '' : archive.error.message);
    assert.ok(layout.ok, layout.ok ? '' : layout.error.message);
    for (const image of [archive.value, layout.value]) {
      assert.deepEqual(validateImage(image), []);
      assert.equal(image.layers.length, spec.layers);
      assert.deepEqual(image.layers.map((l) => l.diffId), gen.layers.map((l) => l.diffId));
      assert.equal(await verifyLayers(image), gen.files + gen.dirs);
      const fs = await imageFs(image);
      assert.equal(fs.layers.reduce((n, l) => n + l.fileCount, 0), gen.files);
      assert.equal(fs.get('l0/big0.bin')?.size, spec.largeBytes);
    }
    assert.deepEqual(layout.value.layers.map((l) => l.digest), gen.layers.map((l) => l.blobDigest));
    assert.equal(layout.value.layers[0]?.mediaType, 'application/vnd.oci.image.layer.v1.tar+gzip');
  } finally {
    await t.cleanup();
  }
});
