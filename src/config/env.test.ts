// The environment layer: hadolint's EnvironmentSpec cases, the WHITTLE_* twins, and how the two combine.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeError } from '../errors.js';
import type { LintConfig } from './config.js';
import type { Env } from './env.js';
import { configFromEnv } from './env.js';
import { formatFromHadolint } from './values.js';

function fromEnv(env: Env): Partial<LintConfig> {
  const r = configFromEnv(env);
  if (!r.ok) throw new Error(`unexpected env error: ${describeError(r.error)}`);
  return r.value.values;
}

describe('HADOLINT_* variables, as hadolint reads them', () => {
  const cases: readonly [Env, Partial<LintConfig>][] = [
    [{}, {}],
    [{ PATH: '/bin', HOME: '/root' }, {}],
    [{ HADOLINT_NOFAIL: '1' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: '0' }, { noFail: false }],
    [{ HADOLINT_NOFAIL: 'YES' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: 'maybe' }, { noFail: false }],
    [{ NO_COLOR: 'y' }, { noColor: true }],
    [{ NO_COLOR: 'n' }, { noColor: true }],
    [{ NO_COLOR: '' }, { noColor: true }],
    [{ HADOLINT_NO_COLOR: 'true' }, { noColor: true }],
    [{ HADOLINT_VERBOSE: 'on' }, { verbose: true }],
    [{ HADOLINT_VERBOSE: 'off' }, { verbose: false }],
    [{ HADOLINT_FORMAT: 'tty' }, { format: 'tty' }],
    [{ HADOLINT_FORMAT: 'junk,tty' }, { format: 'tty' }],
    [{ HADOLINT_FORMAT: 'junk' }, {}],
    [{ HADOLINT_OVERRIDE_ERROR: 'DL3010' }, { overrides: { DL3010: 'error' } }],
    [{ HADOLINT_OVERRIDE_ERROR: 'DL3010,DL3011' }, { overrides: { DL3010: 'error', DL3011: 'error' } }],
    [{ HADOLINT_OVERRIDE_WARNING: 'DL3010' }, { overrides: { DL3010: 'warning' } }],
    [{ HADOLINT_OVERRIDE_WARNING: 'DL3010,DL3011' }, { overrides: { DL3010: 'warning', DL3011: 'warning' } }],
    [{ HADOLINT_OVERRIDE_INFO: 'DL3010' }, { overrides: { DL3010: 'info' } }],
    [{ HADOLINT_OVERRIDE_INFO: 'DL3010,DL3011' }, { overrides: { DL3010: 'info', DL3011: 'info' } }],
    [{ HADOLINT_OVERRIDE_STYLE: 'DL3010' }, { overrides: { DL3010: 'style' } }],
    [{ HADOLINT_OVERRIDE_STYLE: 'DL3010,DL3011' }, { overrides: { DL3010: 'style', DL3011: 'style' } }],
    [{ HADOLINT_OVERRIDE_STYLE: 'DL3010', HADOLINT_OVERRIDE_ERROR: 'DL3010' }, { overrides: { DL3010: 'error' } }],
    [{ HADOLINT_OVERRIDE_IGNORE: 'DL3010' }, {}], // hadolint has no such variable
    [{ HADOLINT_IGNORE: 'DL3010' }, { ignored: ['DL3010'] }],
    [{ HADOLINT_IGNORE: 'DL3010,DL3011' }, { ignored: ['DL3010', 'DL3011'] }],
    [{ HADOLINT_IGNORE: ' DL3010 , ,JSONArgsRecommended' }, { ignored: ['DL3010', 'JSONArgsRecommended'] }],
    [{ HADOLINT_IGNORE: '' }, {}],
    [{ HADOLINT_TRUSTED_REGISTRIES: 'foobar.com' }, { trustedRegistries: ['foobar.com'] }],
    [{ HADOLINT_TRUSTED_REGISTRIES: 'foobar.com,barfoo.com' }, { trustedRegistries: ['foobar.com', 'barfoo.com'] }],
    [{ HADOLINT_REQUIRE_LABELS: 'foo:email' }, { labelSchema: { foo: 'email' } }],
    [{ HADOLINT_REQUIRE_LABELS: 'foo:email,bar:text' }, { labelSchema: { foo: 'email', bar: 'text' } }],
    [{ HADOLINT_REQUIRE_LABELS: 'rev:hash,bare,bad:colour' }, { labelSchema: { rev: 'git-hash', bare: 'text' } }],
    [{ HADOLINT_STRICT_LABELS: 'yes' }, { strictLabels: true }],
    [{ HADOLINT_STRICT_LABELS: 'false' }, { strictLabels: false }],
    [{ HADOLINT_DISABLE_IGNORE_PRAGMA: 'yes' }, { disableIgnorePragma: true }],
    [{ HADOLINT_DISABLE_IGNORE_PRAGMA: 'false' }, { disableIgnorePragma: false }],
    [{ HADOLINT_FAILURE_THRESHOLD: 'error' }, { failureThreshold: 'error' }],
    [{ HADOLINT_FAILURE_THRESHOLD: 'style' }, { failureThreshold: 'style' }],
    [{ HADOLINT_FAILURE_THRESHOLD: 'none' }, { failureThreshold: 'none' }],
    [{ HADOLINT_FAILURE_THRESHOLD: 'ignore' }, { failureThreshold: 'none' }],
    [{ HADOLINT_FAILURE_THRESHOLD: 'loud' }, {}], // hadolint drops what it cannot read
  ];
  for (const [env, want] of cases) {
    test(JSON.stringify(env), () => assert.deepEqual(fromEnv(env), want));
  }
  test('HADOLINT_FORMAT=json picks the whittle format writing hadolint\'s JSON', () => {
    assert.deepEqual(fromEnv({ HADOLINT_FORMAT: 'json' }), { format: formatFromHadolint('json') });
  });
  test('HADOLINT_FORMAT: the first format whittle can write', () => {
    const want = formatFromHadolint('sarif') ?? formatFromHadolint('json');
    assert.deepEqual(fromEnv({ HADOLINT_FORMAT: 'sarif,json' }), { format: want });
  });
});

