// Config files: every key hadolint reads (its ConfigfileSpec cases), whittle's strict schema, errors with lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeError } from '../errors.js';
import type { LintConfig } from './config.js';
import { dialectFromName, parseConfigFile, sniffDialect } from './file.js';
import { formatFromHadolint } from './values.js';

function values(text: string, file = '.hadolint.yaml'): Partial<LintConfig> {
  const r = parseConfigFile(text, file);
  if (!r.ok) throw new Error(`unexpected config error: ${describeError(r.error)}`);
  return r.value.values;
}

function failure(text: string, file = '.whittle.yaml'): { line: number | undefined; message: string; shown: string } {
  const r = parseConfigFile(text, file);
  assert.ok(!r.ok, 'the file should be rejected');
  assert.equal(r.error.code, 'CONFIG');
  assert.equal(r.error.where.file, file);
  return { line: r.error.where.line, message: r.error.message, shown: describeError(r.error) };
}

describe('.hadolint.yaml: every key hadolint reads', () => {
  const cases: readonly [string, string, Partial<LintConfig>][] = [
    ['no-fail: true', 'no-fail: true', { noFail: true }],
    ['no-fail: false', 'no-fail: false', { noFail: false }],
    ['no-color: true', 'no-color: true', { noColor: true }],
    ['no-color: false', 'no-color: false', { noColor: false }],
    ['verbose: true', 'verbose: true', { verbose: true }],
    ['verbose: false', 'verbose: false', { verbose: false }],
    ['format: tty', 'format: tty', { format: 'tty' }],
    ['override error', 'override:\n  error:\n    - DL3020\n    - DL3040\n    - SC1020',
      { overrides: { DL3020: 'error', DL3040: 'error', SC1020: 'error' } }],
    ['override warning', 'override:\n  warning:\n    - DL3020\n    - DL3040\n    - SC1020',
      { overrides: { DL3020: 'warning', DL3040: 'warning', SC1020: 'warning' } }],
    ['override info', 'override:\n  info:\n    - DL3020\n    - DL3040\n    - SC1020',
      { overrides: { DL3020: 'info', DL3040: 'info', SC1020: 'info' } }],
    ['override style', 'override:\n  style:\n    - DL3020\n    - DL3040\n    - SC1020',
      { overrides: { DL3020: 'style', DL3040: 'style', SC1020: 'style' } }],
    ['ignored', 'ignored:\n  - DL3020\n  - DL3040\n  - SC1020', { ignored: ['DL3020', 'DL3040', 'SC1020'] }],
    ['trustedRegistries', 'trustedRegistries:\n  - foobar.com\n  - barfoo.com', { trustedRegistries: ['foobar.com', 'barfoo.com'] }],
    ['trustedRegistries as one string (documented by hadolint)', 'trustedRegistries: docker.io', { trustedRegistries: ['docker.io'] }],
    ['label-schema', 'label-schema:\n  foo: email\n  bar: text', { labelSchema: { foo: 'email', bar: 'text' } }],
    ['label-schema: every type, hadolint names', 'label-schema:\n  a: email\n  b: hash\n  c: rfc3339\n  d: semver\n  e: spdx\n  f: text\n  g: url\n  h: ""',
      { labelSchema: { a: 'email', b: 'git-hash', c: 'rfc3339', d: 'semver', e: 'spdx', f: 'text', g: 'url', h: 'text' } }],
    ['strict-labels: true', 'strict-labels: true', { strictLabels: true }],
    ['strict-labels: false', 'strict-labels: false', { strictLabels: false }],
    ['disable-ignore-pragma: true', 'disable-ignore-pragma: true', { disableIgnorePragma: true }],
    ['disable-ignore-pragma: false', 'disable-ignore-pragma: false', { disableIgnorePragma: false }],
    ['failure-threshold: warning', 'failure-threshold: warning', { failureThreshold: 'warning' }],
    ['failure-threshold: style', 'failure-threshold: style', { failureThreshold: 'style' }],
    ['failure-threshold: error', 'failure-threshold: error', { failureThreshold: 'error' }],
    ['failure-threshold: info', 'failure-threshold: info', { failureThreshold: 'info' }],
    ['failure-threshold: none means never fail', 'failure-threshold: none', { failureThreshold: 'none' }],
    ['failure-threshold: ignore is none', 'failure-threshold: ignore', { failureThreshold: 'none' }],
    ['a rule in two override lists takes the most severe, as hadolint', 'override:\n  style: [DL3000]\n  error: [DL3000]\n  info: [DL3000]',
      { overrides: { DL3000: 'error' } }],
    ['keys hadolint does not know are ignored, as hadolint does', 'ignored: [DL3000]\nfancy: 1\nfailureThreshold: whatever', { ignored: ['DL3000'] }],
    ['a key without a value is absent, as in hadolint', 'no-fail:\noverride:\n  error:\nignored: [DL3001]', { ignored: ['DL3001'], overrides: {} }],
    ['an empty file configures nothing', '', {}],
    ['a file of comments configures nothing', '# nothing here\n', {}],
  ];
  for (const [name, text, want] of cases) {
    test(name, () => assert.deepEqual(values(text), want));
  }

  test('the README example, whole', () => {
    const text = [
      'failure-threshold: info', 'format: tty', 'ignored: [DL3000, SC1010]', 'label-schema:', '  author: text',
      '  contact: email', 'no-color: true', 'no-fail: false', 'override:', '  warning:', '    - DL3042', '  info:',
      '    - DL3032', 'strict-labels: true', 'disable-ignore-pragma: true', 'trustedRegistries:', '  - docker.io',
      '  - "*.gcr.io"',
    ].join('\n');
    assert.deepEqual(values(text), {
      failureThreshold: 'info', format: 'tty', ignored: ['DL3000', 'SC1010'], labelSchema: { author: 'text', contact: 'email' },
      noColor: true, noFail: false, overrides: { DL3042: 'warning', DL3032: 'info' }, strictLabels: true,
      disableIgnorePragma: true, trustedRegistries: ['docker.io', '*.gcr.io'],
    });
  });

  // hadolint's json is its own array shape: whittle answers with hadolint-json once that reporter exists.
  for (const name of ['json', 'sarif', 'junit', 'checkstyle', 'gitlab_codeclimate', 'gnu'] as const) {
    test(`format: ${name} maps to the whittle format writing the same, or is an error naming the line`, () => {
      const mapped = formatFromHadolint(name);
      const r = parseConfigFile(`ignored: []\nformat: ${name}`, '.hadolint.yaml');
      if (mapped === undefined) {
        assert.ok(!r.ok);
        assert.equal(r.error.where.line, 2);
        assert.match(r.error.message, new RegExp(`format "${name}" is a hadolint format whittle does not write`));
      } else {
        assert.ok(r.ok);
        assert.equal(r.value.values.format, mapped);
      }
    });
  }
  test('format: json maps to a JSON writer', () => {
    assert.ok(['hadolint-json', 'json'].includes(formatFromHadolint('json') ?? ''));
  });
  test('formats: a list; whittle writes the first', () => {
    assert.deepEqual(values('formats:\n  - tty\n  - json'), { format: 'tty' });
  });

  test('a value of the wrong type is an error at its line', () => {
    const f = failure('ignored: [DL3000]\nno-fail: yes\n', '.hadolint.yaml');
    assert.equal(f.line, 2);
    assert.equal(f.shown, '.hadolint.yaml:2: no-fail: expected true or false, got "yes"');
  });
  test('a non-string rule id is an error at its line', () => {
    const f = failure('ignored:\n  - DL3000\n  - 3001\n', '.hadolint.yaml');
    assert.equal(f.line, 3);
    assert.equal(f.message, 'ignored[1]: expected a string, got 3001');
  });
  test('an unknown label type is an error at its line', () => {
    const f = failure('label-schema:\n  a: text\n  b: colour\n', '.hadolint.yaml');
    assert.equal(f.line, 3);
    assert.match(f.message, /^label-schema\.b: expected one of email, hash, .*got "colour"$/);
  });
  test('an unknown threshold is an error at its line', () => {
    const f = failure('\n\nfailure-threshold: loud\n', '.hadolint.yaml');
    assert.equal(f.line, 3);
    assert.match(f.message, /failure-threshold: expected one of error, warning, info, style, ignore, none, got "loud"/);
  });
});

