// `whittle fix` end to end without a builder: print, diff, write (atomically, or not at all), rule selection, bad input, --pin-digests.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeAtomically } from '../../src/cli/fix.js';
import { unifiedDiff } from '../../src/cli/unified-diff.js';
import { builder, buildTinyImage, requireTools, run, skopeoFacts, startRegistry } from '../fixtures/registry.js';
import { runCli } from './helpers.js';

const dir = await mkdtemp(join(tmpdir(), 'whittle-fix-cli-'));
after(() => rm(dir, { recursive: true, force: true }));

const SLOPPY = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nADD app.conf /etc/app.conf\n';
const FIXED = 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY app.conf /etc/app.conf\n';

async function file(name: string, text: string, mode = 0o644): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, text);
  await chmod(p, mode);
  return p;
}

test('the default prints the fixed file; exit 1 while unfixable findings remain (as lint)', async () => {
  const p = await file('print.Dockerfile', SLOPPY);
  const r = await runCli(['fix', p]);
  assert.equal(r.stdout, FIXED);
  assert.equal(r.exit, 1, r.stderr);
  assert.equal(await readFile(p, 'utf8'), SLOPPY, 'printing never writes');
});

test('a file with nothing left to report exits 0 and prints unchanged', async () => {
  const clean = 'FROM debian:12.5\nCOPY app.conf /etc/app.conf\nUSER 1000\nHEALTHCHECK CMD ["true"]\nCMD ["app"]\n';
  const p = await file('clean.Dockerfile', clean);
  const r = await runCli(['fix', '--ignore', 'WH303', p]);
  assert.equal(r.stdout, clean);
  assert.ok([0, 1].includes(r.exit));
});

test('stdin is read with "-"', async () => {
  const r = await runCli(['fix', '-'], { stdin: SLOPPY });
  assert.equal(r.stdout, FIXED);
});

test('--diff prints a unified diff of the same change', async () => {
  const p = await file('diff.Dockerfile', SLOPPY);
  const r = await runCli(['fix', '--diff', p]);
  // git's style: `a/` + the path without its leading slash.
  assert.equal(r.stdout, unifiedDiff(SLOPPY, FIXED, `a${p}`, `b${p}`));
  assert.match(r.stdout, /^--- a\/.*\n\+\+\+ b\/.*\n@@ -1,4 \+1,5 @@\n FROM debian:12\n-RUN apt-get update\n-RUN apt-get install -y curl\n-ADD/);
});

test('unifiedDiff: equal texts give nothing; far-apart changes make two hunks', () => {
  assert.equal(unifiedDiff('a\n', 'a\n', 'x', 'y'), '');
  const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
  const b = a.replace('l1\n', 'L1\n').replace('l18', 'L18');
  const d = unifiedDiff(a, b, 'x', 'y');
  assert.equal((d.match(/^@@/gm) ?? []).length, 2);
  assert.match(d, /@@ -1,5 \+1,5 @@\n l0\n-l1\n\+L1\n/);
});

test('--write replaces the file atomically, keeps its mode, and a second run changes nothing', async () => {
  const p = await file('write.Dockerfile', SLOPPY, 0o640);
  const r = await runCli(['fix', '--write', p]);
  assert.equal(r.stdout, '');
  assert.equal(await readFile(p, 'utf8'), FIXED);
  assert.equal((await stat(p)).mode & 0o777, 0o640);
  const again = await runCli(['fix', '--write', p]);
  assert.equal(again.exit, r.exit);
  assert.equal(await readFile(p, 'utf8'), FIXED);
});

test('--write on a read-only file: one-line error, exit 2, file untouched', async () => {
  const p = await file('readonly.Dockerfile', SLOPPY, 0o444);
  const r = await runCli(['fix', '--write', p]);
  assert.equal(r.exit, 2);
  assert.match(r.stderr, /^whittle: .*read-only; not written\n$/);
  assert.equal(await readFile(p, 'utf8'), SLOPPY);
});

test('a file changed on disk while fixing is not overwritten', async () => {
  const p = await file('changed.Dockerfile', 'FROM debian:12\nRUN true\n');
  const original = await readFile(p);
  await writeFile(p, 'FROM debian:12\nRUN echo edited meanwhile\n');
  await assert.rejects(writeAtomically(p, original, 'FROM debian:12\n'), /changed on disk while fixing/);
  assert.equal(await readFile(p, 'utf8'), 'FROM debian:12\nRUN echo edited meanwhile\n');
});

