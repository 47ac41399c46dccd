// The context walker on real trees: symlinks, unicode and spaces, deep nesting, unreadable entries, 100,000 files.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { makeTree, TREE_FILES, TREE_LINKS } from '../../test/context/tree.js';
import { parseDockerignore } from './dockerignore.js';
import type { Matcher } from './dockerignore.js';
import { walkContext } from './walk.js';

const root = mkdtempSync(path.join(tmpdir(), 'whittle-walk-'));
after(() => rmSync(root, { recursive: true, force: true }));

function fresh(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir);
  return dir;
}

function matcher(text: string): Matcher {
  const m = parseDockerignore(text, '.dockerignore');
  if (!m.ok) throw m.error;
  return m.value;
}

describe('walkContext', () => {
  test('without an ignore file every file and symlink is sent; symlinks are not followed', () => {
    const dir = fresh('plain');
    makeTree(dir);
    const walk = walkContext(dir, null);
    const want = [...TREE_FILES, ...TREE_LINKS.map(([l]) => l)].sort();
    assert.deepEqual(walk.files.map((f) => f.path).sort(), want);
    assert.equal(walk.files.find((f) => f.path === 'dirlink')?.type, 'symlink');
    assert.equal(walk.files.some((f) => f.path.startsWith('dirlink/')), false);
    assert.equal(walk.files.find((f) => f.path === 'broken')?.bytes, 0);
    assert.equal(walk.sizeBytes, TREE_FILES.filter((f) => f !== 'Dockerfile').reduce((n, f) => n + Buffer.byteLength(`${f}\n`), 0) + Buffer.byteLength('FROM scratch\nCOPY . /ctx\n'));
    assert.ok(walk.dirs.includes('empty-dir'));
    assert.deepEqual(walk.unreadable, []);
  });

  test('excluded files are counted as saved, and a pruned directory is still measured', () => {
    const dir = fresh('excluded');
    makeTree(dir);
    const walk = walkContext(dir, matcher('.git\nnode_modules\n*.md\n'));
    assert.equal(walk.files.some((f) => f.path.startsWith('.git/') || f.path.startsWith('node_modules/')), false);
    assert.deepEqual(walk.excluded.map((f) => f.path).sort(), ['.git/HEAD', '.git/objects/ab/cdef', 'README.md', 'b.md', 'node_modules/.bin/tool', 'node_modules/pkg/index.js']);
    assert.equal(walk.ignoredBytes, walk.excluded.reduce((n, f) => n + f.bytes, 0));
    assert.ok(walk.ignoredBytes > 0);
  });

  test('a re-included file inside an excluded directory is walked to (no pruning)', () => {
    const dir = fresh('reinclude');
    makeTree(dir);
    const walk = walkContext(dir, matcher('dir\n!dir/sub/deep.md\n'));
    assert.deepEqual(walk.files.filter((f) => f.path.startsWith('dir/')).map((f) => f.path), ['dir/sub/deep.md']);
  });

  test('buildah pruning skips a directory no `!` pattern names; buildkit pruning does not', () => {
    const dir = fresh('pruning');
    makeTree(dir);
    const m = matcher('*\n!**/*.go\n');
    const kit = walkContext(dir, m).files.map((f) => f.path);
    const bah = walkContext(dir, m, { pruning: 'buildah' }).files.map((f) => f.path);
    assert.ok(kit.includes('src/main.go'));
    assert.equal(bah.includes('src/main.go'), false);
  });

  test('the per-directory fast path answers exactly as `ignores`', () => {
    const dir = fresh('agree');
    makeTree(dir);
    const sets = [
      '*.md\n!README.md', 'dir\n!dir/sub', '**/*.txt\n!dir/**', 'a**/*.txt', 'file\\d', '**/j/*.txt', 'src/*_test.go',
      '.*\n!.env.example', 'dir/sub/deep.txt\n!dir', '**/*.md\n!**/README.md', '**/sub\n!dir/sub/deep.md',
      '**/.git\n**/file.txt\n!dir/file.txt', '**/*.txt\n!**/a.txt\n**/c.txt', '*\n!**/*.go\n**/main*', 'deep/a/b/c\n!deep/a/b/c/d/e/**',
    ];
    for (const text of sets) {
      const m = matcher(text);
      for (const pruning of ['buildkit', 'buildah'] as const) {
        const walk = walkContext(dir, m, { pruning });
        const kept = new Set(walk.files.map((f) => f.path));
        for (const f of [...walk.files, ...walk.excluded]) if (kept.has(f.path) || pruning === 'buildkit') assert.equal(kept.has(f.path), !m.ignores(f.path), `${text} / ${f.path}`);
      }
    }
  });

  test('unreadable files and directories are reported (and one inside an excluded directory is not)', () => {
    const dir = fresh('unreadable');
    writeFileSync(path.join(dir, 'secret.txt'), 'x');
    writeFileSync(path.join(dir, 'ok.txt'), 'y');
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'a'), 'z');
    mkdirSync(path.join(dir, 'skipped'));
    writeFileSync(path.join(dir, 'skipped', 'b'), 'z');
    chmodSync(path.join(dir, 'secret.txt'), 0o000);
    chmodSync(path.join(dir, 'locked'), 0o000);
    chmodSync(path.join(dir, 'skipped'), 0o000);
    // Judged for an ordinary user even when the tests run as root (root reads everything).
    const reader = { uid: 4242, gids: [4242] };
    const walk = walkContext(dir, matcher('skipped\n'), { reader, measureExcluded: false });
    assert.deepEqual(walk.unreadable.map((u) => [u.path, u.reason, u.sent]), [['locked', 'permission denied', true], ['secret.txt', 'permission denied', true]]);
    assert.deepEqual(walk.files.map((f) => f.path), ['ok.txt']);
    chmodSync(path.join(dir, 'locked'), 0o755);
    chmodSync(path.join(dir, 'skipped'), 0o755);
  });

  test('deep nesting: 200 levels', () => {
    const dir = fresh('deep');
    const parts = Array.from({ length: 200 }, (_, i) => `d${i % 10}`);
    mkdirSync(path.join(dir, ...parts), { recursive: true });
    writeFileSync(path.join(dir, ...parts, 'leaf.txt'), 'leaf');
    const walk = walkContext(dir, matcher('**/d9/d0/d1/leaf.txt\n'));
    assert.equal(walk.files.length, 1);
    const walk2 = walkContext(dir, matcher('d0/**/leaf.*\n'));
    assert.equal(walk2.files.length, 0);
    assert.equal(walk2.excluded[0]?.path, `${parts.join('/')}/leaf.txt`);
  });

  test('100,000 files with symlinks, unicode and space names: every one accounted for', { timeout: 300_000 }, () => {
    const dir = fresh('big');
    let made = 0;
    for (let d = 0; d < 100; d++) {
      const sub = path.join(dir, `dïr ${d}`, d % 2 === 0 ? 'node_modules' : 'src');
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 1000; f++) {
        const name = path.join(sub, f % 100 === 0 ? `link ${f}` : `fïle ${f}.${f % 3 === 0 ? 'log' : 'js'}`);
        if (f % 100 === 0) symlinkSync('elsewhere', name);
        else writeFileSync(name, '');
        made++;
      }
    }
    assert.equal(made, 100_000);
    const started = performance.now();
    const walk = walkContext(dir, matcher('**/node_modules\n*/src/*.log\n!*/src/fïle 3.log\n'));
    const ms = performance.now() - started;
    assert.equal(walk.files.length + walk.excluded.length, 100_000);
    // 50 node_modules dirs of 1,000, then in src/: every third file is a .log (f % 3 === 0, f % 100 !== 0) except `fïle 3.log`.
    const logsPerSrc = Array.from({ length: 1000 }, (_, f) => f).filter((f) => f % 100 !== 0 && f % 3 === 0 && f !== 3).length;
    assert.equal(walk.excluded.length, 50_000 + 50 * logsPerSrc);
    assert.ok(walk.files.some((f) => f.path === 'dïr 1/src/fïle 3.log'));
    assert.ok(ms < 60_000, `walk took ${ms} ms`);
  });
});
