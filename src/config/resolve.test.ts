// Resolving the lint config: where the file is found, which file wins, and defaults < file < env < flags.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { WhittleError, describeError, err, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { LintConfig } from './config.js';
import { DEFAULT_LINT_CONFIG } from './config.js';
import { configCandidates } from './discover.js';
import { parseConfigFile } from './file.js';
import { configFromFlags } from './flags.js';
import type { ConfigReader, ResolveInput } from './resolve.js';
import { resolveLintConfig } from './resolve.js';

const CWD = '/work/project';
const HOME = '/home/dev';

function fakeFs(files: Readonly<Record<string, string>>): ConfigReader {
  return (file) => ok(Object.hasOwn(files, file) ? (files[file] ?? null) : null);
}

function resolve(files: Readonly<Record<string, string>>, input: Partial<ResolveInput> = {}): Result<LintConfig> {
  return resolveLintConfig({ cwd: CWD, home: HOME, env: {}, flags: {}, ...input }, fakeFs(files), parseConfigFile);
}

function resolved(files: Readonly<Record<string, string>>, input: Partial<ResolveInput> = {}): LintConfig {
  const r = resolve(files, input);
  if (!r.ok) throw new Error(`unexpected config error: ${describeError(r.error)}`);
  return r.value;
}

describe('discovery', () => {
  test('hadolint\'s order, whittle\'s file first beside each hadolint one', () => {
    assert.deepEqual(configCandidates({ cwd: CWD, home: HOME, env: {} }), [
      `${CWD}/.whittle.yaml`, `${CWD}/.whittle.yml`, `${CWD}/.hadolint.yaml`, `${CWD}/.hadolint.yml`,
      `${HOME}/.config/whittle.yaml`, `${HOME}/.config/whittle.yml`, `${HOME}/.config/hadolint.yaml`, `${HOME}/.config/hadolint.yml`,
      `${HOME}/.hadolint/hadolint.yaml`, `${HOME}/.hadolint/hadolint.yml`, `${HOME}/.hadolint/config.yaml`, `${HOME}/.hadolint/config.yml`,
      `${HOME}/.whittle.yaml`, `${HOME}/.whittle.yml`, `${HOME}/.hadolint.yaml`, `${HOME}/.hadolint.yml`,
    ]);
  });
  test('XDG_CONFIG_HOME replaces ~/.config when absolute, and only then', () => {
    const abs = configCandidates({ cwd: CWD, home: HOME, env: { XDG_CONFIG_HOME: '/xdg' } });
    assert.ok(abs.includes('/xdg/hadolint.yaml'));
    assert.ok(!abs.includes(`${HOME}/.config/hadolint.yaml`));
    const rel = configCandidates({ cwd: CWD, home: HOME, env: { XDG_CONFIG_HOME: 'xdg' } });
    assert.ok(rel.includes(`${HOME}/.config/hadolint.yaml`));
    assert.ok(!rel.some((p) => p.startsWith('xdg')));
  });
  test('no home: only the working directory (and an absolute XDG_CONFIG_HOME)', () => {
    assert.equal(configCandidates({ cwd: CWD, home: undefined, env: {} }).length, 4);
    assert.deepEqual(configCandidates({ cwd: CWD, home: undefined, env: { XDG_CONFIG_HOME: '/xdg' } }).slice(4),
      ['/xdg/whittle.yaml', '/xdg/whittle.yml', '/xdg/hadolint.yaml', '/xdg/hadolint.yml']);
  });

  // Each place is used when it is the only file, and loses to every place before it.
  const places = configCandidates({ cwd: CWD, home: HOME, env: {} });
  const body = (p: string): string => (path.basename(p).includes('whittle') ? `ignore: ["${p}"]` : `ignored: ["${p}"]`);
  for (const [i, place] of places.entries()) {
    test(`found alone: ${place}`, () => {
      const c = resolved({ [place]: body(place) });
      assert.deepEqual(c.ignored, [place]);
      assert.equal(c.configFile, place.startsWith(`${CWD}/`) ? path.basename(place) : place);
    });
    const later = places[i + 1];
    if (later !== undefined) {
      test(`${path.relative('/', place)} wins over ${path.relative('/', later)}`, () => {
        assert.deepEqual(resolved({ [later]: body(later), [place]: body(place) }).ignored, [place]);
      });
    }
  }

  test('.whittle.yaml wins over .hadolint.yaml in the same directory; the other file is not read', () => {
    const read: string[] = [];
    const files: Record<string, string> = { [`${CWD}/.whittle.yaml`]: 'noFail: true', [`${CWD}/.hadolint.yaml`]: 'no-color: true\nbroken: [' };
    const r = resolveLintConfig({ cwd: CWD, home: HOME, env: {}, flags: {} }, (f) => {
      read.push(f);
      return fakeFs(files)(f);
    }, parseConfigFile);
    assert.ok(r.ok);
    assert.equal(r.value.noFail, true);
    assert.equal(r.value.noColor, false);
    assert.deepEqual(read, [`${CWD}/.whittle.yaml`]);
  });
  test('a file in the working directory wins over one in home, whatever their dialects', () => {
    const c = resolved({ [`${CWD}/.hadolint.yml`]: 'failure-threshold: error', [`${HOME}/.whittle.yaml`]: 'failureThreshold: style' });
    assert.equal(c.failureThreshold, 'error');
  });
  test('no file anywhere: the defaults', () => {
    const c = resolved({});
    assert.deepEqual(c, DEFAULT_LINT_CONFIG);
    assert.equal(c.configFile, undefined);
  });
  test('a discovered file with an error stops the run, naming it and the line', () => {
    const r = resolve({ [`${HOME}/.config/hadolint.yaml`]: 'ignored: [DL3000]\nstrict-labels: maybe\n' });
    assert.ok(!r.ok);
    assert.equal(describeError(r.error), `${HOME}/.config/hadolint.yaml:2: strict-labels: expected true or false, got "maybe"`);
  });
  test('a reader error (permission denied) stops the run', () => {
    const r = resolveLintConfig({ cwd: CWD, home: HOME, env: {}, flags: {} },
      (f) => (f.endsWith('.hadolint.yaml') ? err(new WhittleError('CONFIG', 'cannot read config file: permission denied', { file: f })) : ok(null)),
      parseConfigFile);
    assert.ok(!r.ok);
    assert.equal(r.error.where.file, `${CWD}/.hadolint.yaml`);
  });
});

