// The engine source against a real `podman system service` socket: the image it exports must read exactly
// as the docker-archive it was loaded from.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildTinyImage, builder, requireTools, run, startPodman } from '../../../test/fixtures/registry.js';
import type { Image } from '../model.js';
import { readDockerArchive } from './docker-archive.js';
import { defaultSockets, openEngineImage, parseEngineHost, releaseEngineSpools } from './engine.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whittle-engine-test-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function walk(image: Image): Promise<string[][]> {
  const out: string[][] = [];
  for (const layer of image.layers) {
    const names: string[] = [];
    for await (const e of layer.entries()) names.push(`${e.type} ${e.path} ${e.size}`);
    out.push(names);
  }
  return out;
}

test('engine hosts: unix sockets and tcp; TLS and other schemes are refused with a reason', () => {
  assert.deepEqual(parseEngineHost('unix:///run/x.sock', {}), { ok: true, value: { socketPath: '/run/x.sock', shown: 'unix:///run/x.sock' } });
  assert.deepEqual(parseEngineHost('tcp://10.0.0.5:2375', {}), { ok: true, value: { host: '10.0.0.5', port: 2375, shown: 'tcp://10.0.0.5:2375' } });
  const tls = parseEngineHost('tcp://10.0.0.5:2376', { DOCKER_TLS_VERIFY: '1' });
  assert.ok(!tls.ok && /TLS/.test(tls.error.message));
  const npipe = parseEngineHost('npipe:////./pipe/docker_engine', {});
  assert.ok(!npipe.ok && npipe.error.code === 'USAGE');
  assert.deepEqual(defaultSockets({ XDG_RUNTIME_DIR: '/run/user/1000' }), ['/var/run/docker.sock', '/run/user/1000/podman/podman.sock', '/run/podman/podman.sock']);
});

test('no socket anywhere: an ENGINE error that lists where it looked', async () => {
  const r = await openEngineImage('engine:app:1', { env: { XDG_RUNTIME_DIR: join(dir, 'nothing') } });
  if (r.ok) assert.fail('a socket was found at a default place on this machine; this test expects none');
  assert.equal(r.error.code, 'ENGINE');
  assert.match(r.error.message, /no Docker or Podman socket found .*podman\.sock.*DOCKER_HOST/);
  const gone = await openEngineImage('engine:app:1', { host: `unix://${join(dir, 'absent.sock')}` });
  assert.ok(!gone.ok && gone.error.code === 'ENGINE' && /cannot reach the engine at unix:\/\/.*absent\.sock/.test(gone.error.message));
});

test('podman system service: an image loaded into podman reads like the archive it came from', async (t) => {
  if (!(await requireTools(t, 'podman', 'buildah', 'skopeo'))) return;
  const work = join(dir, 'podman');
  const b = builder(work);
  await buildTinyImage(work, b, 'localhost/tiny:1', 'amd64');
  const archive = join(work, 'tiny.tar');
  await run('skopeo', ['copy', b.transport('localhost/tiny:1'), `docker-archive:${archive}:localhost/tiny:1`]);
  const podman = await startPodman(work);
  t.after(() => podman.stop());
  await run('podman', [...podman.storage, 'load', '-i', archive]);
  const spoolDir = join(work, 'spool');
  await mkdir(spoolDir);

  await t.test('layers, diff IDs, config and entries match the loaded docker-archive', async () => {
    const fromArchive = await readDockerArchive({ path: archive }, `docker-archive:${archive}`, {});
    assert.ok(fromArchive.ok);
    const r = await openEngineImage('engine:localhost/tiny:1', { env: { DOCKER_HOST: `unix://${podman.socket}` }, spoolDir });
    if (!r.ok) assert.fail(r.error.message);
    const image = r.value;
    assert.equal(image.ref, 'engine:localhost/tiny:1');
    assert.equal(image.source, 'engine');
    assert.deepEqual(image.layers.map((l) => l.diffId), fromArchive.value.layers.map((l) => l.diffId));
    assert.equal(image.layers.length, 2);
    assert.equal(image.configDigest, fromArchive.value.configDigest);
    assert.deepEqual(image.config, fromArchive.value.config);
    assert.deepEqual(await walk(image), await walk(fromArchive.value));
    assert.ok((await walk(image))[0]?.includes('file hello.txt 17'));
    // The spooled export lives as long as the layers may be walked, and goes when released.
    assert.equal((await readdir(spoolDir)).length, 1);
    await releaseEngineSpools();
    assert.deepEqual(await readdir(spoolDir), []);
  });

  await t.test('an image the engine does not hold is NOT_FOUND naming it and the socket', async () => {
    const r = await openEngineImage('engine:localhost/absent:9', { host: `unix://${podman.socket}`, spoolDir });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'NOT_FOUND');
    assert.match(r.error.message, new RegExp(`image localhost/absent:9 is not in the engine at unix://${podman.socket}`));
    assert.equal(r.error.where.ref, 'engine:localhost/absent:9');
    assert.deepEqual(await readdir(spoolDir), []);
  });
});
