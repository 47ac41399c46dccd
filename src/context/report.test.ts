// The context report over synthetic walks: WH5xx findings, config and pragmas, per-COPY figures, and the proof
// that a suggested .dockerignore never excludes a path a COPY names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDockerfile } from '../dockerfile/parse.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { parseDockerignore } from './dockerignore.js';
import { contextReport, copyNamedPaths, escapePattern } from './report.js';
import type { ContextReport, ReportInput } from './report.js';
import type { ContextFile, ContextWalk } from './walk.js';

const TOKEN = 'npm_abcdefghijABCDEFGHIJ0123456789abcdef';

function df(text: string): Dockerfile {
  const parsed = parseDockerfile(text, 'Dockerfile');
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function walkOf(paths: readonly string[], ignore = ''): ContextWalk {
  const m = ignore === '' ? null : parseDockerignore(ignore, '.dockerignore');
  if (m !== null && !m.ok) throw m.error;
  const all: ContextFile[] = paths.map((p) => ({ path: p, bytes: p.length * 10, type: 'file' }));
  const files = all.filter((f) => m === null || !m.value.ignores(f.path));
  const excluded = all.filter((f) => !files.includes(f));
  const dirs = [...new Set(files.flatMap((f) => f.path.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'))))];
  return { files, excluded, dirs, unreadable: [], sizeBytes: files.reduce((n, f) => n + f.bytes, 0), ignoredBytes: excluded.reduce((n, f) => n + f.bytes, 0) };
}

const TREE = [
  'Dockerfile', 'package.json', 'package-lock.json', 'src/index.js', 'src/lib/a.js', 'README.md',
  '.git/HEAD', '.git/objects/ab/cd', 'node_modules/x/index.js', 'test/a.test.js', 'test/fixtures/data.json',
  'dist/bundle.js', 'coverage/lcov.info', 'npm-debug.log', 'logs/app.log', '.DS_Store', 'src/.DS_Store',
  '.idea/workspace.xml', '.env', '.env.example', '.npmrc', 'keys/id_rsa', '__pycache__/m.pyc',
];

const CONTENT: Readonly<Record<string, string>> = {
  '.env': `NPM_TOKEN=${TOKEN}\n`,
  '.npmrc': `//registry.npmjs.org/:_authToken=${TOKEN}\n`,
  'keys/id_rsa': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
  '.env.example': 'NPM_TOKEN=changeme\n',
};

function report(dockerfile: string, opts: Partial<ReportInput> & { paths?: readonly string[]; ignore?: string } = {}): ContextReport {
  const ignore = opts.ignore ?? '';
  const m = ignore === '' ? null : parseDockerignore(ignore, '.dockerignore');
  if (m !== null && !m.ok) throw m.error;
  return contextReport({
    walk: walkOf(opts.paths ?? TREE, ignore),
    dockerfile: df(dockerfile),
    matcher: m === null ? null : m.value,
    ignoreText: ignore,
    peek: (p) => CONTENT[p] ?? '',
    ...opts,
  });
}

function rules(r: ContextReport): string[] {
  return r.findings.map((f) => f.rule);
}

const NODE = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/index.js"]\n';

describe('context findings', () => {
  test('junk of every kind is found, each once, with the bytes it would save', () => {
    const r = report(NODE);
    const byRule = (id: string): string[] => r.findings.filter((f) => f.rule === id).map((f) => f.location.path ?? '');
    assert.deepEqual(byRule('WH500'), ['.git/']);
    assert.deepEqual(byRule('WH501'), ['node_modules/']);
    assert.deepEqual(byRule('WH502'), ['__pycache__/']);
    assert.deepEqual(byRule('WH503').sort(), ['coverage/', 'dist/']);
    assert.deepEqual(byRule('WH504').sort(), ['**/*.log', 'logs/']);
    assert.deepEqual(byRule('WH505').sort(), ['**/.DS_Store', '.idea/']);
    assert.deepEqual(byRule('WH506'), ['test/']);
    assert.deepEqual(byRule('WH507').sort(), ['.env', '.npmrc', 'keys/id_rsa']);
    const git = r.findings.find((f) => f.rule === 'WH500');
    assert.equal(git?.bytes, '.git/HEAD'.length * 10 + '.git/objects/ab/cd'.length * 10);
  });

  test('secrets are masked: the value never appears, its fingerprint does', () => {
    const r = report(NODE);
    const text = JSON.stringify(r.findings);
    assert.equal(text.includes(TOKEN), false);
    const env = r.findings.find((f) => f.location.path === '.env');
    assert.match(env?.message ?? '', /npm token npm_…\(40 chars, sha256:[0-9a-f]{8}\)/);
    // COPY . . puts it in the image: an error, not a warning.
    assert.equal(env?.severity, 'error');
  });

  test('a clean .npmrc and an .env template are not secrets', () => {
    const r = contextReport({ walk: walkOf(['.npmrc', '.env.example', 'a.js']), dockerfile: df('FROM scratch\nCOPY a.js /\n'), matcher: null, ignoreText: '', peek: () => 'registry=https://registry.npmjs.org/\n' });
    assert.deepEqual(rules(r), []);
  });

  test('a secret sent but never copied is a warning', () => {
    const r = report('FROM scratch\nCOPY src /src\n');
    assert.equal(r.findings.find((f) => f.location.path === '.env')?.severity, 'warning');
  });

  test('dependency dirs and build outputs count only when the build recreates them; tests only when it runs none', () => {
    const plain = report('FROM scratch\nCOPY . /app\n');
    assert.equal(rules(plain).includes('WH501'), false);
    assert.equal(rules(plain).includes('WH503'), false);
    const tested = report('FROM node:20\nCOPY . .\nRUN npm ci && npm test\n');
    assert.equal(rules(tested).includes('WH506'), false);
    const usesGit = report('FROM alpine\nCOPY . .\nRUN git describe --tags > VERSION\n');
    assert.equal(rules(usesGit).includes('WH500'), false);
  });

  test('what .dockerignore already excludes is not reported', () => {
    const r = report(NODE, { ignore: '.git\nnode_modules\n**/*.log\n' });
    assert.equal(rules(r).includes('WH500'), false);
    assert.equal(rules(r).includes('WH501'), false);
    assert.equal(r.findings.some((f) => f.location.path === '**/*.log'), false);
    assert.ok(r.ignoredBytes > 0);
  });

  test('COPY . . before npm ci: WH510 with its cache impact; manifests first: none', () => {
    const r = report(NODE);
    const f = r.findings.find((x) => x.rule === 'WH510');
    assert.equal(f?.location.line, 3);
    assert.match(f?.message ?? '', /before `npm ci` \(line 4\)/);
    assert.match(f?.cacheImpact ?? '', /every change to any of \d+ copied files .* re-runs `npm ci` and the 3 instructions after this one/);
    const good = report('FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src ./src\nRUN npm run build\n');
    assert.equal(rules(good).includes('WH510'), false);
  });

  test('a COPY source that matches nothing is an error (the build fails)', () => {
    const r = report('FROM scratch\nCOPY missing.txt /x\nCOPY *.nothing /y\nCOPY --from=build /a /b\nADD https://example.com/x /z\n');
    assert.deepEqual(r.findings.filter((f) => f.rule === 'WH511').map((f) => [f.location.line, f.location.path]), [[2, 'missing.txt'], [3, '*.nothing']]);
    const excluded = report('FROM scratch\nCOPY README.md /x\n', { ignore: '*.md\n' });
    assert.deepEqual(excluded.findings.filter((f) => f.rule === 'WH511').map((f) => f.location.path), ['README.md']);
  });
});

describe('config and pragmas, as lint applies them', () => {
  test('config ignore lists and overrides', () => {
    const r = report(NODE, { ignored: ['WH500', 'WH506'], overrides: { WH505: 'ignore', WH504: 'error' } });
    assert.equal(rules(r).some((id) => id === 'WH500' || id === 'WH506' || id === 'WH505'), false);
    assert.ok(r.findings.filter((f) => f.rule === 'WH504').every((f) => f.severity === 'error'));
  });

  test('`# hadolint ignore=` on the line before silences a COPY finding; global ignore silences context ones', () => {
    const quiet = report('FROM node:20\n# hadolint ignore=WH510\nCOPY . .\nRUN npm ci\n');
    assert.equal(rules(quiet).includes('WH510'), false);
    const global = report('# hadolint global ignore=WH500\nFROM node:20\nCOPY . .\nRUN npm ci\n');
    assert.equal(rules(global).includes('WH500'), false);
    assert.ok(rules(global).includes('WH510'));
    const off = report('FROM node:20\n# hadolint ignore=WH510\nCOPY . .\nRUN npm ci\n', { pragmas: false });
    assert.ok(rules(off).includes('WH510'));
  });
});

describe('per COPY', () => {
  test('files, bytes, heuristic unused files and what re-runs', () => {
    const r = report(NODE);
    const c = r.copies[0];
    assert.equal(c?.line, 3);
    assert.equal(c?.fileCount, TREE.length);
    assert.equal(c?.unused.heuristic, true);
    assert.ok((c?.unused.examples ?? []).includes('.git/HEAD'));
    assert.deepEqual(c?.invalidates.map((i) => i.line), [4, 5, 6]);
    const narrow = report('FROM scratch\nCOPY src/ /app/src/\nCOPY package*.json /app/\n');
    assert.deepEqual(narrow.copies.map((x) => x.fileCount), [3, 2]);
  });
});

// Dockerfiles whose COPY sources name paths inside what a naive suggestion would exclude.
const NEEDS: readonly string[] = [
  NODE,
  'FROM scratch\nCOPY test/fixtures /fixtures\nCOPY . /app\n',
  'FROM scratch\nCOPY .env /app/.env\nCOPY src /app/src\n',
  'FROM scratch\nCOPY dist/ /srv/\n',
  'FROM scratch\nCOPY node_modules /app/node_modules\nRUN npm ci\n',
  'FROM scratch\nCOPY .git/HEAD /rev\n',
  'FROM scratch\nCOPY logs/*.log /logs/\nCOPY npm-debug.log /\n',
  'FROM scratch\nCOPY ["keys/id_rsa", "/root/.ssh/id_rsa"]\n',
  'FROM scratch\nCOPY coverage /cov\nCOPY .idea /idea\n',
  'FROM scratch\nCOPY src/.DS_Store /x\nCOPY __pycache__ /p\n',
];

describe('the suggested .dockerignore', () => {
  test('never excludes a path a COPY names (and says which candidates it kept for a COPY)', () => {
    for (const text of NEEDS) {
      const r = report(text);
      const m = parseDockerignore(r.suggestion.text, '.dockerignore');
      assert.ok(m.ok, text);
      const named = copyNamedPaths(df(text), walkOf(TREE)).filter((p) => p !== '.');
      for (const p of named) assert.equal(m.value.ignores(p), false, `${text}: ${p} is excluded by\n${r.suggestion.text}`);
      // The build still gets every COPY source: no new WH511.
      const again = report(text, { ignore: r.suggestion.text });
      assert.equal(rules(again).includes('WH511'), false, text);
    }
  });

  test('it excludes the junk, keeps the user lines first, and shrinks the context', () => {
    const r = report(NODE, { ignore: '# mine\n*.md\n' });
    assert.ok(r.suggestion.text.startsWith('# mine\n*.md\n'));
    for (const line of ['.git', 'node_modules', '**/*.log', '**/.DS_Store', '.env', '.npmrc', 'test']) assert.ok(r.suggestion.added.includes(line), line);
    assert.ok(r.suggestion.sizeBytes < r.sizeBytes);
    const again = report(NODE, { ignore: r.suggestion.text });
    assert.deepEqual(again.suggestion.added, []);
    assert.equal(rules(again).some((id) => ['WH500', 'WH501', 'WH504', 'WH505', 'WH507'].includes(id)), false);
  });

  test('a bind mount of a junk path keeps it out of the suggestion', () => {
    const r = report('FROM node:20\nRUN --mount=type=bind,source=test/fixtures,target=/f npm ci\nCOPY src /app/src\n');
    assert.deepEqual(r.suggestion.keptForCopy, ['test']);
  });

  test('COPY of a junk path keeps it out of the suggestion', () => {
    const r = report('FROM scratch\nCOPY test/fixtures /fixtures\nCOPY .env /app/.env\nCOPY . /app\n');
    assert.deepEqual([...r.suggestion.keptForCopy].sort(), ['.env', 'test']);
    assert.equal(r.suggestion.added.includes('test'), false);
  });

  test('escaped names match exactly themselves', () => {
    const names = ['a*b', 'q?', 'w[1]', 'back\\slash', 'p+q', 'paren(1)', 'pipe|x', 'caret^', 'd$', '#hash', '!bang', ' lead', 'trail ', 'ünï 日本'];
    for (const name of names) {
      const m = parseDockerignore(`${escapePattern(name)}\n`, '.dockerignore');
      assert.ok(m.ok, name);
      assert.equal(m.value.ignores(name), true, name);
      for (const other of names) if (other !== name && other.trim() !== name.trim()) assert.equal(m.value.ignores(other), false, `${name} vs ${other}`);
    }
  });
});
