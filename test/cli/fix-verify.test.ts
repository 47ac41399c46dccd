// `whittle fix --verify` with real buildah builds on local bases: the measured image must shrink, and a build
// that fails (after or before fixing) must stop --write with a one-line error.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { after, test } from 'node:test';
import { stepsRerun } from '../../src/cli/verify.js';
import { BASES, storeWithBases } from '../fixtures/bases.js';
import { requireTools, run } from '../fixtures/registry.js';
import { runCli } from './helpers.js';

const dir = await mkdtemp(join(tmpdir(), 'whittle-fix-verify-'));
after(() => rm(dir, { recursive: true, force: true }));

let store: Promise<string> | null = null;
// One store for the file, loaded on first use: bases are made once per machine (cached), loaded once per run.
async function ready(t: TestContext): Promise<string | null> {
  if (!(await requireTools(t, 'buildah', 'debootstrap', 'dpkg-deb', 'apt-get', 'tar'))) return null;
  store ??= storeWithBases(join(dir, 'store'), ['busybox', 'debian', 'node']);
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

async function context(name: string, files: Readonly<Record<string, string>>): Promise<string> {
  const ctx = join(dir, name);
  await mkdir(ctx, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(join(ctx, f), text);
  return join(ctx, 'Dockerfile');
}

test('stepsRerun counts the steps buildah did not take from its cache, FROM aside', () => {
  const out = 'STEP 1/4: FROM x\nSTEP 2/4: RUN a\n--> Using cache 1234\nSTEP 3/4: COPY . .\n--> abc\nSTEP 4/4: CMD ["x"]\nCOMMIT y\n';
  assert.equal(stepsRerun(out), 2);
});

test('busybox-static on scratch (no Alpine rootfs here): merging a RUN into the one whose file it deletes shrinks the image', async (t) => {
  const root = await ready(t);
  if (root === null) return;
  const file = await context('busybox', {
    Dockerfile: `FROM ${BASES.busybox}\nRUN dd if=/dev/zero of=/tmp/build.bin bs=1M count=8\nRUN rm /tmp/build.bin\nCOPY app.sh /app.sh\nCMD ["sh", "/app.sh"]\n`,
    'app.sh': 'echo hi\n',
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
  const r = await verify(root, file, ['--diff']);
  t.diagnostic(r.stderr);
  assert.match(r.stdout, /\+ {4}&& rm -rf \/var\/lib\/apt\/lists\/\*/);
  assert.ok(r.saved > 5_000_000, r.stderr);
  assert.ok(r.layers[1] < r.layers[0], r.stderr);
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
