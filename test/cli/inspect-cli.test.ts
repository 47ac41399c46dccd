// `whittle inspect`: the JSON shape docs/json.md promises, the table, and one-line errors with exit 2.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildImage, tempDir, writeDockerArchive, writeOciLayout } from '../fixtures/synthetic.js';
import { maskSecret } from '../../src/rules/secret-patterns.js';
import { runCli } from './helpers.js';

const SPEC = {
  layers: [
    { files: { 'app/': { type: 'directory' as const }, 'app/server.js': 'x'.repeat(300), 'tmp/build.log': 'y'.repeat(500) }, createdBy: 'COPY . /app' },
    { whiteouts: ['tmp/build.log'], createdBy: 'RUN rm /tmp/build.log', compression: 'zstd' as const },
  ],
  emptyBefore: { 1: 'ENV TOKEN=abc' },
  config: {
    User: 'app', Env: ['PATH=/usr/bin', 'TOKEN=abc'], Entrypoint: ['node'], Cmd: ['server.js'], ExposedPorts: { '8080/tcp': {} },
    Labels: { 'org.opencontainers.image.title': 'demo' }, WorkingDir: '/app',
    Healthcheck: { Test: ['CMD', 'true'], Interval: 30_000_000_000, Timeout: 5_000_000_000, Retries: 3 },
  },
};

test('inspect --format json: the documented shape, env names only', async () => {
  const t = await tempDir();
  try {
    const built = await buildImage(SPEC);
    await writeOciLayout(join(t.dir, 'img'), [{ image: built }]);
    const r = await runCli(['inspect', '--format', 'json', 'img'], { cwd: t.dir });
    assert.equal(r.stderr, '');
    assert.equal(r.exit, 0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(json, {
      schemaVersion: 1,
      image: {
        ref: 'oci:img', digest: built.manifestDigest, os: 'linux', architecture: 'amd64',
        sizeBytes: 800, compressedBytes: built.layerBlobs.reduce((n, b) => n + b.length, 0), layerCount: 2,
      },
      layers: [
        { index: 0, diffId: built.diffIds[0], digest: built.layerDigests[0], mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', sizeBytes: 800, compressedBytes: built.layerBlobs[0]?.length, fileCount: 2, createdBy: 'COPY . /app' },
        { index: 1, diffId: built.diffIds[1], digest: built.layerDigests[1], mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', sizeBytes: 0, compressedBytes: built.layerBlobs[1]?.length, fileCount: 0, createdBy: 'RUN rm /tmp/build.log' },
      ],
      config: {
        user: 'app', env: ['PATH', 'TOKEN'], entrypoint: ['node'], cmd: ['server.js'], exposedPorts: ['8080/tcp'],
        labels: { 'org.opencontainers.image.title': 'demo' },
        healthcheck: { test: ['CMD', 'true'], interval: 30, timeout: 5, retries: 3 }, workingDir: '/app',
      },
      history: [
        { created: '1970-01-01T00:00:00Z', createdBy: 'COPY . /app', comment: null, emptyLayer: false },
        // A secret-named build value in history is masked, as in every output.
        { created: '1970-01-01T00:00:00Z', createdBy: `ENV TOKEN=${maskSecret('abc')}`, comment: null, emptyLayer: true },
        { created: '1970-01-01T00:00:00Z', createdBy: 'RUN rm /tmp/build.log', comment: null, emptyLayer: false },
      ],
    });
    assert.ok(!r.stdout.includes('=abc'), 'no secret value leaks from the config or the history');
  } finally {
    await t.cleanup();
  }
});

test('inspect prints a table by default, and neutralises escape sequences from the image', async () => {
  const t = await tempDir();
  try {
    const built = await buildImage({ ...SPEC, config: { ...SPEC.config, Labels: { evil: '\u001b[2Jgotcha' } } });
    await writeDockerArchive(join(t.dir, 'app.tar'), built);
    const r = await runCli(['inspect', 'app.tar'], { cwd: t.dir });
    assert.equal(r.exit, 0, r.stderr);
    assert.match(r.stdout, /^Image {7}docker-archive:app\.tar$/m);
    assert.match(r.stdout, /^Size {8}800 B \(.+ compressed\) in 2 layers$/m);
    assert.match(r.stdout, /^ {2}0 +800 B .* COPY \. \/app$/m);
    assert.match(r.stdout, /evil=\uFFFD\[2Jgotcha/);
    assert.ok(!r.stdout.includes('\u001b'));
  } finally {
    await t.cleanup();
  }
});

test('bad input: one line naming the source, exit 2, no stack trace', async () => {
  const t = await tempDir();
  try {
    const built = await buildImage(SPEC);
    const dir = await writeOciLayout(join(t.dir, 'img'), [{ image: built }]);
    const blob = join(dir, 'blobs/sha256', (built.layerDigests[0] as string).slice(7));
    const bytes = readFileSync(blob);
    bytes.writeUInt8((bytes.at(-3) ?? 0) ^ 1, bytes.length - 3);
    writeFileSync(blob, bytes);
    const arm = await buildImage({ layers: [{ files: { a: '1' } }], architecture: 'arm64' });
    await writeOciLayout(join(t.dir, 'multi'), [{ image: built, platform: { os: 'linux', architecture: 'amd64' } }, { image: arm, platform: { os: 'linux', architecture: 'arm64' } }]);
    const cases: [string[], RegExp][] = [
      [['inspect', 'nope.tar'], /^whittle: nope\.tar: no such file or directory\n$/],
      [['inspect', 'img'], new RegExp(`^whittle: oci:img layer 0 blob ${built.layerDigests[0]}: .*(digest|corrupt).*\\n$`)],
      [['inspect', '--platform', 'linux/s390x', 'multi'], /^whittle: oci:multi: no image for platform linux\/s390x; the index has: linux\/amd64, linux\/arm64\n$/],
      [['inspect', '--format', 'xml', 'img'], /format/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await runCli(argv, { cwd: t.dir });
      assert.equal(r.exit, 2, argv.join(' '));
      assert.equal(r.stdout, '', argv.join(' '));
      assert.match(r.stderr, pattern, argv.join(' '));
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
  } finally {
    await t.cleanup();
  }
});

test('--help lists inspect with its image argument', async () => {
  const help = await runCli(['--help']);
  assert.match(help.stdout, /inspect \[options\] <image>/);
  const own = await runCli(['inspect', '--help']);
  assert.match(own.stdout, /--platform <os\/arch\[\/variant\]>/);
  assert.match(own.stdout, /docker-archive:\|oci:\|oci-archive:\|registry:\|engine:/);
});
