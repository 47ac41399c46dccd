// Config end to end: `whittle lint` run in-process in a temp directory holding a Dockerfile and a config file.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../cli/main.js';

interface Run {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface JsonFinding {
  readonly rule: string;
  readonly severity: string;
}

let root = '';

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'whittle-config-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

// Each test gets its own project and home directory, so no real ~/.hadolint.yaml can leak in.
async function project(name: string, files: Readonly<Record<string, string>>): Promise<{ cwd: string; home: string }> {
  const cwd = path.join(root, name, 'project');
  const home = path.join(root, name, 'home');
  await mkdir(cwd, { recursive: true });
  await mkdir(home, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(file.startsWith('~/') ? home : cwd, file.replace(/^~\//, ''));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  return { cwd, home };
}

async function run(argv: readonly string[], where: { cwd: string; home: string }, env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const exit = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env: { HOME: where.home, ...env },
    cwd: where.cwd,
  });
  return { exit, stdout, stderr };
}

function findings(r: Run): JsonFinding[] {
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

// Other rules may fire on this file too; assertions look at DL3000 and derive the exit code from what was reported.
const DOCKERFILE = 'FROM scratch\nWORKDIR app\nWORKDIR /srv\n';

function expectedExit(found: readonly JsonFinding[], atOrAbove: readonly string[]): number {
  return found.some((f) => atOrAbove.includes(f.severity)) ? 1 : 0;
}

describe('whittle lint with config', () => {
  test('without config DL3000 is an error', async () => {
    const where = await project('plain', { Dockerfile: DOCKERFILE });
    const r = await run(['lint', '-f', 'json'], where);
    const dl3000 = findings(r).filter((f) => f.rule === 'DL3000');
    assert.deepEqual(dl3000.map((f) => f.severity), ['error']);
    assert.equal(r.exit, 1);
  });

  test('.hadolint.yaml in the working directory ignores a rule', async () => {
    const where = await project('ignore', { Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored:\n  - DL3000\n' });
    const r = await run(['lint', '-f', 'json'], where);
    assert.deepEqual(findings(r).filter((f) => f.rule === 'DL3000'), []);
    assert.equal(r.stderr, '');
  });

  test('.hadolint.yaml overrides a severity and sets the threshold', async () => {
    const where = await project('override', {
      Dockerfile: DOCKERFILE,
      '.hadolint.yaml': 'override:\n  style:\n    - DL3000\nfailure-threshold: error\n',
    });
    const r = await run(['lint', '-f', 'json'], where);
    const found = findings(r);
    assert.deepEqual(found.filter((f) => f.rule === 'DL3000').map((f) => f.severity), ['style']);
    assert.equal(r.exit, expectedExit(found, ['error']));
  });

  test('a flag outranks the file: --failure-threshold style fails on the overridden finding', async () => {
    const where = await project('flag-wins', { Dockerfile: DOCKERFILE, '.hadolint.yaml': 'override:\n  style: [DL3000]\nfailure-threshold: error\n' });
    const r = await run(['lint', '-f', 'json', '--failure-threshold', 'style'], where);
    assert.equal(r.exit, 1);
  });

  test('env outranks the file: HADOLINT_NOFAIL=0 undoes no-fail: true', async () => {
    const where = await project('env-wins', { Dockerfile: DOCKERFILE, '.hadolint.yaml': 'no-fail: true\n' });
    assert.equal((await run(['lint', '-f', 'json'], where)).exit, 0);
    assert.equal((await run(['lint', '-f', 'json'], where, { HADOLINT_NOFAIL: '0' })).exit, 1);
  });

  test('HADOLINT_IGNORE and WHITTLE_OVERRIDE_* work without a file', async () => {
    const where = await project('env-only', { Dockerfile: DOCKERFILE });
    const ignored = await run(['lint', '-f', 'json'], where, { HADOLINT_IGNORE: 'DL3000' });
    assert.deepEqual(findings(ignored).filter((f) => f.rule === 'DL3000'), []);
    const info = await run(['lint', '-f', 'json'], where, { WHITTLE_OVERRIDE_INFO: 'DL3000' });
    assert.deepEqual(findings(info).filter((f) => f.rule === 'DL3000').map((f) => f.severity), ['info']);
  });

  test('.whittle.yaml wins over .hadolint.yaml beside it', async () => {
    const where = await project('both', {
      Dockerfile: DOCKERFILE,
      '.whittle.yaml': 'override:\n  warning: [DL3000]\n',
      '.hadolint.yaml': 'ignored: [DL3000]\n',
    });
    const r = await run(['lint', '-f', 'json'], where);
    assert.deepEqual(findings(r).filter((f) => f.rule === 'DL3000').map((f) => f.severity), ['warning']);
  });

  test('a config in home is found when the project has none', async () => {
    const where = await project('home', { Dockerfile: DOCKERFILE, '~/.config/hadolint.yaml': 'ignored: [DL3000]\n' });
    const r = await run(['lint', '-f', 'json', '--verbose'], where);
    assert.deepEqual(findings(r).filter((f) => f.rule === 'DL3000'), []);
    assert.equal(r.stderr, `whittle: config file: ${path.join(where.home, '.config', 'hadolint.yaml')}\n`);
  });

  test('--config picks a file explicitly', async () => {
    const where = await project('explicit', {
      Dockerfile: DOCKERFILE,
      '.hadolint.yaml': 'ignored: [DL3000]\n',
      'ci/lint.yaml': 'override:\n  info: [DL3000]\n',
    });
    const r = await run(['lint', '-f', 'json', '--config', 'ci/lint.yaml'], where);
    assert.deepEqual(findings(r).filter((f) => f.rule === 'DL3000').map((f) => f.severity), ['info']);
  });

  test('format: from the config file applies when --format is not given', async () => {
    const where = await project('format', { Dockerfile: DOCKERFILE, '.whittle.yaml': 'format: json\n' });
    const fromFile = await run(['lint'], where);
    assert.ok(findings(fromFile).some((f) => f.rule === 'DL3000'));
    const fromFlag = await run(['lint', '--format', 'tty'], where);
    assert.throws(() => JSON.parse(fromFlag.stdout) as unknown);
    assert.match(fromFlag.stdout, /DL3000/);
  });

  test('hadolint\'s --error/--warning/--info/--style and --disable-ignore-pragma flags', async () => {
    const where = await project('hadolint-flags', { Dockerfile: '# hadolint ignore=DL3000\nWORKDIR app\n' });
    const silenced = await run(['lint', '-f', 'json'], where);
    assert.deepEqual(findings(silenced).filter((f) => f.rule === 'DL3000'), []);
    const r = await run(['lint', '-f', 'json', '--disable-ignore-pragma', '--warning', 'DL3000'], where);
    assert.deepEqual(findings(r).filter((f) => f.rule === 'DL3000').map((f) => f.severity), ['warning']);
  });

  const broken: readonly [string, Readonly<Record<string, string>>, readonly string[], Record<string, string>, string][] = [
    ['an unknown key in .whittle.yaml', { '.whittle.yaml': 'noFail: true\nfailure-threshold: error\n' }, [], {},
      'whittle: .whittle.yaml:2: unknown key "failure-threshold" (whittle spells it "failureThreshold")\n'],
    ['a bad value in .hadolint.yaml', { '.hadolint.yaml': 'ignored:\n  - 3000\n' }, [], {},
      'whittle: .hadolint.yaml:2: ignored[0]: expected a string, got 3000\n'],
    ['malformed YAML', { '.hadolint.yaml': 'ignored: [DL3000\nno-fail: true\n' }, [], {}, 'whittle: .hadolint.yaml:'],
    ['a missing --config file', {}, ['--config', 'missing.yaml'], {}, 'whittle: missing.yaml: config file not found\n'],
    ['a bad WHITTLE_ variable', {}, [], { WHITTLE_FAILURE_THRESHOLD: 'loud' },
      'whittle: WHITTLE_FAILURE_THRESHOLD: expected one of error, warning, info, style, none, got "loud"\n'],
  ];
  for (const [name, files, args, env, message] of broken) {
    test(`${name}: one line on stderr, exit 2, nothing linted`, async () => {
      const where = await project(`broken-${name.replace(/\W+/g, '-')}`, { Dockerfile: DOCKERFILE, ...files });
      const r = await run(['lint', '-f', 'json', ...args], where, env);
      assert.equal(r.exit, 2);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.startsWith(message), r.stderr);
      assert.equal(r.stderr.split('\n').length, 2, 'exactly one line');
    });
  }
});
