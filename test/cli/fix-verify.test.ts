// `whittle fix --verify` with real buildah builds on local bases: the measured image must shrink, and a build
// that fails (after or before fixing) must stop --write with a one-line error.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { after, test } from 'node:test';
import { BASES, baseArchive, storeWithBases } from '../fixtures/bases.js';
import { requireTools, run, startPodman } from '../fixtures/registry.js';
import { runCli } from './helpers.js';

const dir = await mkdtemp(join(tmpdir(), 'whittle-fix-verify-'));
after(() => rm(dir, { recursive: true, force: true }));

let store: Promise<string> | null = null;
// One store for the file, loaded on first use: bases are made once per machine (cached), loaded once per run.
async function ready(t: TestContext): Promise<string | null> {
  if (!(await requireTools(t, 'buildah', 'debootstrap', 'dpkg-deb', 'apt-get', 'tar'))) return null;
  store ??= storeWithBases(join(dir, 'store'), ['busybox', 'debian', 'node', 'nodeDebian']);
  return store;
}

interface Measured {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly saved: number;
  readonly layers: readonly [number, number];
}

async function verify(root: string, dockerfile: string, extra: readonly string[] = []): Promise<Measured> {
  const r = await runCli(['fix', '--verify', '--store', root, ...extra, dockerfile], { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  const saved = /verify: saved: +(-?\d+) bytes/.exec(r.stderr);
  const layers = [...r.stderr.matchAll(/ in (\d+) layers/g)].map((m) => Number(m[1]));
  return { ...r, saved: saved === null ? Number.NaN : Number(saved[1]), layers: [layers[0] ?? 0, layers[1] ?? 0] };
}

interface VerifyJson {
  readonly builder: string;
  readonly savedBytes: number;
  readonly before: { readonly bytes: number; readonly layers: number };
  readonly after: { readonly bytes: number; readonly layers: number };
  readonly fixes: readonly {
    readonly rules: readonly string[];
    readonly savedBytes: number | null;
    readonly changedLayers: readonly { readonly before: { createdBy: string; bytes: number } | null; readonly after: { createdBy: string; bytes: number } | null }[];
  }[];
  readonly cacheProbe: { readonly editedFile: string; readonly stepsRerunBefore: number; readonly stepsRerunAfter: number } | null;
}

async function context(name: string, files: Readonly<Record<string, string>>): Promise<string> {
  const ctx = join(dir, name);
  await mkdir(ctx, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(join(ctx, f), text);
  return join(ctx, 'Dockerfile');
}


test('busybox-static on scratch (no Alpine rootfs here): merging a RUN into the one whose file it deletes shrinks the image', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  const file = await context('busybox', {
    Dockerfile: `FROM ${BASES.busybox}\nRUN dd if=/dev/zero of=/tmp/build.bin bs=1M count=8\nRUN rm /tmp/build.bin\nCOPY app.sh /app.sh\nCMD ["sh", "/app.sh"]\n`,
    'app.sh': 'echo hi\n',
    // Never sent to the builder, so never the file the cache probe edits (it sorts first).
    '.dockerignore': 'a-ignored.js\n',
    'a-ignored.js': 'x\n',
  });
  const r = await verify(root, file, ['--write']);
  t.diagnostic(r.stderr);
  assert.ok(r.saved >= 8 * 1024 * 1024, r.stderr);
  assert.deepEqual(r.layers, [4, 3]);
  assert.match(r.stderr, /after editing app\.sh: \d+ steps re-run before the fix, \d+ after/);
  assert.match(await readFile(file, 'utf8'), /count=8 \\\n {4}&& rm \/tmp\/build\.bin\n/);
});

test('Debian and apt: lists removed and recommends skipped in the installing layer shrink the image', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  const file = await context('apt', { Dockerfile: `FROM ${BASES.debian}\nRUN apt-get update\nRUN apt-get install -y bzip2\n` });
  const json = join(dir, 'apt-report.json');
  const r = await verify(root, file, ['--diff', '--report', json]);
  t.diagnostic(r.stderr);
  assert.match(r.stdout, /\+ {4}&& rm -rf \/var\/lib\/apt\/lists\/\*/);
  assert.ok(r.saved > 5_000_000, r.stderr);
  assert.ok(r.layers[1] < r.layers[0], r.stderr);
  // Per fix: each rule's fixes built in turn. DL3009's cleanup needs the merged RUN, so it comes after DL3059.
  const report = JSON.parse(await readFile(json, 'utf8')) as VerifyJson;
  assert.deepEqual(report.fixes.map((f) => f.rules), [['DL3015'], ['DL3059'], ['DL3009']]);
  assert.equal(report.fixes.reduce((n, f) => n + (f.savedBytes ?? 0), 0), report.savedBytes);
  const cleanup = report.fixes[2];
  assert.ok(cleanup !== undefined && (cleanup.savedBytes ?? 0) > 5_000_000, JSON.stringify(cleanup));
  // The bytes are charged to the layer that shrank: the merged apt RUN, before and after the cleanup.
  assert.equal(cleanup.changedLayers.length, 1);
  const [layer] = cleanup.changedLayers;
  assert.match(layer?.after?.createdBy ?? '', /^apt-get update && apt-get install --no-install-recommends -y bzip2/);
  assert.equal((layer?.before?.bytes ?? 0) - (layer?.after?.bytes ?? 0), cleanup.savedBytes);
  assert.match(r.stderr, /verify: fix DL3009: saved \d+ bytes \(-\d+\.\d MB\), 2 layers\nverify: {3}apt-get update && .*: \d+\.\d MB -> \d+\.\d MB\n/);
  assert.equal(report.builder, 'buildah');
});

test('a Node app: the npm cache cleared in the installing RUN shrinks the image', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  const file = await context('node', {
    // Few steps: with the vfs driver every step copies the whole root filesystem.
    Dockerfile: `FROM ${BASES.node}\nCOPY . /app/\nRUN npm install --prefix /app --no-audit --no-fund\n`,
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { dep: 'file:dep-1.0.0.tgz' } }),
    'server.js': 'console.log("hi");\n',
  });
  // A local dependency tarball (no npm registry here) of incompressible bytes, so the cache holds a known amount.
  await mkdir(join(dir, 'node', 'dep', 'package'), { recursive: true });
  await writeFile(join(dir, 'node', 'dep', 'package', 'package.json'), '{"name":"dep","version":"1.0.0"}');
  await run('sh', ['-c', `head -c 3000000 /dev/urandom > ${join(dir, 'node', 'dep', 'package', 'blob.bin')}`]);
  await run('tar', ['-C', join(dir, 'node', 'dep'), '-czf', join(dir, 'node', 'dep-1.0.0.tgz'), 'package']);
  await rm(join(dir, 'node', 'dep'), { recursive: true });
  const r = await verify(root, file);
  t.diagnostic(r.stderr);
  assert.match(r.stdout, /npm install --prefix \/app --no-audit --no-fund \\\n {4}&& npm cache clean --force/);
  assert.ok(r.saved > 2_500_000, r.stderr);
  assert.match(r.stderr, /after editing server\.js/);
});

