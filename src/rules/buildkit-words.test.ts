// BuildKit's word expansion, suggestions and image-name check, case by case (BuildKit's shell lexer tests' behaviours).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expandWord, isValidImageRef, suggestName } from './buildkit-words.js';

const env = new Map([['A', 'alpha'], ['EMPTY', ''], ['P', 'dir/sub/file.tar.gz']]);

describe('expandWord', () => {
  const cases: readonly (readonly [string, string, readonly string[], readonly string[]])[] = [
    ['plain', 'plain', [], []],
    ['$A-$B', 'alpha-', ['A'], ['B']],
    ['${A}x${B}', 'alphax', ['A'], ['B']],
    ['${B:-$A}', 'alpha', ['A'], ['B']],
    ['${EMPTY:-d}', 'd', ['EMPTY'], []],
    ['${EMPTY-d}', '', ['EMPTY'], []],
    ['${A:+set}', 'set', ['A'], []],
    ['${B+set}', '', [], ['B']],
    ["'$A'", '$A', [], []],
    ['"$A"', 'alpha', ['A'], []],
    ['\\$A', '$A', [], []],
    ['"\\$A"', '$A', [], []],
    ['${P#*/}', 'sub/file.tar.gz', ['P'], []],
    ['${P##*/}', 'file.tar.gz', ['P'], []],
    ['${P%.*}', 'dir/sub/file.tar', ['P'], []],
    ['${P%%.*}', 'dir/sub/file', ['P'], []],
    ['${P/sub/x}', 'dir/x/file.tar.gz', ['P'], []],
    ['${A//a/o}', 'olpho', ['A'], []],
    ['$1$@', '', [], ['1', '@']],
    ['cost: $', 'cost: $', [], []],
  ];
  for (const [word, result, matched, unmatched] of cases) {
    test(word, () => {
      const r = expandWord(word, env);
      assert.deepEqual([r.result, r.matched, r.unmatched, r.error], [result, matched, unmatched, null]);
    });
  }
  test('the escape directive', () => assert.equal(expandWord('`$A', env, '`').result, '$A'));
  test('heredoc bodies keep quotes', () => assert.equal(expandWord("'$A'", env, '\\', true).result, "'alpha'"));
  for (const bad of ['${A', '${}', '${:x}', '${EMPTY:?}', '${B?unset}', "'open", '${A:#x}', '${A#\\x}']) {
    test(`refused: ${bad}`, () => assert.notEqual(expandWord(bad, env).error, null));
  }
});

describe('suggestName', () => {
  test('closest under three edits', () => assert.equal(suggestName('PAHT', ['HOME', 'PATH']), 'PATH'));
  test('nothing close', () => assert.equal(suggestName('version', ['tag', 'TARGETOS']), null));
  test('an exact name means no suggestion', () => assert.equal(suggestName('PATH', ['PATH', 'PATX']), null));
  test('the first of equally close names', () => assert.equal(suggestName('AB', ['AX', 'XB']), 'AX'));
});

describe('isValidImageRef', () => {
  const good = ['alpine', 'alpine:3.20', 'library/alpine', 'docker.io/library/alpine:3', 'localhost:5000/a/b:1', 'Registry.Example.com/a',
    'ghcr.io/o/r@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'scratch', 'a:Tag_1'];
  const bad = ['', 'busybox:', 'Alpine', 'a/B', 'alpine::1', '-x', 'a@sha256:123', '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'];
  for (const r of good) test(`valid: ${r}`, () => assert.equal(isValidImageRef(r), true));
  for (const r of bad) test(`invalid: ${JSON.stringify(r)}`, () => assert.equal(isValidImageRef(r), false));
});
