// `whittle context` end to end on real directories: formats, the suggestion and --write, bad input, --verify.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { parseDockerignore } from '../../src/context/dockerignore.js';
import { requireTools } from '../fixtures/registry.js';
import { runCli } from './helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'whittle-context-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

const TOKEN = 'npm_abcdefghijABCDEFGHIJ0123456789abcdef';

function project(name: string, files: Readonly<Record<string, string>>): string {
  const dir = path.join(root, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const APP: Readonly<Record<string, string>> = {
  Dockerfile: 'FROM scratch\nCOPY app.js /app/\nCOPY test/fixtures /fixtures\nCOPY . /ctx\n',
  'app.js': 'console.log("hi")\n',
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/objects/aa/bb': 'x'.repeat(5000),
  'test/fixtures/in.json': '{}\n',
  'test/unit.test.js': 'test()\n',
  'debug.log': 'log\n'.repeat(100),
  '.env': `NPM_TOKEN=${TOKEN}\n`,
  '.DS_Store': 'junk',
};

describe('whittle context', () => {
  test('json: the documented shape, with --files', async () => {
    const dir = project('json', { ...APP, '.dockerignore': '*.md\n' });
    const r = await runCli(['context', dir, '--format', 'json', '--files']);
    assert.equal(r.exit, 1, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { findings: { rule: string; message: string }[]; files: { path: string; bytes: number }[] };
    assert.equal(out.schemaVersion, 1);
    assert.equal(out.fileCount, 10);
    assert.equal(out.files.length, 10);
    assert.equal(out.sizeBytes, out.files.reduce((n, f) => n + f.bytes, 0));
    assert.equal(out.ignoredBytes, 0);
    assert.deepEqual([...new Set(out.findings.map((f) => f.rule))].sort(), ['WH500', 'WH504', 'WH505', 'WH506', 'WH507']);
    assert.equal(r.stdout.includes(TOKEN), false);
    assert.ok(out.files.some((f) => f.path === '.git/objects/aa/bb' && f.bytes === 5000));
  });

  test('tty and markdown name the totals and findings', async () => {
    const dir = project('tty', APP);
    const tty = await runCli(['context', dir, '--no-fail']);
    assert.equal(tty.exit, 0);
    assert.match(tty.stdout, /9 files, .* sent to the builder/);
    assert.match(tty.stdout, /WH500 warning \.git\/: 2 files/);
    assert.match(tty.stdout, /line 4: COPY \. \/ctx: 9 files/);
    const md = await runCli(['context', dir, '--format', 'markdown']);
    assert.match(md.stdout, /^## Build context/);
    assert.match(md.stdout, /\| WH507 \| error \|/);
  });

  test('--suggest prints a .dockerignore that keeps what COPY names; nothing is written', async () => {
    const dir = project('suggest', APP);
    const r = await runCli(['context', dir, '--suggest']);
    assert.equal(r.exit, 0, r.stderr);
    assert.equal(existsSync(path.join(dir, '.dockerignore')), false);
    const m = parseDockerignore(r.stdout, '.dockerignore');
    assert.ok(m.ok);
    assert.equal(m.value.ignores('.git/HEAD'), true);
    assert.equal(m.value.ignores('app.js'), false);
    assert.equal(m.value.ignores('test/fixtures/in.json'), false);
    assert.match(r.stderr, /not suggested: test \(a COPY names a path it would exclude\)/);
  });

  test('--write-dockerignore writes only with --write, atomically, keeping the user lines', async () => {
    const dir = project('write', { ...APP, '.dockerignore': '# mine\n*.md\n' });
    const dry = await runCli(['context', dir, '--write-dockerignore']);
    assert.equal(readFileSync(path.join(dir, '.dockerignore'), 'utf8'), '# mine\n*.md\n');
    assert.match(dry.stderr, /not written; add --write/);
    const wet = await runCli(['context', dir, '--write-dockerignore', '--write']);
    assert.equal(wet.exit, 0, wet.stderr);
    const written = readFileSync(path.join(dir, '.dockerignore'), 'utf8');
    assert.equal(written, dry.stdout);
    assert.ok(written.startsWith('# mine\n*.md\n# added by whittle'));
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes('.whittle-')), []);
    const usage = await runCli(['context', dir, '--write']);
    assert.equal(usage.exit, 2);
  });

  test('bad input: one line each, exit 2 where the build would fail', async () => {
    const missing = await runCli(['context', path.join(root, 'nope')]);
    assert.equal(missing.exit, 2);
    assert.match(missing.stderr, /^whittle: .*nope: build context not found\n$/);
    const badIgnore = project('bad-ignore', { Dockerfile: 'FROM scratch\n', '.dockerignore': 'ok\n# c\n[z-a]\n' });
    const bad = await runCli(['context', badIgnore]);
    assert.equal(bad.exit, 2);
    assert.match(bad.stderr, /\.dockerignore:3: syntax error in pattern "\[z-a\]"\n$/);
    const noDf = project('no-df', { 'a.txt': 'a' });
    const nodf = await runCli(['context', noDf]);
    assert.equal(nodf.exit, 2);
    assert.match(nodf.stderr, /Dockerfile: cannot read Dockerfile: no such file\n$/);
    const src = project('missing-src', { Dockerfile: 'FROM scratch\nCOPY gone.txt /\n', 'a.txt': 'a' });
    const gone = await runCli(['context', src, '--format', 'json']);
    assert.equal(gone.exit, 2);
    assert.match(gone.stdout, /"WH511"/);
    const outside = project('outside', { 'ctx/a.txt': 'a', 'Dockerfile': 'FROM scratch\nCOPY a.txt /\n' });
    const out = await runCli(['context', path.join(outside, 'ctx'), '--file', path.join(outside, 'Dockerfile')]);
    assert.equal(out.exit, 0, out.stderr);
    assert.match(out.stdout, /note: .*Dockerfile is outside the build context/);
  });

  test('a per-Dockerfile ignore file wins over .dockerignore', async () => {
    const dir = project('per-df', { ...APP, 'app.Dockerfile': 'FROM scratch\nCOPY app.js /\n', 'app.Dockerfile.dockerignore': '*.log\n', '.dockerignore': '' });
    const r = await runCli(['context', dir, '--file', path.join(dir, 'app.Dockerfile'), '--format', 'json', '--files']);
    const out = JSON.parse(r.stdout) as { dockerignore: string; ignoredCount: number; files: { path: string }[] };
    assert.match(out.dockerignore, /app\.Dockerfile\.dockerignore$/);
    assert.equal(out.ignoredCount, 1);
    assert.equal(out.files.some((f) => f.path === 'debug.log'), false);
  });

  test('config ignore lists apply (--ignore and a config file)', async () => {
    const dir = project('config', { ...APP, '.whittle.yaml': 'ignore: [WH500]\n' });
    const r = await runCli(['context', dir, '--format', 'json', '--ignore', 'WH507'], { cwd: dir });
    const rules = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    assert.equal(rules.includes('WH507'), false);
    assert.equal(rules.includes('WH500'), false);
    assert.ok(rules.includes('WH504'));
  });

  test('--verify builds with the current and the suggested .dockerignore (buildah, FROM scratch)', { timeout: 300_000 }, async (t) => {
    if (!(await requireTools(t, 'buildah'))) return;
    const dir = project('verify', APP);
    const r = await runCli(['context', dir, '--verify', '--format', 'json', '--no-fail']);
    assert.equal(r.exit, 0, r.stderr);
    const v = (JSON.parse(r.stdout) as { verify: { current: { ok: boolean; imageBytes: number; contextBytes: number }; suggested: { ok: boolean; imageBytes: number; contextBytes: number } } }).verify;
    assert.equal(v.current.ok, true);
    assert.equal(v.suggested.ok, true);
    assert.ok(v.suggested.contextBytes < v.current.contextBytes);
    assert.ok(v.suggested.imageBytes < v.current.imageBytes, JSON.stringify(v));
    // The suggestion dropped the .git objects (5000 bytes) from the COPY . /ctx layer.
    assert.ok(v.current.imageBytes - v.suggested.imageBytes >= 5000);
  });
});