describe('.whittle.yaml: whittle\'s own schema', () => {
  test('every key', () => {
    const text = [
      'failureThreshold: warning',
      'ignore: [DL3008, SC2086]',
      'override:',
      '  error: [DL3000]',
      '  warning: [WH101]',
      '  info: [JSONArgsRecommended]',
      '  style: [DL3059]',
      '  ignore: [DL3006]',
      'trustedRegistries: [docker.io, ghcr.io]',
      'labelSchema:',
      '  maintainer: email',
      '  revision: git-hash',
      '  built: rfc3339',
      'strictLabels: true',
      'disableIgnorePragma: true',
      'noFail: true',
      'noColor: true',
      'verbose: true',
      'shellcheck: off',
      'format: json',
      'buildArgs:',
      '  VERSION: 1.2',
      '  NAME: app',
    ].join('\n');
    assert.deepEqual(values(text, '.whittle.yaml'), {
      failureThreshold: 'warning',
      ignored: ['DL3008', 'SC2086'],
      overrides: { DL3000: 'error', WH101: 'warning', JSONArgsRecommended: 'info', DL3059: 'style', DL3006: 'ignore' },
      trustedRegistries: ['docker.io', 'ghcr.io'],
      labelSchema: { maintainer: 'email', revision: 'git-hash', built: 'rfc3339' },
      strictLabels: true,
      disableIgnorePragma: true,
      noFail: true,
      noColor: true,
      verbose: true,
      shellcheck: 'off',
      format: 'json',
      buildArgs: { VERSION: '1.2', NAME: 'app' },
    });
  });

  test('rule ids from any ruleset are accepted as they are', () => {
    assert.deepEqual(values('ignore: [DL3000, SC1091, WH204, JSONArgsRecommended, UndefinedVar, my-own-check]', '.whittle.yaml'),
      { ignored: ['DL3000', 'SC1091', 'WH204', 'JSONArgsRecommended', 'UndefinedVar', 'my-own-check'] });
  });
  test('failureThreshold: none', () => {
    assert.deepEqual(values('failureThreshold: none', '.whittle.yaml'), { failureThreshold: 'none' });
  });

  const errors: readonly [string, string, number, string][] = [
    ['unknown key, with hadolint\'s spelling pointed out', 'noFail: true\nfailure-threshold: warning\n', 2,
      'unknown key "failure-threshold" (whittle spells it "failureThreshold")'],
    ['hadolint\'s `ignored`', '# comment\nignored: [DL3000]\n', 2, 'unknown key "ignored" (whittle spells it "ignore")'],
    ['unknown key with no hadolint twin lists the keys', 'noFail: true\nnoFial: true\n', 2,
      'unknown key "noFial" (known keys: failureThreshold, ignore, override, trustedRegistries, labelSchema, strictLabels, disableIgnorePragma, noFail, noColor, verbose, shellcheck, format, buildArgs, budget)'],
    ['unknown severity under override', 'override:\n  error: [DL3000]\n  loud: [DL3001]\n', 3,
      'unknown key "override.loud" (known keys: error, warning, info, style, ignore)'],
    ['bad threshold', 'noColor: false\nfailureThreshold: loud\n', 2,
      'failureThreshold: expected one of error, warning, info, style, none, got "loud"'],
    ['a boolean spelled as YAML 1.1 does', 'noFail: yes\n', 1, 'noFail: expected true or false, got "yes"'],
    ['a number among rule ids', 'ignore:\n  - DL3000\n  - 3001\n', 3, 'ignore[1]: expected a string, got 3001'],
    ['a mapping among rule ids', 'override:\n  error:\n    - DL3000\n    - {id: DL3001}\n', 4,
      'override.error[1]: expected a string, got a mapping'],
    ['a string where a list goes', 'ignore: DL3000\n', 1, 'ignore: expected a list, got "DL3000"'],
    ['bad label type', 'labelSchema:\n  maintainer: email\n  built: date\n', 3,
      'labelSchema.built: expected one of email, git-hash, rfc3339, semver, spdx, text, url, hash, got "date"'],
    ['bad shellcheck mode', 'shellcheck: sometimes\n', 1, 'shellcheck: expected one of auto, on, off, got "sometimes"'],
    ['a format whittle does not write', 'format: gnu\n', 1, 'format: expected one of'],
    ['a top-level list', '- DL3000\n', 1, 'expected a mapping of settings, got a list'],
    ['a top-level scalar', 'DL3000\n', 1, 'expected a mapping of settings, got "DL3000"'],
    ['a key without a value', 'noFail:\n', 1, 'noFail: expected true or false, got nothing'],
  ];
  for (const [name, text, line, message] of errors) {
    test(`error: ${name}`, () => {
      const f = failure(text);
      assert.equal(f.line, line, f.shown);
      assert.ok(f.message.startsWith(message), `"${f.message}" should start with "${message}"`);
      assert.ok(f.shown.startsWith(`.whittle.yaml:${line}: `));
    });
  }
});

