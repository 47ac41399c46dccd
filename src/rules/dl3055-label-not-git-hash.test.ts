// DL3055 cases: hadolint's spec with schema {githash: git-hash}, and a few of our own.
import { dl3055 } from './dl3055-label-not-git-hash.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { githash: 'git-hash' as LabelType } };

runRuleTests(dl3055, {
  invalid: [
    { code: 'LABEL githash="not-git-hash"', context, findings: [{ line: 1, message: '"githash"' }], name: 'hadolint: not ok with label not containing git hash' },
    { code: 'FROM alpine\nLABEL githash="2DBFAE9"', context, findings: [{ line: 2 }], name: 'upper-case hex' },
    { code: 'FROM alpine\nLABEL githash="2dbfae91"', context, findings: [{ line: 2 }], name: 'eight digits' },
  ],
  valid: [
    { code: 'LABEL githash="2dbfae9"', context, name: 'hadolint: ok with label containing short git hash' },
    { code: 'LABEL githash="43c572f1272b6b3171dd1db9e41b7027128ce080"', context, name: 'hadolint: ok with label containing long git hash' },
    { code: 'LABEL other="foo"', context, name: 'hadolint: ok with other label not containing git hash' },
    { code: 'LABEL other="bar"', context, name: 'hadolint: ok with other label not containing git hash (onBuild variant)' },
  ],
});
