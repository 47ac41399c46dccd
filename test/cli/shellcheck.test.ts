// ShellCheck end to end with the real binary: findings at Dockerfile lines, pragmas, modes, and a missing binary.
// These tests need `shellcheck` on PATH (.ci/run installs it) and fail, never skip, without it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findShellcheck, setupShellcheck, shellcheckRunner, SHELLCHECK_MISSING_NOTE } from '../../src/cli/shellcheck.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import type { Finding } from '../../src/rules/rule.js';
import { runCli } from './helpers.js';

interface JsonFinding {
  readonly rule: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly file: string;
}

interface JsonReport {
  readonly findings: readonly JsonFinding[];
  readonly notes: readonly string[];
}

let dir = '';
let bin: string | null = null;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'whittle-shellcheck-'));
  bin = await findShellcheck({ PATH: process.env.PATH }, dir);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function shellcheckBin(): string {
  assert.ok(bin !== null, 'shellcheck must be on PATH for these tests (apt-get install shellcheck; .ci/run installs it)');
  return bin;
}

/** Lints `code` as json in a temp dir with no config files; HOME points there too so no user config leaks in. */
async function lint(code: string, args: readonly string[] = [], env: Record<string, string | undefined> = { PATH: process.env.PATH }) {
  const file = path.join(dir, 'Dockerfile');
  await writeFile(file, code);
  const run = await runCli(['lint', '-f', 'json', ...args, 'Dockerfile'], { cwd: dir, env: { HOME: dir, ...env } });
  const report = JSON.parse(run.stdout) as JsonReport;
  return { ...run, report, sc: report.findings.filter((f) => f.rule.startsWith('SC')) };
}

