// DL3056 cases: hadolint's spec with schema {semver: semver}, and a few of our own.
import { dl3056 } from './dl3056-label-not-semver.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { semver: 'semver' as LabelType } };

runRuleTests(dl3056, {
  invalid: [
    { code: 'LABEL semver="not-sem-ver"', context, findings: [{ line: 1, message: '"semver"' }], name: 'hadolint: not ok with label not containing semantic version' },
    { code: 'FROM alpine\nLABEL semver="1.2"', context, findings: [{ line: 2 }], name: 'two components' },
    { code: 'FROM alpine\nLABEL semver="v1.2.3"', context, findings: [{ line: 2 }], name: 'v prefix' },
  ],
  valid: [
    { code: 'LABEL semver="1.0.0"', context, name: 'hadolint: ok with label containing semantic version' },
    { code: 'LABEL semver="2.0.1-rc1"', context, name: 'hadolint: ok with label containing semantic version (onBuild variant)' },
    { code: 'LABEL other="foo"', context, name: 'hadolint: ok with other label not containing semantic version' },
    { code: 'LABEL other="bar"', context, name: 'hadolint: ok with other label not containing semantic version (onBuild variant)' },
    { code: 'FROM alpine\nLABEL semver=1.0.0-alpha.1+build.5', context, name: 'pre-release and build metadata' },
  ],
});
