// BuildKit's ruleset through the command line: `--build-arg` (BUILDKIT_DOCKERFILE_CHECK included), `# check=`
// notes and error=true in the exit code, and `whittle rules --origin`.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './helpers.js';

let dir = '';

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'whittle-bk-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface JsonOut {
  readonly findings: readonly { readonly rule: string; readonly severity: string; readonly line: number; readonly aliases?: readonly string[] }[];
  readonly notes: readonly string[];
}

async function lintJson(dockerfile: string, extra: readonly string[] = []): Promise<{ exit: number; out: JsonOut; stderr: string }> {
  const file = path.join(dir, 'Dockerfile');
  await writeFile(file, dockerfile);
  const r = await runCli(['lint', '--shellcheck', 'off', '-f', 'json', ...extra, file], { cwd: dir, env: {} });
  return { exit: r.exit, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
}

describe('whittle lint with BuildKit checks', () => {
  test('--build-arg without = is a usage error (exit 2) naming it', async () => {
    const r = await runCli(['lint', '--shellcheck', 'off', '--build-arg', 'VERSION', 'Dockerfile'], { cwd: dir, env: {} });
    assert.equal(r.exit, 2);
    assert.match(r.stderr, /--build-arg expects NAME=VALUE, got "VERSION"/);
  });

  test('error=true turns a BuildKit warning into an error and fails the run', async () => {
    const base = 'FROM alpine:3.20\nENV APP_HOME /srv\n';
    const plain = await lintJson(base, ['-t', 'error']);
    assert.equal(plain.exit, 0);
    assert.equal(plain.out.findings.find((f) => f.rule === 'LegacyKeyValueFormat')?.severity, 'warning');
    const failing = await lintJson(`# check=error=true\n${base}`, ['-t', 'error']);
    assert.equal(failing.exit, 1);
    assert.equal(failing.out.findings.find((f) => f.rule === 'LegacyKeyValueFormat')?.severity, 'error');
  });

  test('BUILDKIT_DOCKERFILE_CHECK replaces the directive', async () => {
    const r = await lintJson('# check=error=true\nFROM alpine:3.20\nENV APP_HOME /srv\n', ['-t', 'error', '--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=skip=LegacyKeyValueFormat']);
    assert.equal(r.exit, 0);
    assert.ok(!r.out.findings.some((f) => f.rule === 'LegacyKeyValueFormat'));
  });

  test('a malformed # check= gives one note naming it, and linting goes on', async () => {
    const r = await lintJson('# check=skip=NoSuchRule;bogus=1\nFROM alpine:3.20\nENV APP_HOME /srv\n');
    assert.deepEqual(r.out.notes.filter((n) => n.includes('check')), [
      `${path.join(dir, 'Dockerfile')}:1: # check=: invalid check option "bogus": known options are skip, error and experimental`,
      `${path.join(dir, 'Dockerfile')}:1: # check=: unknown rule "NoSuchRule" in check options`,
    ]);
    assert.ok(r.out.findings.some((f) => f.rule === 'LegacyKeyValueFormat'));
  });

  test('a malformed build argument is noted once', async () => {
    const r = await lintJson('FROM alpine:3.20\n', ['--build-arg', 'BUILDKIT_DOCKERFILE_CHECK=error=maybe']);
    assert.deepEqual(r.out.notes.filter((n) => n.includes('BUILDKIT_DOCKERFILE_CHECK')), [
      '--build-arg BUILDKIT_DOCKERFILE_CHECK: invalid check option "error=maybe": error takes true or false',
    ]);
  });

  test('a merged finding shows the BuildKit name in aliases; --ignore takes it', async () => {
    const r = await lintJson('FROM alpine:3.20\nCMD ./server\n');
    const f = r.out.findings.find((x) => x.rule === 'DL3025');
    assert.deepEqual(f?.aliases, ['JSONArgsRecommended']);
    const ignored = await lintJson('FROM alpine:3.20\nCMD ./server\n', ['--ignore', 'JSONArgsRecommended']);
    assert.ok(!ignored.out.findings.some((x) => x.rule === 'DL3025'));
  });
});

describe('whittle rules --origin', () => {
  test('lists only BuildKit rules, each with its origin', async () => {
    const r = await runCli(['rules', '--origin', 'buildkit', '--format', 'json']);
    assert.equal(r.exit, 0);
    const doc = JSON.parse(r.stdout) as { rules: { id: string; origin: string; severity: string }[] };
    assert.ok(doc.rules.length >= 16);
    assert.ok(doc.rules.every((x) => x.origin === 'buildkit'));
    assert.ok(doc.rules.some((x) => x.id === 'JSONArgsRecommended'));
    assert.equal(doc.rules.find((x) => x.id === 'InvalidDefinitionDescription')?.severity, 'ignore');
  });

  test('without --origin the table has BuildKit and hadolint rules', async () => {
    const r = await runCli(['rules']);
    assert.match(r.stdout, /^StageNameCasing +dockerfile +warning +style +buildkit /m);
    assert.match(r.stdout, /^DL3000 .* hadolint /m);
  });

  test('an unknown origin is a usage error', async () => {
    const r = await runCli(['rules', '--origin', 'docker']);
    assert.equal(r.exit, 2);
  });
});
