// `whittle lint` end to end: main() in-process with fake streams for every format and every kind of bad
// input, and once through the real binary.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import type { Log as SarifLog } from 'sarif';
import type { ExitCode } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { LINT_FORMATS } from '../../src/report/index.js';
import type { LintFormat } from '../../src/report/index.js';
import { sarifSchemaErrors } from '../../src/report/testing.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

let dir = '';

/** Runs `whittle ARGS` in the temp dir with no config file, no env and ShellCheck off, so only our rules speak. */
async function whittle(args: readonly string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['lint', '--shellcheck', 'off', ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([Buffer.from(stdin)]),
    env: {},
    cwd: dir,
  });
  assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace on stderr');
  return { code, stdout, stderr };
}

const CLEAN = 'FROM scratch\nCOPY app /app\nUSER 65534\nENTRYPOINT ["/app"]\n';
// Relative WORKDIR (DL3000, an error) and unpinned apt packages: findings in every ruleset's taste.
const FINDINGS = 'FROM debian:12\nWORKDIR app\nRUN apt-get update && apt-get install -y curl\nCMD node "server.js" <in> & echo 100%\n';

/** Bad inputs: what each one's stderr line must say, and the line it must name when one is known. */
const BAD: Readonly<Record<string, { readonly content?: string | Buffer; readonly says: RegExp; readonly line?: number }>> = {
  'missing.Dockerfile': { says: /no such file/ },
  'a-directory': { says: /is a directory/ },
  'binary.Dockerfile': { content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0a]), says: /binary/, line: 1 },
  'empty.Dockerfile': { content: '', says: /empty/ },
  'readme.Dockerfile': { content: '# Hello\n\nThis is a readme, not a build recipe.\n', says: /not a Dockerfile/, line: 1 },
  'latin1.Dockerfile': { content: Buffer.concat([Buffer.from('FROM alpine:3.20\nLABEL who="Jos'), Buffer.from([0xe9]), Buffer.from('"\n')]), says: /UTF-8/, line: 2 },
  'unknown.Dockerfile': { content: 'FROM alpine:3.20\nFORM alpine\n', says: /unknown instruction "FORM"/, line: 2 },
  'heredoc.Dockerfile': { content: 'FROM alpine:3.20\nRUN <<EOF\necho never closed\n', says: /unterminated heredoc/, line: 2 },
  'json-array.Dockerfile': { content: 'FROM alpine:3.20\nUSER nobody\nCMD ["sh", "-c"\n', says: /unterminated JSON array/, line: 3 },
};

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'whittle-cli-'));
  await writeFile(path.join(dir, 'clean.Dockerfile'), CLEAN);
  await writeFile(path.join(dir, 'findings.Dockerfile'), FINDINGS);
  await mkdir(path.join(dir, 'a-directory'));
  for (const [name, { content }] of Object.entries(BAD)) if (content !== undefined) await writeFile(path.join(dir, name), content);
  // Root reads any file whatever its mode, so a link to nowhere is the unreadable file every user gets.
  await symlink(path.join(dir, 'nowhere'), path.join(dir, 'dangling.Dockerfile'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Checks that `output` is a well-formed document of `format` and returns how many findings it reports. */
function parsed(format: LintFormat, output: string): number {
  switch (format) {
    case 'json': {
      const v = JSON.parse(output) as { schemaVersion: number; findings: unknown[] };
      assert.equal(v.schemaVersion, 1);
      return v.findings.length;
    }
    case 'hadolint-json':
    case 'gitlab': {
      const v = JSON.parse(output) as { check_name?: string; code?: string }[];
      assert.ok(Array.isArray(v));
      return v.filter((x) => (x.code ?? x.check_name) !== 'DL1000').length;
    }
    case 'sarif': {
      const v = JSON.parse(output) as SarifLog;
      assert.deepEqual(sarifSchemaErrors(v), [], 'valid SARIF 2.1.0');
      return v.runs[0]?.results?.length ?? -1;
    }
    case 'junit':
    case 'checkstyle': {
      assert.equal(XMLValidator.validate(output), true, 'well-formed XML');
      return format === 'junit' ? (output.match(/<failure /g) ?? []).length : (output.match(/<error [^>]*source="(?!DL1000")/g) ?? []).length;
    }
    case 'github': {
      const lines = output.split('\n').filter(Boolean);
      for (const l of lines) assert.match(l, /^::(error|warning|notice)( [^:]*)?::/);
      return lines.filter((l) => !l.includes('title=DL1000') && l.includes('file=')).length;
    }
    case 'tty': {
      const summary = /(\d+) findings? \(/.exec(output);
      assert.ok(summary, 'a summary line');
      return Number(summary[1]);
    }
  }
}

describe('every format through main()', () => {
  for (const format of LINT_FORMATS) {
    test(`--format ${format}: exit 0 when clean, 1 on findings, 2 when a file is unreadable`, async () => {
      const clean = await whittle(['-f', format, 'clean.Dockerfile']);
      assert.equal(clean.code, 0, clean.stdout);
      assert.equal(clean.stderr, '');
      assert.equal(parsed(format, clean.stdout), 0);

      const dirty = await whittle(['--format', format, 'findings.Dockerfile', 'clean.Dockerfile']);
      assert.equal(dirty.code, 1);
      assert.equal(dirty.stderr, '');
      assert.ok(parsed(format, dirty.stdout) >= 2, 'reports the findings');
      assert.match(dirty.stdout, /DL3000/);

      const broken = await whittle(['-f', format, 'findings.Dockerfile', 'missing.Dockerfile']);
      assert.equal(broken.code, 2);
      assert.equal(parsed(format, broken.stdout), parsed(format, dirty.stdout), 'the readable file is still reported in full');
      assert.match(broken.stdout, /missing\.Dockerfile/, 'the unreadable file shows in the report too');
      assert.equal(broken.stderr, 'whittle: missing.Dockerfile: cannot read: no such file\n');
    });
  }
});

describe('bad input: one stderr line naming the file, exit 2, the other files still linted', () => {
  for (const [name, { says, line }] of [...Object.entries(BAD), ['dangling.Dockerfile', { says: /no such file/ }] as const]) {
    test(name, async () => {
      const r = await whittle(['-f', 'json', 'findings.Dockerfile', name, 'clean.Dockerfile']);
      assert.equal(r.code, 2);
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, r.stderr);
      const where = line === undefined ? `whittle: ${name}: ` : `whittle: ${name}:${line}: `;
      assert.ok(lines[0]?.startsWith(where), `"${lines[0]}" starts with "${where}"`);
      assert.match(lines[0] ?? '', says);
      const report = JSON.parse(r.stdout) as { findings: { file: string; rule: string }[]; errors: { file: string; line: number | null }[] };
      assert.ok(report.findings.some((f) => f.file === 'findings.Dockerfile' && f.rule === 'DL3000'), 'the file before it is linted');
      assert.ok(report.findings.every((f) => f.file === 'findings.Dockerfile'), 'the clean file after it is linted and clean');
      assert.deepEqual(report.errors.map((e) => [e.file, e.line]), [[name, line ?? null]]);
    });
  }

  test('every bad input in one run: one line each, in order, and the good files still reported', async () => {
    const bad = [...Object.keys(BAD), 'dangling.Dockerfile'];
    const r = await whittle(['-f', 'tty', 'clean.Dockerfile', ...bad, 'findings.Dockerfile']);
    assert.equal(r.code, 2);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.deepEqual(lines.map((l) => /^whittle: ([^:]+)/.exec(l)?.[1]), bad);
    assert.match(r.stdout, /^findings\.Dockerfile$/m);
    assert.match(r.stdout, new RegExp(`${bad.length + 2} files: .*, ${bad.length} not linted`));
  });
});

describe('inputs that are fine', () => {
  test('stdin is linted as <stdin>', async () => {
    const r = await whittle(['-f', 'json', '-'], FINDINGS);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { findings: { file: string }[] };
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((f) => f.file === '<stdin>'));
  });

  test('a 1 MB Dockerfile lints', async () => {
    const lines = ['FROM alpine:3.20', 'RUN echo start \\'];
    let size = 0;
    while (size < 1024 * 1024) {
      const l = `    && echo ${'x'.repeat(1000)} \\`;
      lines.push(l);
      size += l.length + 1;
    }
    lines.push('    && echo done', 'USER nobody');
    await writeFile(path.join(dir, 'big.Dockerfile'), `${lines.join('\n')}\n`);
    const r = await whittle(['-f', 'json', 'big.Dockerfile', 'findings.Dockerfile']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { findings: { file: string; line: number }[]; errors: unknown[] };
    assert.deepEqual(report.errors, []);
    assert.ok(report.findings.every((f) => f.file !== 'big.Dockerfile' || f.line <= lines.length));
  });

  test('a 5,000-instruction Dockerfile lints, and findings point at its last lines too', async () => {
    const lines = ['FROM debian:12'];
    for (let i = 1; i < 5000; i++) lines.push(i % 2 ? `ENV VAR_${i}=value_${i}` : `LABEL key${i}="value ${i}"`);
    lines[4999] = 'WORKDIR relative';
    await writeFile(path.join(dir, 'many.Dockerfile'), `${lines.join('\n')}\n`);
    const r = await whittle(['-f', 'hadolint-json', 'many.Dockerfile']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1);
    const entries = JSON.parse(r.stdout) as { code: string; line: number }[];
    assert.ok(entries.some((e) => e.code === 'DL3000' && e.line === 5000), 'DL3000 on line 5000');
  });
});

describe('the real binary', () => {
  test('node bin/whittle.js lint -f json prints JSON and sets the exit code', async () => {
    const bin = path.join(repo, 'bin', 'whittle.js');
    assert.ok(existsSync(path.join(repo, 'dist', 'whittle.js')), 'dist/whittle.js exists (run npm run build first)');
    const run = promisify(execFile);
    const env = { PATH: process.env.PATH ?? '' };
    const clean = await run(process.execPath, [bin, 'lint', '--shellcheck', 'off', '-f', 'json', 'clean.Dockerfile'], { cwd: dir, env });
    assert.equal((JSON.parse(clean.stdout) as { findings: unknown[] }).findings.length, 0);
    await assert.rejects(
      run(process.execPath, [bin, 'lint', '--shellcheck', 'off', '-f', 'json', 'findings.Dockerfile', 'missing.Dockerfile'], { cwd: dir, env }),
      (e: { code?: number; stdout?: string; stderr?: string }) => {
        assert.equal(e.code, 2);
        assert.ok((JSON.parse(e.stdout ?? '') as { findings: unknown[] }).findings.length > 0);
        assert.equal(e.stderr, 'whittle: missing.Dockerfile: cannot read: no such file\n');
        return true;
      },
    );
  });
});

test('secrets on a flagged line are masked in every format, the quoted source line included', async () => {
  const token = ['ghp', 'Zq8Lm3Xr7Tb2Wn5Yc9Vd4Hs6Kf1Gj0Pa2Qe7Ru'].join('_');
  const text = `FROM debian:12\nENV GITHUB_TOKEN=${token} DB_PASSWORD=hunter2\nENV API_SECRET s3cr3t-value\n`;
  for (const format of LINT_FORMATS) {
    const r = await whittle(['--format', format, '-'], text);
    assert.equal(r.code, 1, `${format}: ${r.stderr}`);
    for (const raw of [token, 'hunter2', 's3cr3t-value']) assert.ok(!r.stdout.includes(raw), `${format} shows ${raw}`);
  }
  const tty = await whittle(['-'], text);
  assert.match(tty.stdout, /│ ENV GITHUB_TOKEN=ghp_…\(42 chars, sha256:[0-9a-f]{8}\) DB_PASSWORD=h…\(7 chars, sha256:[0-9a-f]{8}\)\n/);
  assert.match(tty.stdout, /│ ENV API_SECRET s3c…\(12 chars, sha256:[0-9a-f]{8}\)\n/);
});
