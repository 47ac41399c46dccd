// `whittle analyze` end to end: the JSON contract, every format, secrets masked everywhere, the CI gate and its errors.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildImage, writeDockerArchive } from '../fixtures/synthetic.js';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { runCli } from './helpers.js';

const DIVE_IMAGE = new URL('../../../shared/fixtures/dive/test-docker-image.tar', import.meta.url).pathname;
const FORMATS = ['tty', 'json', 'markdown', 'sarif', 'junit'] as const;

// Planted secrets: none of these strings may appear in any output.
const GH_TOKEN = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const NPM_TOKEN = 'npm_Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa';
const KEY_BODY = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0';
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----\n`;
const SECRETS = [GH_TOKEN, AWS_SECRET, NPM_TOKEN, KEY_BODY];

let dir = '';
let secretImage = '';
let smallImage = '';

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'whittle-analyze-'));
  secretImage = await writeDockerArchive(path.join(dir, 'secret.tar'), await buildImage({
    layers: [
      { files: { 'app/': { type: 'directory' }, 'app/server.js': 'console.log(1)\n', 'app/.env': `API_TOKEN=${GH_TOKEN}\nDEBUG=1\n`, 'root/.ssh/id_rsa': PEM }, createdBy: `|1 NPM_TOKEN=${NPM_TOKEN} /bin/sh -c npm ci` },
      { whiteouts: ['app/.env'], createdBy: '/bin/sh -c rm /app/.env' },
    ],
    config: { Env: ['PATH=/usr/bin', `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`] },
  }));
  smallImage = await writeDockerArchive(path.join(dir, 'small.tar'), await buildImage({ layers: [{ files: { a: 'a'.repeat(100) } }, { files: { a: 'b'.repeat(100) } }] }));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface AnalyzeJson {
  schemaVersion: number;
  image: Record<string, unknown>;
  layers: Record<string, unknown>[];
  diveCompat: Record<string, unknown>;
  reclaimable: Record<string, unknown>;
  findings: { rule: string; severity: string; message: string }[];
  budget?: { passed: boolean; results: { rule: string; limit: number | null; limitText: string; actual: number | null; status: string }[] };
}

describe('whittle analyze', () => {
  test('--format json: the contract ARCHITECTURE.md and docs/json.md describe, with dive\'s figures', async () => {
    const r = await runCli(['analyze', '--format', 'json', DIVE_IMAGE]);
    assert.equal(r.exit, 0, r.stderr);
    const out = JSON.parse(r.stdout) as AnalyzeJson;
    assert.deepEqual(Object.keys(out), ['schemaVersion', 'image', 'layers', 'layerDetails', 'diveCompat', 'reclaimable', 'findings', 'notes']);
    assert.equal(out.schemaVersion, 1);
    assert.deepEqual(Object.keys(out.image), ['ref', 'digest', 'os', 'architecture', 'sizeBytes', 'compressedBytes', 'layerCount']);
    assert.equal(out.image.sizeBytes, 1220598);
    assert.equal(out.image.layerCount, 14);
    assert.deepEqual(Object.keys(out.layers[0] ?? {}), ['index', 'diffId', 'digest', 'mediaType', 'sizeBytes', 'compressedBytes', 'fileCount', 'createdBy']);
    assert.deepEqual(Object.keys(out.diveCompat), ['sizeBytes', 'userSizeBytes', 'fileCount', 'efficiency', 'wastedBytes', 'userWastedPercent', 'inefficientFiles', 'scoredMinBytes', 'scoredTotalBytes', 'abortedLayers']);
    assert.equal(out.diveCompat.efficiency, 0.9844212134184309);
    assert.equal(out.diveCompat.userWastedPercent, 0.4834911001404049);
    assert.deepEqual(Object.keys(out.reclaimable), ['layerContentBytes', 'finalVisibleBytes', 'bytes', 'byLayer', 'files', 'metadataOnlyBytes', 'duplicates', 'duplicateBytes']);
    assert.equal(out.reclaimable.bytes, 32025);
    for (const f of out.findings) assert.deepEqual(Object.keys(f).slice(0, 7), ['rule', 'severity', 'message', 'layer', 'path', 'file', 'line']);
    // Without --ci there is no gate, so no budget key.
    assert.equal(out.budget, undefined);
  });

  test('a non-finite percent is null in JSON (single layer: 0/0)', async () => {
    const one = await writeDockerArchive(path.join(dir, 'one.tar'), await buildImage({ layers: [{ files: { a: 'x' } }] }));
    const r = await runCli(['analyze', '-f', 'json', one]);
    assert.equal((JSON.parse(r.stdout) as AnalyzeJson).diveCompat.userWastedPercent, null);
  });

  for (const format of FORMATS) {
    test(`--format ${format}: no planted secret value appears, while the secrets are reported`, async () => {
      const r = await runCli(['analyze', '--format', format, '--ci', secretImage], { cwd: dir });
      assert.notEqual(r.exit, 2, r.stderr);
      for (const s of SECRETS) {
        assert.ok(!r.stdout.includes(s), `${format} output holds ${s.slice(0, 8)}...`);
        assert.ok(!r.stderr.includes(s), `${format} stderr holds ${s.slice(0, 8)}...`);
      }
      assert.match(r.stdout, /WH63\d/, 'the secrets analyzers report the planted secrets');
    });
  }

  test('tty: the summary names size, efficiency, reclaimable bytes and the verdict, with no colour off a TTY', async () => {
    const r = await runCli(['analyze', '--ci', DIVE_IMAGE], { cwd: dir });
    assert.equal(r.exit, 1);
    assert.match(r.stdout, /Efficiency\s+98\.44%/);
    assert.match(r.stdout, /Reclaimable 31 KiB/);
    assert.match(r.stdout, /Budget\s+FAIL/);
    assert.match(r.stdout, /FAIL dive-ci:highestUserWastedPercent/);
    assert.ok(!r.stdout.includes('\x1b['));
    assert.equal(r.stderr, '');
  });

  test("--ci with dive's own .dive-ci passes dive's image (exit 0); flags outrank the file", async () => {
    const cfg = path.join(dir, 'dive-ci.yaml');
    await writeFile(cfg, 'rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20Mb\n  highestUserWastedPercent: 0.5\n');
    const pass = await runCli(['analyze', '-f', 'json', '--ci', '--ci-config', cfg, DIVE_IMAGE], { cwd: dir });
    assert.equal(pass.exit, 0, pass.stderr);
    const out = JSON.parse(pass.stdout) as AnalyzeJson;
    assert.equal(out.budget?.passed, true);
    assert.deepEqual(out.budget?.results.map((x) => [x.rule, x.limitText, x.status]), [
      ['dive-ci:lowestEfficiency', '0.95', 'pass'], ['dive-ci:highestWastedBytes', '20Mb', 'pass'], ['dive-ci:highestUserWastedPercent', '0.5', 'pass'],
    ]);
    const flag = await runCli(['analyze', '-f', 'json', '--ci', '--ci-config', cfg, '--highestWastedBytes', '30kB', DIVE_IMAGE], { cwd: dir });
    assert.equal(flag.exit, 1);
  });

  test('a bad .dive-ci value: exit 2, one line naming key and value, nothing on stdout', async () => {
    const sub = await mkdtemp(path.join(dir, 'bad-'));
    await writeFile(path.join(sub, '.dive-ci'), 'rules:\n  highestWastedBytes: lots\n');
    const r = await runCli(['analyze', '-f', 'json', '--ci', smallImage], { cwd: sub });
    assert.equal(r.exit, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /rules\.highestWastedBytes: invalid value "lots"/);
    assert.deepEqual((await readdir(sub)).sort(), ['.dive-ci']);
  });

  test('a bad .whittle.yaml budget and a missing --ci-config are errors (exit 2) naming them', async () => {
    const sub = await mkdtemp(path.join(dir, 'budget-'));
    await writeFile(path.join(sub, '.whittle.yaml'), 'budget:\n  maxImageSize: huge\n');
    const bad = await runCli(['analyze', '--ci', smallImage], { cwd: sub });
    assert.equal(bad.exit, 2);
    assert.match(bad.stderr, /budget\.maxImageSize: invalid value "huge"/);
    assert.equal(bad.stdout, '');
    const missing = await runCli(['analyze', '--ci', '--ci-config', 'nope.yaml', smallImage], { cwd: sub });
    assert.equal(missing.exit, 2);
    assert.match(missing.stderr, /nope\.yaml/);
  });

  test('.whittle.yaml budget with a baseline report: growth is measured against it', async () => {
    const sub = await mkdtemp(path.join(dir, 'growth-'));
    await writeFile(path.join(sub, '.whittle.yaml'), 'budget:\n  maxGrowth: 10%\n  maxImageSize: 1MB\n');
    const base = await runCli(['analyze', '-f', 'json', smallImage], { cwd: sub });
    const baseline = JSON.parse(base.stdout) as AnalyzeJson;
    (baseline.image as { sizeBytes: number }).sizeBytes = 100;
    await writeFile(path.join(sub, 'base.json'), JSON.stringify(baseline));
    const r = await runCli(['analyze', '-f', 'json', '--ci', '--highestUserWastedPercent', 'off', '--baseline', 'base.json', smallImage], { cwd: sub });
    assert.equal(r.exit, 1, r.stderr);
    const growth = (JSON.parse(r.stdout) as AnalyzeJson).budget?.results.find((x) => x.rule === 'budget:maxGrowth');
    assert.deepEqual(growth, { rule: 'budget:maxGrowth', limit: 0.1, limitText: '10%', actual: 1, status: 'fail' });
  });

  test('a baseline that is not a whittle report, or of another platform: exit 2', async () => {
    await writeFile(path.join(dir, 'other.json'), '{"hello": 1}');
    const notReport = await runCli(['analyze', '--ci', '--baseline', 'other.json', smallImage], { cwd: dir });
    assert.equal(notReport.exit, 2);
    assert.match(notReport.stderr, /not a whittle JSON report/);
    const arm = await writeDockerArchive(path.join(dir, 'arm.tar'), await buildImage({ architecture: 'arm64', layers: [{ files: { a: 'x' } }] }));
    const other = await runCli(['analyze', '--ci', '--baseline', arm, smallImage], { cwd: dir });
    assert.equal(other.exit, 2);
    assert.match(other.stderr, /baseline is linux\/arm64 but the image is linux\/amd64/);
    assert.equal(other.stdout, '');
  });

  test('progress goes to stderr only when it is a TTY, the format is tty and CI is unset', async () => {
    const run = async (format: string, env: Record<string, string>): Promise<{ out: string; err: string }> => {
      let out = '';
      let err = '';
      await main(['analyze', '-f', format, smallImage], {
        stdout: { write: (s: string) => (out += s), isTTY: false },
        stderr: { write: (s: string) => (err += s), isTTY: true } as { write(s: string): unknown },
        stdin: Readable.from([]),
        env,
        cwd: dir,
      });
      return { out, err };
    };
    const tty = await run('tty', {});
    assert.match(tty.err, /analyzing layer 2\/2/);
    assert.ok(!tty.out.includes('analyzing'));
    assert.equal((await run('json', {})).err, '');
    assert.equal((await run('tty', { CI: 'true' })).err, '');
    assert.equal((await runCli(['analyze', smallImage])).stderr, '');
  });

  test('a missing image is exit 2 with one line', async () => {
    const r = await runCli(['analyze', path.join(dir, 'nope.tar')]);
    assert.equal(r.exit, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^whittle: .*no such file/);
  });
});
