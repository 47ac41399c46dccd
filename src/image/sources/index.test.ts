// Which source an IMAGE argument reaches: prefixes, bare paths sniffed by content, bare names as registry refs.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { archiveTar, buildImage, dockerArchiveBytes, tempDir, writeOciArchive, writeOciLayout } from '../../../test/fixtures/synthetic.js';
import { validateImage } from '../validate.js';
import { imageSources, openImage } from './index.js';

test('prefixes and sniffed paths reach the right source, whatever the file is called', async () => {
  const t = await tempDir();
  try {
    const built = await buildImage({ layers: [{ files: { a: 'a' } }, { files: { b: 'b' } }] });
    const layout = await writeOciLayout(join(t.dir, 'layout'), [{ image: built, name: 'v1' }]);
    const ociTar = await writeOciArchive(join(t.dir, 'looks-like.docker.tar'), [{ image: built, name: 'v1' }]);
    const docker = join(t.dir, 'image.zip');
    writeFileSync(docker, await dockerArchiveBytes(built));
    const gz = join(t.dir, 'saved');
    writeFileSync(gz, gzipSync(await dockerArchiveBytes(built)));
    const cases: [string, string, string][] = [
      [`oci:${layout}`, 'oci', built.manifestDigest],
      [`oci:${layout}:v1`, 'oci', built.manifestDigest],
      [layout, 'oci', built.manifestDigest],
      [`oci-archive:${ociTar}`, 'oci-archive', built.manifestDigest],
      [ociTar, 'oci-archive', built.manifestDigest],
      [`docker-archive:${docker}`, 'docker-archive', built.configDigest],
      [docker, 'docker-archive', built.configDigest],
      ['image.zip', 'docker-archive', built.configDigest], // relative to cwd
      [gz, 'docker-archive', built.configDigest], // `docker save | gzip`
    ];
    for (const [ref, source, digest] of cases) {
      const r = await openImage(ref, { cwd: t.dir });
      assert.ok(r.ok, `${ref}: ${r.ok ? '' : r.error.message}`);
      assert.equal(r.value.source, source, ref);
      assert.equal(r.value.digest, digest, ref);
      assert.deepEqual(validateImage(r.value), [], ref);
    }
  } finally {
    await t.cleanup();
  }
});

test('what is not an image says what it is', async () => {
  const t = await tempDir();
  try {
    mkdirSync(join(t.dir, 'empty'));
    writeFileSync(join(t.dir, 'notes.txt'), 'hello\n'.repeat(200));
    writeFileSync(join(t.dir, 'empty.tar'), '');
    writeFileSync(join(t.dir, 'other.tar'), await archiveTar(new Map([['README', Buffer.from('hi')]])));
    const cases: [string, string, RegExp][] = [
      ['./missing.tar', 'NOT_FOUND', /no such file or directory/],
      [`docker-archive:${join(t.dir, 'missing.tar')}`, 'NOT_FOUND', /no such file/],
      ['empty', 'NOT_AN_IMAGE', /not an OCI image layout/],
      ['notes.txt', 'NOT_AN_IMAGE', /not an image: neither a tar archive/],
      ['empty.tar', 'NOT_AN_IMAGE', /an empty file/],
      ['other.tar', 'NOT_AN_IMAGE', /neither manifest.json .* nor index.json/],
      [`oci:${join(t.dir, 'empty')}`, 'NOT_AN_IMAGE', /no index.json/],
    ];
    for (const [ref, code, pattern] of cases) {
      const r = await openImage(ref, { cwd: t.dir });
      assert.ok(!r.ok, ref);
      assert.equal(r.error.code, code, `${ref}: ${r.error.message}`);
      assert.match(r.error.message, pattern, ref);
      assert.ok(r.error.where.ref !== undefined, `${ref}: the error names its source`);
    }
  } finally {
    await t.cleanup();
  }
});

test('bare names go to the registry, engine: to the engine', async () => {
  const reg = await openImage('127.0.0.1:1/app:1', { cwd: '/', retries: 0, timeoutMs: 2000, cacheDir: null });
  assert.ok(!reg.ok);
  assert.match(reg.error.where.ref ?? '', /^registry:127\.0\.0\.1:1\/app:1/);
  const eng = await openImage('engine:app:1', { host: 'unix:///nonexistent/whittle.sock', timeoutMs: 2000 });
  assert.ok(!eng.ok);
  assert.equal(eng.error.code, 'ENGINE');
  assert.deepEqual(Object.keys(imageSources).sort(), ['docker-archive', 'engine', 'oci', 'oci-archive', 'registry']);
});