test('a fixed build that fails: said so, exit 2, --write does not write', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  // An apt-get that refuses the flag DL3015 adds: the fix is right in general and wrong for this image.
  const text = `FROM ${BASES.busybox}\nRUN printf '#!/bin/sh\\ncase "$*" in *--no-install-recommends*) exit 7;; esac\\n' > /bin/apt-get && chmod +x /bin/apt-get\n` +
    'RUN apt-get install -y curl && echo installed\n';
  const file = await context('fails-after', { Dockerfile: text });
  const r = await verify(root, file, ['--write']);
  assert.equal(r.exit, 2);
  assert.match(r.stderr, /whittle: the fixed Dockerfile does not build; file not written: /);
  assert.equal(await readFile(file, 'utf8'), text);
});

test('a build that fails before fixing: one-line error, exit 2, file untouched', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  const text = `FROM ${BASES.busybox}\nRUN exit 3\nRUN true\n`;
  const file = await context('fails-before', { Dockerfile: text });
  const r = await verify(root, file, ['--write']);
  assert.equal(r.exit, 2);
  assert.match(r.stderr, /^whittle: the Dockerfile does not build before fixing: .+\n$/);
  assert.equal(await readFile(file, 'utf8'), text);
});

test('the docker CLI as the builder, against an engine socket (podman system service): built, read back through the engine, measured', async (t) => {
  if (!(await requireTools(t, 'docker', 'podman', 'buildah', 'debootstrap', 'dpkg-deb', 'apt-get', 'tar'))) return;
  // podman refuses a runroot path longer than 50 characters.
  const short = await mkdtemp(join(tmpdir(), 'wh-podman-'));
  t.after(() => rm(short, { recursive: true, force: true }));
  const podman = await startPodman(short);
  t.after(() => podman.stop());
  const loaded = await run('podman', [...podman.storage, 'load', '-i', await baseArchive('busybox')]);
  const id = /sha256:([0-9a-f]{64})/.exec(loaded)?.[1] ?? '';
  await run('podman', [...podman.storage, 'tag', id, BASES.busybox]);
  // No RUN: podman's service runs RUN steps with crun, which this machine's cgroup setup refuses; COPY and metadata
  // steps still go through the engine's builder and its layer cache.
  const file = await context('docker', {
    Dockerfile: `FROM ${BASES.busybox}\nADD app.sh /app.sh\nCOPY data.txt /data.txt\nCMD sh /app.sh\n`,
    'app.sh': 'echo hi\n',
    'data.txt': 'x'.repeat(100_000),
    // The Dockerfile's own ignore file wins over .dockerignore (which would drop data.txt and fail the COPY).
    '.dockerignore': 'data.txt\n',
    'Dockerfile.dockerignore': 'a-ignored.js\n',
    'a-ignored.js': 'x\n',
  });
  const json = join(dir, 'docker-report.json');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_HOST: `unix://${podman.socket}` };
  const r = await runCli(['fix', '--verify', '--builder', 'docker', '--report', json, file], { env });
  t.diagnostic(r.stderr);
  assert.equal(r.stdout, `FROM ${BASES.busybox}\nCOPY app.sh /app.sh\nCOPY data.txt /data.txt\nCMD ["sh", "/app.sh"]\n`);
  const report = JSON.parse(await readFile(json, 'utf8')) as VerifyJson;
  assert.equal(report.builder, 'docker');
  // The base's busybox and the two files; the fixes change no bytes, and the report says so per fix.
  assert.equal(report.before.layers, 3);
  assert.ok(report.before.bytes > 100_000, JSON.stringify(report.before));
  assert.equal(report.savedBytes, 0);
  assert.deepEqual(report.fixes.map((f) => [f.rules, f.savedBytes]), [[['DL3020'], 0], [['DL3025'], 0]]);
  // Editing app.sh re-runs its COPY and the two steps after it, on both sides.
  assert.deepEqual(report.cacheProbe, { editedFile: 'app.sh', stepsRerunBefore: 3, stepsRerunAfter: 3 });
  // Every image the run made is gone from the engine; the base stays.
  const images = await run('podman', [...podman.storage, 'images', '--format', '{{.Repository}}:{{.Tag}}']);
  assert.doesNotMatch(images, /whittle-verify/);
  assert.match(images, /localhost\/busybox:static/);
});