describe('--config PATH', () => {
  test('is used instead of any discovered file, relative to the working directory', () => {
    const c = resolved({ [`${CWD}/.whittle.yaml`]: 'noFail: true', [`${CWD}/ci/lint.yaml`]: 'ignored: [DL3000]' }, { configPath: 'ci/lint.yaml' });
    assert.deepEqual(c.ignored, ['DL3000']);
    assert.equal(c.noFail, false);
    assert.equal(c.configFile, 'ci/lint.yaml');
  });
  test('an absolute path', () => {
    assert.equal(resolved({ '/etc/whittle.yml': 'failureThreshold: warning' }, { configPath: '/etc/whittle.yml' }).failureThreshold, 'warning');
  });
  test('its dialect comes from its name', () => {
    // `format: tty` fits both dialects; `fancy` is unknown to both: only hadolint's lenient reading accepts it.
    assert.ok(resolve({ [`${CWD}/x.hadolint.yaml`]: 'format: tty\nfancy: 1' }, { configPath: 'x.hadolint.yaml' }).ok);
    const r = resolve({ [`${CWD}/x.whittle.yaml`]: 'format: tty\nfancy: 1' }, { configPath: 'x.whittle.yaml' });
    assert.ok(!r.ok);
    assert.equal(describeError(r.error), 'x.whittle.yaml:2: unknown key "fancy" (known keys: failureThreshold, ignore, override, trustedRegistries, labelSchema, strictLabels, disableIgnorePragma, noFail, noColor, verbose, shellcheck, format, buildArgs, budget)');
  });
  test('or from its keys', () => {
    assert.deepEqual(resolved({ [`${CWD}/lint.yaml`]: 'ignored: [DL3001]' }, { configPath: 'lint.yaml' }).ignored, ['DL3001']);
    assert.deepEqual(resolved({ [`${CWD}/lint.yaml`]: 'ignore: [DL3002]' }, { configPath: 'lint.yaml' }).ignored, ['DL3002']);
  });
  test('a missing file is an error naming it', () => {
    const r = resolve({ [`${CWD}/.hadolint.yaml`]: 'ignored: [DL3000]' }, { configPath: 'nope.yaml' });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CONFIG');
    assert.equal(describeError(r.error), 'nope.yaml: config file not found');
  });
});