describe('malformed YAML', () => {
  test('an unclosed flow sequence: one line, naming file and line', () => {
    const f = failure('noFail: true\nignore: [DL3000\nnoColor: true\n');
    assert.ok(f.line !== undefined && f.line >= 2, `line ${String(f.line)}`);
    assert.match(f.message, /^invalid YAML: /);
    assert.ok(!f.shown.includes('\n'));
  });
  test('a duplicate key', () => {
    const f = failure('noFail: true\nnoFail: false\n', '.hadolint.yaml');
    assert.equal(f.line, 2);
    assert.match(f.message, /^invalid YAML: Map keys must be unique/);
  });
  test('bad indentation', () => {
    const f = failure('override:\n  error:\n    - DL3000\n   warning: [DL3001]\n', '.hadolint.yaml');
    assert.equal(f.line, 4);
    assert.match(f.message, /^invalid YAML: /);
  });
  test('several documents', () => {
    const f = failure('ignored: [DL3000]\n---\nignored: [DL3001]\n', '.hadolint.yaml');
    assert.equal(f.line, 2);
    assert.equal(f.message, 'invalid YAML: Source contains multiple documents; a config file holds one');
  });
  test('a tab-indented file (hadolint\'s own help text uses tabs)', () => {
    const f = failure('ignored:\n\t- DL3000\n', '.hadolint.yaml');
    assert.equal(f.line, 2);
  });
});