test('the bundled sloppy example (its buildable variant) comes out measurably smaller, and a source edit re-runs fewer steps', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  const json = join(dir, 'example-report.json');
  const example = new URL('../../examples/node-app/', import.meta.url).pathname;
  const dockerfile = new URL('../fixtures/verify/node-app.Dockerfile', import.meta.url).pathname;
  const before = await readFile(dockerfile, 'utf8');
  // Totals only: the per-fix builds are covered above and cost minutes here (every vfs step copies the root filesystem).
  const r = await runCli(['fix', '--verify', '--totals-only', '--store', root, '--context', example, '--report', json, dockerfile], { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
  t.diagnostic(r.stderr);
  const report = JSON.parse(await readFile(json, 'utf8')) as VerifyJson;
  // Measured here: 451.3 MB -> 322.2 MB (apt lists, recommends, the npm cache); at least 100 MB must go.
  assert.ok(report.savedBytes > 100_000_000, JSON.stringify(report.savedBytes));
  assert.ok(report.after.layers < report.before.layers, r.stderr);
  assert.deepEqual(report.fixes, []);
  // package*.json before `npm install`: editing server.js no longer re-runs the install.
  assert.equal(report.cacheProbe?.editedFile, 'server.js');
  assert.ok((report.cacheProbe?.stepsRerunAfter ?? 99) < (report.cacheProbe?.stepsRerunBefore ?? 0), JSON.stringify(report.cacheProbe));
  assert.equal(await readFile(dockerfile, 'utf8'), before, 'printing never writes');
});