describe('layers: defaults < file < env < flags', () => {
  const file = { [`${CWD}/.hadolint.yaml`]: 'failure-threshold: error\nno-fail: true\nstrict-labels: true\nignored: [DL3000]\noverride:\n  warning: [DL3001, DL3002]\ntrustedRegistries: [a.io]\nlabel-schema:\n  a: text' };

  test('defaults fill what nobody set', () => {
    const c = resolved(file);
    assert.equal(c.noColor, false);
    assert.equal(c.disableIgnorePragma, false);
    assert.equal(c.shellcheck, 'auto');
  });
  test('the file beats the defaults', () => {
    const c = resolved(file);
    assert.equal(c.failureThreshold, 'error');
    assert.equal(c.noFail, true);
    assert.equal(c.strictLabels, true);
  });
  test('env beats the file', () => {
    const c = resolved(file, { env: { HADOLINT_FAILURE_THRESHOLD: 'warning', HADOLINT_NOFAIL: '0' } });
    assert.equal(c.failureThreshold, 'warning');
    assert.equal(c.noFail, false);
  });
  test('flags beat env and the file', () => {
    const c = resolved(file, { env: { WHITTLE_FAILURE_THRESHOLD: 'warning' }, flags: { failureThreshold: 'style' } });
    assert.equal(c.failureThreshold, 'style');
  });
  test('lists add up across layers, without repeats', () => {
    const c = resolved(file, {
      env: { HADOLINT_IGNORE: 'DL3003,DL3000', WHITTLE_TRUSTED_REGISTRIES: 'b.io' },
      flags: { ignored: ['SC2086'], trustedRegistries: ['c.io', 'a.io'] },
    });
    assert.deepEqual(c.ignored, ['DL3000', 'DL3003', 'SC2086']);
    assert.deepEqual(c.trustedRegistries, ['a.io', 'b.io', 'c.io']);
  });
  test('overrides and the label schema merge key by key, the later layer winning a key', () => {
    const c = resolved(file, {
      env: { HADOLINT_OVERRIDE_ERROR: 'DL3002', HADOLINT_REQUIRE_LABELS: 'b:url' },
      flags: { overrides: { DL3001: 'style' }, labelSchema: { a: 'semver' } },
    });
    assert.deepEqual(c.overrides, { DL3001: 'style', DL3002: 'error' });
    assert.deepEqual(c.labelSchema, { a: 'semver', b: 'url' });
  });
  test('a switch left off on the command line does not undo the file', () => {
    const flags = configFromFlags({ ignore: [], trustedRegistry: [], fail: true, color: true });
    assert.ok(flags.ok);
    const c = resolved(file, { flags: flags.value });
    assert.equal(c.noFail, true);
    assert.equal(c.strictLabels, true);
  });
  test('an env error stops the run before flags are looked at', () => {
    const r = resolve(file, { env: { WHITTLE_NOFAIL: 'perhaps' }, flags: { noFail: true } });
    assert.ok(!r.ok);
    assert.match(r.error.message, /^WHITTLE_NOFAIL: /);
  });
  test('the result is frozen', () => {
    assert.ok(Object.isFrozen(resolved(file)));
  });
});

describe('flags', () => {
  test('hadolint\'s flags become config', () => {
    const r = configFromFlags({
      ignore: ['DL3000'], trustedRegistry: ['r.io'], failureThreshold: 'warning', shellcheck: 'on', strictLabels: true,
      fail: false, color: false, error: ['DL3001'], warning: ['DL3002'], info: ['DL3003'], style: ['DL3004', 'DL3001'],
      requireLabel: ['maintainer:email', 'rev:hash', 'note'], disableIgnorePragma: true, verbose: true, format: 'json',
      buildArgs: { A: '1' },
    });
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      ignored: ['DL3000'], trustedRegistries: ['r.io'], failureThreshold: 'warning', shellcheck: 'on', strictLabels: true,
      noFail: true, noColor: true, overrides: { DL3001: 'error', DL3002: 'warning', DL3003: 'info', DL3004: 'style' },
      labelSchema: { maintainer: 'email', rev: 'git-hash', note: 'text' }, disableIgnorePragma: true, verbose: true,
      format: 'json', buildArgs: { A: '1' },
    });
  });
  test('nothing given, nothing said', () => {
    const r = configFromFlags({ ignore: [], trustedRegistry: [], fail: true, color: true, error: [], requireLabel: [] });
    assert.ok(r.ok);
    assert.deepEqual(r.value, {});
  });
  test('a bad --require-label is a usage error', () => {
    const r = configFromFlags({ requireLabel: ['built:date'] });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'USAGE');
    assert.match(r.error.message, /^--require-label: expected label:type/);
  });
});