describe('dialects', () => {
  test('the name says which', () => {
    assert.equal(dialectFromName('/x/.whittle.yaml'), 'whittle');
    assert.equal(dialectFromName('ci/whittle.yml'), 'whittle');
    assert.equal(dialectFromName('/home/u/.hadolint/config.yaml'), 'hadolint');
    assert.equal(dialectFromName('.hadolint.yml'), 'hadolint');
    assert.equal(dialectFromName('/etc/lint/config.yaml'), undefined);
  });
  test('keys say which when the name does not', () => {
    assert.equal(sniffDialect(['ignored', 'override']), 'hadolint');
    assert.equal(sniffDialect(['failure-threshold']), 'hadolint');
    assert.equal(sniffDialect(['ignore']), 'whittle');
    assert.equal(sniffDialect(['override', 'trustedRegistries']), 'whittle');
    // Mixed: whittle's strict schema then names the hadolint key.
    assert.equal(sniffDialect(['noFail', 'no-fail']), 'whittle');
  });
  test('a neutrally named hadolint file is read as hadolint', () => {
    assert.deepEqual(values('ignored: [DL3000]\nno-fail: true', 'lint/config.yaml'), { ignored: ['DL3000'], noFail: true });
  });
  test('a neutrally named whittle file is read as whittle', () => {
    assert.deepEqual(values('ignore: [DL3000]\nnoFail: true', 'lint/config.yaml'), { ignored: ['DL3000'], noFail: true });
  });
  test('a mixed file is read as whittle and the hadolint key reported by line', () => {
    const f = failure('noFail: true\nno-color: true\n', 'lint/config.yaml');
    assert.equal(f.line, 2);
    assert.match(f.message, /unknown key "no-color" \(whittle spells it "noColor"\)/);
  });
  test('a .hadolint.yaml holding whittle keys is still read as hadolint (which ignores them)', () => {
    assert.deepEqual(values('ignore: [DL3000]\nignored: [DL3001]', '.hadolint.yaml'), { ignored: ['DL3001'] });
  });
});
