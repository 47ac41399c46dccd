// Config meets the linter: ignore pragmas, `disable-ignore-pragma`, `ignored` and `override`, seen through DL3000.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeError, ok } from '../errors.js';
import { dl3000 } from '../rules/dl3000-absolute-workdir.js';
import { lintDockerfile } from '../rules/lint.js';
import type { Finding } from '../rules/rule.js';
import { parseOrThrow } from '../rules/testing.js';
import type { LintConfig } from './config.js';
import { parseConfigFile } from './file.js';
import { resolveLintConfig } from './resolve.js';

function configFrom(hadolintYaml: string | null, env: Record<string, string> = {}): LintConfig {
  const r = resolveLintConfig({ cwd: '/p', home: undefined, env, flags: {} },
    (file) => ok(file === '/p/.hadolint.yaml' ? hadolintYaml : null), parseConfigFile);
  if (!r.ok) throw new Error(describeError(r.error));
  return r.value;
}

// Wired as src/cli/lint.ts wires it.
function lint(code: string, config: LintConfig): Finding[] {
  return lintDockerfile(parseOrThrow(code), {
    rules: [dl3000],
    context: { trustedRegistries: config.trustedRegistries, labelSchema: config.labelSchema, strictLabels: config.strictLabels, buildArgs: config.buildArgs },
    overrides: config.overrides,
    ignored: config.ignored,
    pragmas: !config.disableIgnorePragma,
  });
}

function lines(code: string, config: LintConfig = configFrom(null)): number[] {
  return lint(code, config).map((f) => f.location.line ?? 0);
}

const THREE = 'FROM alpine\nWORKDIR a\nWORKDIR b\n';

describe('ignore pragmas', () => {
  test('without a pragma every relative WORKDIR is reported', () => {
    assert.deepEqual(lines(THREE), [2, 3]);
  });
  test('# hadolint ignore= silences the next instruction only', () => {
    assert.deepEqual(lines('FROM alpine\n# hadolint ignore=DL3000\nWORKDIR a\nWORKDIR b\n'), [4]);
  });
  test('# hadolint ignore= takes a list, and spaces around the =', () => {
    assert.deepEqual(lines('FROM alpine\n# hadolint ignore = DL3006, DL3000\nWORKDIR a\n'), []);
  });
  test('# hadolint ignore= naming another rule silences nothing', () => {
    assert.deepEqual(lines('FROM alpine\n# hadolint ignore=DL3001\nWORKDIR a\n'), [3]);
  });
  test('# hadolint ignore= reaches past blank lines and comments to the next instruction', () => {
    assert.deepEqual(lines('FROM alpine\n# hadolint ignore=DL3000\n\n# why\nWORKDIR a\nWORKDIR b\n'), [6]);
  });
  test('# hadolint global ignore= silences the whole file, wherever it sits', () => {
    assert.deepEqual(lines('FROM alpine\nWORKDIR a\n# hadolint global ignore=DL3000\nWORKDIR b\n'), []);
  });
  test('whittle\'s own spelling works the same', () => {
    assert.deepEqual(lines('FROM alpine\n# whittle ignore=DL3000\nWORKDIR a\nWORKDIR b\n'), [4]);
  });
});

describe('disable-ignore-pragma', () => {
  const withPragmas = 'FROM alpine\n# hadolint global ignore=DL3000\n# hadolint ignore=DL3000\nWORKDIR a\nWORKDIR b\n';
  test('from .hadolint.yaml: pragmas count for nothing', () => {
    assert.deepEqual(lines(withPragmas, configFrom('disable-ignore-pragma: true\n')), [4, 5]);
  });
  test('from HADOLINT_DISABLE_IGNORE_PRAGMA', () => {
    assert.deepEqual(lines(withPragmas, configFrom(null, { HADOLINT_DISABLE_IGNORE_PRAGMA: 'yes' })), [4, 5]);
  });
  test('false keeps them', () => {
    assert.deepEqual(lines(withPragmas, configFrom('disable-ignore-pragma: false\n')), []);
  });
  test('config `ignored` still applies when pragmas are off', () => {
    assert.deepEqual(lines(withPragmas, configFrom('disable-ignore-pragma: true\nignored: [DL3000]\n')), []);
  });
});

describe('ignored and override from config', () => {
  test('ignored drops the rule', () => {
    assert.deepEqual(lines(THREE, configFrom('ignored: [DL3000]\n')), []);
  });
  test('override changes the reported level', () => {
    assert.deepEqual(lint(THREE, configFrom('override:\n  info: [DL3000]\n')).map((f) => f.severity), ['info', 'info']);
  });
  test('a pragma silences an overridden rule too', () => {
    assert.deepEqual(lines('FROM alpine\n# hadolint ignore=DL3000\nWORKDIR a\n', configFrom('override:\n  warning: [DL3000]\n')), []);
  });
});
