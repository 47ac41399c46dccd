// DL3063 cases: hadolint's spec and a few of our own.
import { dl3063 } from './dl3063-reserved-stage-name.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3063, {
  invalid: [
    { code: 'FROM foo:bar AS scratch', findings: [{ line: 1, message: '"scratch"' }], name: 'hadolint: not ok: stage name `scratch`' },
    { code: 'FROM foo:bar AS context', findings: [{ line: 1 }], name: 'hadolint: not ok: stage name `context`' },
    { code: 'FROM a AS build\nFROM b as context', findings: [{ line: 2 }], name: 'lower-case `as`' },
  ],
  valid: [
    { code: 'FROM foo:bar AS foobar', name: 'hadolint: ok: stage name `foobar`' },
    'FROM scratch',
    'FROM scratch AS base',
  ],
});
