// A real buildah-built image, exported four ways, analysed end to end: identical figures, worked out by hand.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeImage } from '../../src/analysis/run.js';
import type { AnalysisResult } from '../../src/analysis/run.js';
import { openImage } from '../../src/image/sources/index.js';
import { runCli } from '../cli/helpers.js';
import { builder, buildTinyImage, requireTools, run, startRegistry } from '../fixtures/registry.js';
import { tempDir } from '../fixtures/synthetic.js';

const BUILD = new URL('../fixtures/real/build.sh', import.meta.url).pathname;

function installed(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = ['buildah', 'skopeo'].filter((t) => !installed(t));
// In CI the real tools are part of the test: their absence is a failure, never a quiet skip.
const skip = missing.length > 0 && process.env.CI !== 'true' ? `not installed: ${missing.join(', ')} (CI installs them)` : false;

const EXPORTS = ['docker.tar', 'oci:oci-gzip:fixture', 'oci:oci-zstd', 'oci.tar'];
let out = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
const results = new Map<string, AnalysisResult>();

before(async () => {
  if (skip !== false) return;
  assert.deepEqual(missing, [], 'buildah and skopeo must be installed');
  const t = await tempDir('whittle-real-analyze-');
  out = t.dir;
  cleanup = t.cleanup;
  execFileSync(BUILD, [out], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
  for (const ref of EXPORTS) {
    const r = await openImage(ref, { cwd: out });
    assert.ok(r.ok, `${ref}: ${r.ok ? '' : r.error.message}`);
    results.set(ref, await analyzeImage(r.value));
  }
});

after(() => cleanup());

test('every export gives the same diveCompat and reclaimable', { skip }, () => {
  const first = results.get('docker.tar');
  assert.ok(first);
  for (const ref of EXPORTS.slice(1)) {
    assert.deepEqual(results.get(ref)?.dive, first.dive, ref);
    assert.deepEqual(results.get(ref)?.reclaimable, first.reclaimable, ref);
  }
});

test('dive figures by hand: the two files deleted by the last layer are its only waste', { skip }, () => {
  const d = results.get('docker.tar')?.dive;
  // Layers: /app (22 + 17 + 12 bytes), /tmp/big.bin (65536), /data (8 + 16), whiteouts of big.bin and old.txt.
  assert.equal(d?.sizeBytes, 51 + 65536 + 24);
  assert.equal(d?.userSizeBytes, 65536 + 24);
  assert.equal(d?.scoredTotalBytes, 65611);
  assert.equal(d?.scoredMinBytes, 51 + 8);
  assert.equal(d?.efficiency, 59 / 65611);
  assert.equal(d?.wastedBytes, 65536 + 16);
  assert.equal(d?.userWastedPercent, 65552 / 65560);
  assert.deepEqual(d?.inefficientFiles, [{ path: '/tmp/big.bin', count: 2, bytes: 65536 }, { path: '/data/old.txt', count: 2, bytes: 16 }]);
});

test('reclaimable by hand: both deleted files, by the layers that stored them', { skip }, () => {
  const r = results.get('docker.tar')?.reclaimable;
  assert.equal(r?.bytes, 65552);
  assert.deepEqual(r?.byLayer, [{ index: 1, bytes: 65536 }, { index: 2, bytes: 16 }]);
  assert.deepEqual(r?.files.map((f) => [f.path, f.reason]), [['/tmp/big.bin', 'deleted'], ['/data/old.txt', 'deleted']]);
  // The hardlink shares app.conf's body: no duplicate.
  assert.deepEqual(r?.duplicates, []);
});

test('the analyzers flag the removed-later files with their bytes; the CLI gate fails on the waste', { skip }, async () => {
  const a = results.get('docker.tar');
  const removed = a?.findings.filter((f) => f.rule === 'WH620') ?? [];
  assert.ok(removed.some((f) => f.bytes === 65536), JSON.stringify(removed));
  await writeFile(join(out, '.whittle.yaml'), 'budget:\n  maxReclaimableBytes: 64KiB\n  maxImageSize: 1MB\n');
  const r = await runCli(['analyze', '--format', 'json', '--ci', '--highestUserWastedPercent', 'disabled', '--lowestEfficiency', 'off', 'docker.tar'], { cwd: out });
  assert.equal(r.exit, 1, r.stderr);
  const budget = (JSON.parse(r.stdout) as { budget: { results: { rule: string; status: string; actual: number }[] } }).budget;
  assert.deepEqual(budget.results.filter((x) => x.status === 'fail').map((x) => [x.rule, x.actual]), [['budget:maxReclaimableBytes', 65552]]);
});

test('an image pushed to the local reference registry analyses like its docker-archive export', async (t) => {
  if (!(await requireTools(t, 'docker-registry', 'buildah', 'skopeo'))) return;
  const work = await tempDir('whittle-analyze-registry-');
  t.after(() => work.cleanup());
  const b = builder(work.dir);
  await buildTinyImage(work.dir, b, 'localhost/tiny-amd64', 'amd64');
  const registry = await startRegistry(join(work.dir, 'registry'));
  t.after(() => registry.stop());
  await run('skopeo', ['copy', '--dest-tls-verify=false', b.transport('localhost/tiny-amd64'), `docker://${registry.host}/app:1`]);
  await run('skopeo', ['copy', b.transport('localhost/tiny-amd64'), `docker-archive:${join(work.dir, 'tiny.tar')}:app:1`]);
  const pulled = await runCli(['analyze', '-f', 'json', `registry:${registry.host}/app:1`], { cwd: work.dir });
  assert.equal(pulled.exit, 0, pulled.stderr);
  const local = await runCli(['analyze', '-f', 'json', 'tiny.tar'], { cwd: work.dir });
  assert.equal(local.exit, 0, local.stderr);
  type Out = { diveCompat: { sizeBytes: number; wastedBytes: number }; reclaimable: unknown };
  const p = JSON.parse(pulled.stdout) as Out;
  const l = JSON.parse(local.stdout) as Out;
  // Two COPY layers: /hello.txt (17 bytes) and /etc/app.conf (3000); nothing wasted.
  assert.equal(p.diveCompat.sizeBytes, 'hello from amd64\n'.length + 3000);
  assert.equal(p.diveCompat.wastedBytes, 0);
  assert.deepEqual(p.diveCompat, l.diveCompat);
  assert.deepEqual(p.reclaimable, l.reclaimable);
});