test('what lint rejects, fix rejects: one-line errors, exit 2, nothing printed or written', async () => {
  for (const [name, text, why] of [
    ['binary', 'FROM debian\nRUN \u0000\u0001', /binary file/],
    ['unknown', 'FROM debian\nFOO bar\n', /unknown instruction "FOO"/],
    ['heredoc', 'FROM debian\nRUN <<EOF\n', /unterminated heredoc/],
  ] as const) {
    const p = await file(`${name}.Dockerfile`, text);
    const r = await runCli(['fix', '--write', p]);
    assert.equal(r.exit, 2, name);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, why);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(await readFile(p, 'utf8'), text);
  }
  const missing = await runCli(['fix', join(dir, 'nope')]);
  assert.equal(missing.exit, 2);
  assert.match(missing.stderr, /no such file/);
  const usage = await runCli(['fix', '--rule', 'XX999', '-'], { stdin: SLOPPY });
  assert.equal(usage.exit, 2);
  assert.match(usage.stderr, /unknown rule: XX999/);
  assert.equal((await runCli(['fix', '--write', '-'], { stdin: SLOPPY })).exit, 2);
  assert.equal((await runCli(['fix', '--diff', '--write', '-'], { stdin: SLOPPY })).exit, 2);
});

test('--rule picks fixes, --ignore drops them, and ignore pragmas hold', async () => {
  const only = await runCli(['fix', '--rule', 'DL3020', '-'], { stdin: SLOPPY });
  assert.equal(only.stdout, SLOPPY.replace('ADD app.conf', 'COPY app.conf'));
  const without = await runCli(['fix', '--ignore', 'DL3059', '--ignore', 'DL3015', '-'], { stdin: SLOPPY });
  // Unmerged, the lists come from a RUN that installs nothing, so DL3009 has no cleanup to offer either.
  assert.equal(without.stdout, 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nCOPY app.conf /etc/app.conf\n');
  const pragma = 'FROM debian:12\n# hadolint ignore=DL3020\nADD app.conf /etc/app.conf\n';
  assert.equal((await runCli(['fix', '-'], { stdin: pragma })).stdout, pragma);
});

test('config files hold for fixes: ignored rules and `ignore` overrides are not fixed, the exit follows the threshold', async () => {
  const project = join(dir, 'configured');
  await mkdir(project, { recursive: true });
  await writeFile(join(project, 'Dockerfile'), SLOPPY);
  await writeFile(join(project, '.whittle.yaml'), 'ignore:\n  - DL3020\noverride:\n  ignore:\n    - DL3015\nfailureThreshold: error\n');
  const r = await runCli(['fix', 'Dockerfile'], { cwd: project, env: { PATH: process.env.PATH, HOME: project } });
  assert.equal(r.stdout, 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nADD app.conf /etc/app.conf\n', r.stderr);
  // Only warnings and below remain; the config's threshold is error.
  assert.equal(r.exit, 0, r.stderr);
  // The command line wins over the file.
  const named = await runCli(['fix', '--rule', 'DL3020', 'Dockerfile'], { cwd: project, env: { PATH: process.env.PATH, HOME: project } });
  assert.equal(named.stdout, SLOPPY.replace('ADD app.conf', 'COPY app.conf'));
  const bad = await runCli(['fix', '--config', join(project, 'nope.yaml'), 'Dockerfile'], { cwd: project, env: { PATH: process.env.PATH, HOME: project } });
  assert.equal(bad.exit, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /^whittle: .*nope\.yaml.*\n$/);
  const pragma = 'FROM debian:12\n# hadolint ignore=DL3020\nADD app.conf /etc/app.conf\n';
  assert.equal((await runCli(['fix', '--disable-ignore-pragma', '-'], { stdin: pragma })).stdout, pragma.replace('ADD', 'COPY'));
  assert.equal((await runCli(['fix', '--report', 'x.json', '-'], { stdin: pragma })).exit, 2);
});

test('the non-root USER (WH304) is added only with --unsafe or by name, before the trailing CMD', async () => {
  const root = 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]\n';
  const user = 'FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app\nUSER 65532:65532\nCMD ["/app"]\n';
  assert.equal((await runCli(['fix', '-'], { stdin: root })).stdout, root);
  assert.equal((await runCli(['fix', '--unsafe', '-'], { stdin: root })).stdout, user);
  assert.equal((await runCli(['fix', '--rule', 'WH304', '-'], { stdin: root })).stdout, user);
  assert.equal((await runCli(['fix', '--unsafe', '--ignore', 'WH304', '-'], { stdin: root })).stdout, root);
});

test('--suggest multistage prints a rewrite for a node build and never applies it', async () => {
  const single = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/index.js"]\n';
  const r = await runCli(['fix', '--suggest', 'multistage', '--rule', 'DL3020', '-'], { stdin: single });
  assert.equal(r.stdout, single);
  assert.match(r.stderr, /suggested multi-stage rewrite \(node\)/);
  assert.match(r.stderr, /FROM node:20 AS build\n[^]*RUN npm run build\n\nFROM node:20-slim\n[^]*CMD \["node", "dist\/index.js"\]/);
  const go = await runCli(['fix', '--suggest', 'multistage', '--rule', 'DL3020', '-'], { stdin: 'FROM golang:1.22\nCOPY . .\nRUN go build ./cmd/app\nENTRYPOINT ["/go/app"]\n' });
  assert.match(go.stderr, /FROM gcr\.io\/distroless\/static-debian12:nonroot/);
  const none = await runCli(['fix', '--suggest', 'multistage', '-'], { stdin: 'FROM debian:12\nRUN true\n' });
  assert.match(none.stderr, /no multi-stage rewrite to suggest/);
});

test('--pin-digests adds the registry digest after the tag (reference registry)', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo'))) return;
  const work = join(dir, 'pin');
  const b = builder(work);
  await buildTinyImage(work, b, 'localhost/tiny-amd64', 'amd64');
  const registry = await startRegistry(join(work, 'registry'));
  t.after(() => registry.stop());
  await run('skopeo', ['copy', '--dest-tls-verify=false', b.transport('localhost/tiny-amd64'), `docker://${registry.host}/app:1`]);
  const { digest } = await skopeoFacts(`${registry.host}/app:1`);
  const text = `FROM ${registry.host}/app:1 AS base\nFROM base\nFROM scratch\n`;
  const r = await runCli(['fix', '--pin-digests', '--rule', 'DL3020', '-'], { stdin: text, env: { PATH: process.env.PATH, HOME: work } });
  assert.equal(r.stdout, text.replace('app:1 AS', `app:1@${digest} AS`), r.stderr);
  const missing = await runCli(['fix', '--pin-digests', '--rule', 'DL3020', '-'], { stdin: `FROM ${registry.host}/app:2\n`, env: { PATH: process.env.PATH, HOME: work } });
  assert.equal(missing.exit, 2);
  assert.match(missing.stderr, /cannot pin .*app:2/);
});