function where(findings: readonly Pick<JsonFinding, 'rule' | 'line'>[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}`);
}

describe('whittle lint with ShellCheck', () => {
  test('shellcheck is installed', () => {
    assert.match(execFileSync(shellcheckBin(), ['--version']).toString(), /version: \d+\.\d+/);
  });

  test('an unquoted, undeclared variable: SC2086 and SC2154 at the RUN line', async () => {
    shellcheckBin();
    const { sc, exit } = await lint('FROM debian:12\nRUN echo $foo\n');
    assert.deepEqual(where(sc), ['SC2086@2', 'SC2154@2']);
    assert.deepEqual(sc.map((f) => [f.column, f.severity]), [[10, 'info'], [10, 'warning']]);
    assert.equal(exit, 1);
  });

  test('ARG in scope: still SC2086 (quoting), no SC2154', async () => {
    shellcheckBin();
    const { sc } = await lint('FROM debian:12\nARG foo\nRUN echo $foo\n');
    assert.deepEqual(where(sc), ['SC2086@3']);
  });

  test('a 3-line continued RUN reports the physical line', async () => {
    shellcheckBin();
    const { sc } = await lint('FROM debian:12\nRUN apt-get update \\\n    && echo ok \\\n    && echo $FOO\n');
    assert.deepEqual(sc.map((f) => [f.rule, f.line, f.column]), [['SC2086', 4, 13]]);
  });

  test('# hadolint ignore=SC2086 silences it, on any line of the RUN', async () => {
    shellcheckBin();
    const one = await lint('FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $FOO\n');
    assert.deepEqual(where(one.sc), []);
    const continued = await lint('FROM debian:12\n# hadolint ignore=SC2086\nRUN true \\\n  && echo $FOO\nRUN echo $BAR\n');
    assert.deepEqual(where(continued.sc), ['SC2086@5']);
  });

  test('--ignore and severity overrides apply to SC codes', async () => {
    shellcheckBin();
    assert.deepEqual(where((await lint('FROM debian:12\nRUN echo $foo\n', ['--ignore', 'SC2086'])).sc), ['SC2154@2']);
    const raised = await lint('FROM debian:12\nRUN echo $FOO\n', ['--error', 'SC2086']);
    assert.deepEqual(raised.sc.map((f) => f.severity), ['error']);
  });

  test('--shellcheck off: no SC findings and no note', async () => {
    shellcheckBin();
    const { sc, report } = await lint('FROM debian:12\nRUN echo $foo\n', ['--shellcheck', 'off']);
    assert.deepEqual(sc, []);
    assert.deepEqual(report.notes, []);
  });

  test('auto without shellcheck on PATH: exactly one note, exit code as with --shellcheck off', async () => {
    const code = 'FROM debian:12\nRUN echo $foo\n';
    const missing = await lint(code, [], { PATH: path.join(dir, 'no-such-dir') });
    assert.deepEqual(missing.sc, []);
    assert.deepEqual(missing.report.notes, [SHELLCHECK_MISSING_NOTE]);
    const off = await lint(code, ['--shellcheck', 'off'], { PATH: path.join(dir, 'no-such-dir') });
    assert.equal(missing.exit, off.exit);
    await writeFile(path.join(dir, 'Other'), code);
    const two = await runCli(['lint', '-f', 'json', 'Dockerfile', 'Other'], { cwd: dir, env: { HOME: dir, PATH: '' } });
    assert.deepEqual((JSON.parse(two.stdout) as JsonReport).notes, [SHELLCHECK_MISSING_NOTE], 'one note for many files');
  });

  test('--shellcheck on without shellcheck: exit 2 with one line', async () => {
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM debian:12\nRUN echo hi\n');
    const run = await runCli(['lint', '--shellcheck', 'on', 'Dockerfile'], { cwd: dir, env: { HOME: dir, PATH: '' } });
    assert.equal(run.exit, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^whittle: .*shellcheck.*\n$/);
  });

  test('WHITTLE_SHELLCHECK_PATH names the binary when PATH lacks it', async () => {
    const { sc } = await lint('FROM debian:12\nRUN echo $FOO\n', ['--shellcheck', 'on'], { PATH: '', WHITTLE_SHELLCHECK_PATH: shellcheckBin() });
    assert.deepEqual(where(sc), ['SC2086@2']);
  });
});

describe('setupShellcheck', () => {
  test('off adds nothing; auto with the binary adds no note', async () => {
    assert.deepEqual(await setupShellcheck('off', { PATH: process.env.PATH }, dir), { notes: [] });
    shellcheckBin();
    const hook = await setupShellcheck('auto', { PATH: process.env.PATH }, dir);
    assert.deepEqual(hook.notes, []);
    assert.ok(hook.extraFindings);
  });

  test('a script that outlives the timeout is skipped with a note', async () => {
    const notes: string[] = [];
    const run = shellcheckRunner(shellcheckBin(), { PATH: process.env.PATH }, notes, { timeoutMs: 1 });
    const parsed = parseDockerfile('FROM debian:12\nRUN echo $FOO\n');
    assert.ok(parsed.ok);
    assert.deepEqual(await run('Dockerfile', parsed.value), []);
    assert.equal(notes.length, 1);
    assert.match(notes[0] ?? '', /Dockerfile:2/);
  });
});

// hadolint's ShellcheckSpec, case by case: does ShellCheck report anything for the Dockerfile?
describe('hadolint ShellcheckSpec', () => {
  async function check(code: string, onbuild = false): Promise<Finding[]> {
    const text = onbuild ? code.replace(/^RUN /gm, 'ONBUILD RUN ') : code;
    const parsed = parseDockerfile(text);
    assert.ok(parsed.ok, text);
    return shellcheckRunner(shellcheckBin(), { PATH: process.env.PATH }, [])('Dockerfile', parsed.value);
  }
  const cases: readonly { name: string; code: string; fails: boolean; onbuildFails?: boolean }[] = [
    { name: 'runs shellcheck on RUN', code: 'RUN echo $MISSING_QUOTES', fails: true },
    { name: 'valid script', code: 'RUN echo foo', fails: false },
    { name: 'exec form', code: 'RUN ["foobar", "$f"]', fails: false },
    {
      name: 'default proxy variables',
      code: ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy']
        .map((v) => `RUN echo "$${v}"`).join('\n'),
      fails: false,
    },
    { name: 'missing env var', code: 'RUN echo "$RTTP_PROXY"', fails: true },
    {
      name: 'aware of ARG and ENV',
      code: 'ARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nRUN echo "$foo"\nRUN echo "$another_foo"\nRUN echo "$bar"\nRUN echo "$baz"',
      fails: false,
      onbuildFails: true, // ARGs do not reach the child image that runs an ONBUILD trigger
    },
    { name: 'resets vars after FROM', code: 'ARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nFROM debian\nRUN echo "$foo"', fails: true },
    { name: 'defaults the shell to sh', code: 'RUN echo $RANDOM', fails: true },
    {
      name: 'SHELL changes the dialect to bash',
      code: 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN echo $RANDOM',
      fails: false,
      onbuildFails: false, // hadolint fails here and calls it debatable: the child inherits the SHELL
    },
    { name: 'SHELL resets after FROM', code: 'SHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM debian\nRUN echo $RANDOM', fails: true },
    { name: 'ash shell', code: 'SHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN echo hello', fails: false },
    { name: 'pwsh', code: 'SHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value', fails: false },
    { name: 'cmd.exe', code: 'SHELL ["cmd.exe", "/c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value', fails: false },
    {
      name: 'shell pragma',
      code: 'FROM mcr.microsoft.com/foo/bar/windows:10\n# hadolint shell = powershell.exe\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value',
      fails: false,
    },
    {
      name: 'global shell pragma',
      code: '# hadolint shell=powershell.exe\nFROM windows:10\nRUN Get-Variable x | Select-Object -ExpandProperty Value\nFROM windows:10\nRUN Get-Variable y | Select-Object -ExpandProperty Value',
      fails: false,
    },
    {
      name: 'SHELL propagates to a stage built on it',
      code: 'FROM ubuntu:24.04 AS base\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\n\nFROM base\nRUN source /etc/os-release',
      fails: false,
    },
    {
      name: 'SHELL does not propagate to an unrelated stage',
      code: 'FROM ubuntu:24.04 AS base\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\n\nFROM ubuntu:24.04\nRUN source /etc/os-release',
      fails: true,
    },
    {
      name: 'SHELL propagates past an unrelated stage',
      code: 'FROM something AS nothing\nFROM ubuntu:24.04 AS base\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nFROM nothing\nFROM base\nRUN source /etc/os-release',
      fails: false,
    },
    {
      name: 'SHELL propagates through two stages',
      code: 'FROM ubuntu:24.04 AS base\nSHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\nFROM base AS next\nRUN foobar && barfoo | tee logfile\nFROM next\nRUN source /etc/os-release',
      fails: false,
    },
  ];
  for (const c of cases) {
    test(`${c.name}: ${c.fails ? 'fails' : 'passes'}`, async () => {
      const found = await check(c.code);
      assert.equal(found.length > 0, c.fails, JSON.stringify(found.map((f) => f.rule)));
      assert.ok(found.every((f) => /^SC\d+$/.test(f.rule)));
    });
    if (!c.code.includes('RUN [')) {
      const onbuildFails = c.onbuildFails ?? c.fails;
      test(`${c.name} as ONBUILD: ${onbuildFails ? 'fails' : 'passes'}`, async () => {
        const found = await check(c.code, true);
        assert.equal(found.length > 0, onbuildFails, JSON.stringify(found.map((f) => f.rule)));
      });
    } else {
      test(`${c.name} as ONBUILD: passes`, async () => {
        assert.deepEqual(await check(c.code, true), []);
      });
    }
  }
});