describe('WHITTLE_* twins', () => {
  const cases: readonly [Env, Partial<LintConfig>][] = [
    [{ WHITTLE_NOFAIL: '1' }, { noFail: true }],
    [{ WHITTLE_NO_FAIL: 'off' }, { noFail: false }],
    [{ WHITTLE_NO_COLOR: 'yes' }, { noColor: true }],
    [{ WHITTLE_VERBOSE: 'TRUE' }, { verbose: true }],
    [{ WHITTLE_STRICT_LABELS: '0' }, { strictLabels: false }],
    [{ WHITTLE_DISABLE_IGNORE_PRAGMA: 'on' }, { disableIgnorePragma: true }],
    [{ WHITTLE_IGNORE: 'DL3008,SC2086' }, { ignored: ['DL3008', 'SC2086'] }],
    [{ WHITTLE_TRUSTED_REGISTRIES: 'ghcr.io' }, { trustedRegistries: ['ghcr.io'] }],
    [{ WHITTLE_OVERRIDE_ERROR: 'DL3000', WHITTLE_OVERRIDE_INFO: 'WH101', WHITTLE_OVERRIDE_IGNORE: 'DL3006' },
      { overrides: { DL3000: 'error', WH101: 'info', DL3006: 'ignore' } }],
    [{ WHITTLE_REQUIRE_LABELS: 'rev:git-hash,owner:email' }, { labelSchema: { rev: 'git-hash', owner: 'email' } }],
    [{ WHITTLE_FAILURE_THRESHOLD: 'warning' }, { failureThreshold: 'warning' }],
    [{ WHITTLE_FAILURE_THRESHOLD: 'none' }, { failureThreshold: 'none' }],
    [{ WHITTLE_FORMAT: 'json' }, { format: 'json' }],
    [{ WHITTLE_SHELLCHECK: 'off' }, { shellcheck: 'off' }],
  ];
  for (const [env, want] of cases) {
    test(JSON.stringify(env), () => assert.deepEqual(fromEnv(env), want));
  }

  test('lists from both add up', () => {
    assert.deepEqual(fromEnv({ HADOLINT_IGNORE: 'DL3000,DL3001', WHITTLE_IGNORE: 'DL3001,WH101' }), { ignored: ['DL3000', 'DL3001', 'WH101'] });
    assert.deepEqual(fromEnv({ HADOLINT_TRUSTED_REGISTRIES: 'a.io', WHITTLE_TRUSTED_REGISTRIES: 'b.io' }), { trustedRegistries: ['a.io', 'b.io'] });
    assert.deepEqual(fromEnv({ HADOLINT_REQUIRE_LABELS: 'a:text', WHITTLE_REQUIRE_LABELS: 'b:url' }), { labelSchema: { a: 'text', b: 'url' } });
  });
  test('the WHITTLE_ value wins a scalar and an override', () => {
    assert.deepEqual(fromEnv({ HADOLINT_FAILURE_THRESHOLD: 'error', WHITTLE_FAILURE_THRESHOLD: 'style' }), { failureThreshold: 'style' });
    assert.deepEqual(fromEnv({ HADOLINT_NOFAIL: '1', WHITTLE_NOFAIL: '0' }), { noFail: false });
    assert.deepEqual(fromEnv({ NO_COLOR: '1', WHITTLE_NO_COLOR: 'no' }), { noColor: false });
    assert.deepEqual(fromEnv({ HADOLINT_OVERRIDE_ERROR: 'DL3000', WHITTLE_OVERRIDE_STYLE: 'DL3000' }), { overrides: { DL3000: 'style' } });
    assert.deepEqual(fromEnv({ HADOLINT_REQUIRE_LABELS: 'a:text', WHITTLE_REQUIRE_LABELS: 'a:url' }), { labelSchema: { a: 'url' } });
  });

  const errors: readonly [Env, string][] = [
    [{ WHITTLE_NOFAIL: 'maybe' }, 'WHITTLE_NOFAIL: expected a boolean (1/0, true/false, yes/no, on/off), got "maybe"'],
    [{ WHITTLE_FAILURE_THRESHOLD: 'loud' }, 'WHITTLE_FAILURE_THRESHOLD: expected one of error, warning, info, style, none, got "loud"'],
    [{ WHITTLE_FORMAT: 'gnu' }, 'WHITTLE_FORMAT: expected one of'],
    [{ WHITTLE_SHELLCHECK: 'yes' }, 'WHITTLE_SHELLCHECK: expected one of auto, on, off, got "yes"'],
    [{ WHITTLE_REQUIRE_LABELS: 'a:text,b:colour' }, 'WHITTLE_REQUIRE_LABELS: expected label:type with type one of email, git-hash'],
  ];
  for (const [env, message] of errors) {
    test(`error: ${JSON.stringify(env)}`, () => {
      const r = configFromEnv(env);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'CONFIG');
      assert.ok(r.error.message.startsWith(message), r.error.message);
      assert.ok(!describeError(r.error).includes('\n'));
    });
  }
});
