// The .dockerignore matcher against moby's patternmatcher and ignorefile cases (restated here: they are the spec).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanPath, compilePatterns, dockerignoreCandidates, parseDockerignore, readIgnoreLines } from './dockerignore.js';
import type { Matcher } from './dockerignore.js';

function matcher(patterns: readonly string[]): Matcher {
  const m = compilePatterns(patterns.map((pattern, i) => ({ pattern, line: i + 1 })), '.dockerignore');
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

// moby's package-level `Matches`: the path is cleaned first and the context root is never excluded.
function matchesPath(path: string, patterns: readonly string[]): boolean {
  const clean = cleanPath(path);
  return clean === '.' ? false : matcher(patterns).ignores(clean);
}

// [pattern, path, excluded]: one pattern against one path, parent directories included.
const single: readonly (readonly [string, string, boolean])[] = [
  ['**', 'file', true],
  ['**', 'file/', true],
  ['**/', 'file', true],
  ['**/', 'file/', true],
  ['**', '/', true],
  ['**/', '/', true],
  ['**', 'dir/file', true],
  ['**/', 'dir/file', true],
  ['**', 'dir/file/', true],
  ['**/', 'dir/file/', true],
  ['**/**', 'dir/file', true],
  ['**/**', 'dir/file/', true],
  ['dir/**', 'dir/file', true],
  ['dir/**', 'dir/file/', true],
  ['dir/**', 'dir/dir2/file', true],
  ['dir/**', 'dir/dir2/file/', true],
  ['**/dir', 'dir', true],
  ['**/dir', 'dir/file', true],
  ['**/dir2/*', 'dir/dir2/file', true],
  ['**/dir2/*', 'dir/dir2/file/', true],
  ['**/dir2/**', 'dir/dir2/dir3/file', true],
  ['**/dir2/**', 'dir/dir2/dir3/file/', true],
  ['**file', 'file', true],
  ['**file', 'dir/file', true],
  ['**/file', 'dir/file', true],
  ['**file', 'dir/dir/file', true],
  ['**/file', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file', true],
  ['**/file*', 'dir/dir/file.txt', true],
  ['**/file*txt', 'dir/dir/file.txt', true],
  ['**/file*.txt', 'dir/dir/file.txt', true],
  ['**/file*.txt*', 'dir/dir/file.txt', true],
  ['**/**/*.txt', 'dir/dir/file.txt', true],
  ['**/**/*.txt2', 'dir/dir/file.txt', false],
  ['**/*.txt', 'file.txt', true],
  ['**/**/*.txt', 'file.txt', true],
  ['a**/*.txt', 'a/file.txt', true],
  ['a**/*.txt', 'a/dir/file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true],
  ['a/*.txt', 'a/dir/file.txt', false],
  ['a/*.txt', 'a/file.txt', true],
  ['a/*.txt**', 'a/file.txt', true],
  ['a[b-d]e', 'ae', false],
  ['a[b-d]e', 'ace', true],
  ['a[b-d]e', 'aae', false],
  ['a[^b-d]e', 'aze', true],
  ['.*', '.foo', true],
  ['.*', 'foo', false],
  ['abc.def', 'abcdef', false],
  ['abc.def', 'abc.def', true],
  ['abc.def', 'abcZdef', false],
  ['abc?def', 'abcZdef', true],
  ['abc?def', 'abcdef', false],
  ['a\\\\', 'a\\', true],
  ['**/foo/bar', 'foo/bar', true],
  ['**/foo/bar', 'dir/foo/bar', true],
  ['**/foo/bar', 'dir/dir2/foo/bar', true],
  ['abc/**', 'abc', false],
  ['abc/**', 'abc/def', true],
  ['abc/**', 'abc/def/ghi', true],
  ['**/.foo', '.foo', true],
  ['**/.foo', 'bar.foo', false],
  ['a(b)c/def', 'a(b)c/def', true],
  ['a(b)c/def', 'a(b)c/xyz', false],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  ['dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  ['a\\*b', 'a*b', true],
];

// [patterns, path, excluded]: later patterns win, `!` re-includes.
const multi: readonly (readonly [readonly string[], string, boolean])[] = [
  [['**', '!util/docker/web'], 'util/docker/web/foo', false],
  [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
  [['**', '!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
  [['**', '!dist/*.whl'], 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', false],
];

// Go's filepath.Match cases as moby runs them through `Matches`; 'bad' marks a pattern that must be refused.
const goMatch: readonly (readonly [string, string, boolean | 'bad'])[] = [
  ['abc', 'abc', true],
  ['*', 'abc', true],
  ['*c', 'abc', true],
  ['a*', 'a', true],
  ['a*', 'abc', true],
  ['a*', 'ab/c', true],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[\\-x]', '-', true],
  ['[\\-x]', 'a', false],
  ['[]a]', ']', 'bad'],
  ['[-]', '-', 'bad'],
  ['[x-]', 'x', 'bad'],
  ['[x-]', '-', 'bad'],
  ['[x-]', 'z', 'bad'],
  ['[-x]', 'x', 'bad'],
  ['[-x]', '-', 'bad'],
  ['[-x]', 'a', 'bad'],
  ['\\', 'a', 'bad'],
  ['[a-b-c]', 'a', 'bad'],
  ['[', 'a', 'bad'],
  ['[^', 'a', 'bad'],
  ['[^bc', 'a', 'bad'],
  ['a[', 'a', 'bad'],
  ['a[', 'ab', 'bad'],
  ['*x', 'xxx', true],
];

describe('dockerignore: one pattern (moby TestMatches)', () => {
  for (const [pattern, path, want] of single) {
    test(`${pattern} ${want ? 'excludes' : 'keeps'} ${path}`, () => {
      assert.equal(matcher([pattern]).ignores(path), want);
    });
  }
});

describe('dockerignore: several patterns in order', () => {
  for (const [patterns, path, want] of multi) {
    test(`${patterns.join(' ')} ${want ? 'excludes' : 'keeps'} ${path}`, () => {
      assert.equal(matcher(patterns).ignores(path), want);
    });
  }
});

describe('dockerignore: Go filepath.Match cases (moby TestMatch)', () => {
  for (const [pattern, path, want] of goMatch) {
    test(`${pattern} vs ${path}: ${String(want)}`, () => {
      const m = compilePatterns([{ pattern, line: 3 }], 'ctx/.dockerignore');
      if (want === 'bad') {
        assert.equal(m.ok, false, 'refused');
        if (!m.ok) {
          assert.equal(m.error.where.line, 3);
          assert.equal(m.error.where.file, 'ctx/.dockerignore');
          assert.ok(m.error.message.includes(pattern), m.error.message);
        }
        return;
      }
      assert.equal(matchesPath(path, [pattern]), want);
    });
  }
});

describe('dockerignore: moby simple cases', () => {
  test('* excludes a file at the root', () => assert.equal(matchesPath('fileutils.go', ['*']), true));
  test('*.go excludes a Go file', () => assert.equal(matchesPath('fileutils.go', ['*.go']), true));
  test('an exception before the pattern does not help', () => assert.equal(matchesPath('fileutils.go', ['!fileutils.go', '*.go']), true));
  test('a directory then an exception for a file in it', () => assert.equal(matchesPath('docs/README.md', ['docs', '!docs/README.md']), false));
  test('a directory with a trailing slash then an exception', () => assert.equal(matchesPath('docs/README.md', ['docs/', '!docs/README.md']), false));
  test('dir/* then an exception', () => assert.equal(matchesPath('docs/README.md', ['docs/*', '!docs/README.md']), false));
  test('a pattern then its exception', () => assert.equal(matchesPath('fileutils.go', ['*.go', '!fileutils.go']), false));
  test('the context root is never excluded', () => assert.equal(matchesPath('.', ['*.go']), false));
  test('no patterns exclude nothing', () => assert.equal(matchesPath('/any/path/there', []), false));
  test('a lone ! is an error', () => {
    const m = compilePatterns([{ pattern: '!', line: 1 }], '.dockerignore');
    assert.equal(m.ok, false);
    if (!m.ok) assert.match(m.error.message, /exclusion pattern/);
  });
  test('empty patterns are dropped; exceptions are flagged', () => {
    const m = matcher(['docs', 'config', '', '  !docs/README.md  ']);
    assert.equal(m.patterns.length, 3);
    assert.equal(m.hasExclusions, true);
    assert.equal(matcher(['docs', 'config']).hasExclusions, false);
  });
  test('a backwards class range is refused when compiled (moby fails on the first match)', () => {
    assert.equal(compilePatterns([{ pattern: '[Local-Only]/', line: 1 }], '.dockerignore').ok, false);
  });
});

describe('dockerignore: reading the file (moby ignorefile rules)', () => {
  test('moby ReadAll example', () => {
    const text = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ';
    assert.deepEqual(readIgnoreLines(text).map((l) => l.pattern), ['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!']);
  });
  test('line numbers count comments and blank lines', () => {
    assert.deepEqual(readIgnoreLines('# c\n\nnode_modules\n').map((l) => l.line), [3]);
  });
  test('a BOM before a first-line comment', () => {
    assert.deepEqual(readIgnoreLines('\uFEFF# comment\n.git').map((l) => l.pattern), ['.git']);
  });
  test('CRLF line ends', () => {
    assert.deepEqual(readIgnoreLines('a\r\nb\r\n').map((l) => l.pattern), ['a', 'b']);
  });
  test('a comment only at the very start of a line', () => {
    assert.deepEqual(readIgnoreLines('  # not a comment').map((l) => l.pattern), ['# not a comment']);
  });
  test('./ and .. are cleaned', () => {
    assert.deepEqual(readIgnoreLines('./a/b/../c/\n!./x//y').map((l) => l.pattern), ['a/c', '!x/y']);
  });
  test('anchored at the root: no implicit **/', () => {
    const m = parseDockerignore('*.log\nnode_modules', '.dockerignore');
    assert.ok(m.ok);
    if (!m.ok) return;
    assert.equal(m.value.ignores('a.log'), true);
    assert.equal(m.value.ignores('sub/a.log'), false);
    assert.equal(m.value.ignores('node_modules/x/index.js'), true);
    assert.equal(m.value.ignores('pkg/node_modules/x'), false);
  });
  test('a leading slash anchors the same way', () => {
    const m = parseDockerignore('/build\n', '.dockerignore');
    assert.ok(m.ok && m.value.ignores('build/out.o'));
  });
  test('an exception re-includes a file inside an excluded directory', () => {
    const m = parseDockerignore('docs\n!docs/keep.md\n', '.dockerignore');
    assert.ok(m.ok);
    if (!m.ok) return;
    assert.equal(m.value.ignores('docs/keep.md'), false);
    assert.equal(m.value.ignores('docs/other.md'), true);
  });
  test('an escaped wildcard is literal', () => {
    const m = parseDockerignore('file\\?\n', '.dockerignore');
    assert.ok(m.ok);
    if (!m.ok) return;
    assert.equal(m.value.ignores('file?'), true);
    assert.equal(m.value.ignores('filex'), false);
  });
  test('a bad pattern names its line', () => {
    const m = parseDockerignore('# head\nok\nfoo[\n', 'ctx/.dockerignore');
    assert.equal(m.ok, false);
    if (!m.ok) assert.deepEqual([m.error.where.file, m.error.where.line], ['ctx/.dockerignore', 3]);
  });
  test('a lone ! after trimming names its line', () => {
    const m = parseDockerignore('a\n!  \n', '.dockerignore');
    assert.equal(m.ok, false);
    if (!m.ok) assert.equal(m.error.where.line, 2);
  });
  test('skipsDir: only when no exception can reach inside', () => {
    const m = parseDockerignore('docs\nbuild\n!docs/keep.md\n', '.dockerignore');
    assert.ok(m.ok);
    if (!m.ok) return;
    assert.equal(m.value.skipsDir('build'), true);
    assert.equal(m.value.skipsDir('docs'), false);
    assert.equal(m.value.skipsDir('src'), false);
  });
  test('a Dockerfile-specific ignore file is looked for first', () => {
    assert.deepEqual(dockerignoreCandidates('app/Dockerfile.dev', 'ctx'), ['app/Dockerfile.dev.dockerignore', 'ctx/.dockerignore']);
  });
});