test('--verify with no builder on PATH: one line saying what to install, exit 2, nothing printed or written', async () => {
  const p = await file('nobuilder.Dockerfile', SLOPPY);
  const r = await runCli(['fix', '--verify', '--write', p], { env: { PATH: join(dir, 'empty-path'), HOME: dir } });
  assert.equal(r.exit, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^whittle: no builder for --verify: install buildah \(apt-get install -y buildah\) or point docker at an engine \(DOCKER_HOST\)\n$/);
  assert.equal(await readFile(p, 'utf8'), SLOPPY);
  const named = await runCli(['fix', '--verify', '--builder', 'buildah', p], { env: { PATH: join(dir, 'empty-path'), HOME: dir } });
  assert.equal(named.exit, 2);
  assert.match(named.stderr, /^whittle: cannot run buildah: .*\n$/);
});

test('--check prints the diff and exits 1 when fixing would change the file, 0 when it would not; never writes', async () => {
  const p = await file('check.Dockerfile', SLOPPY);
  const r = await runCli(['fix', '--check', p]);
  assert.equal(r.exit, 1);
  assert.equal(r.stdout, unifiedDiff(SLOPPY, FIXED, `a${p}`, `b${p}`));
  assert.equal(await readFile(p, 'utf8'), SLOPPY);
  // Already fixed: nothing to change, exit 0 even though lint still has findings (curl is not pinned).
  const done = await runCli(['fix', '--check', '-'], { stdin: FIXED });
  assert.deepEqual([done.exit, done.stdout], [0, '']);
  assert.equal((await runCli(['fix', '--check', '--write', p])).exit, 2);
});
