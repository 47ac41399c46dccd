// DL3054 cases: hadolint's spec with schema {spdxlabel: spdx}, and a few of our own.
import { dl3054 } from './dl3054-label-not-spdx.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { spdxlabel: 'spdx' as LabelType } };

runRuleTests(dl3054, {
  invalid: [
    { code: 'LABEL spdxlabel="not-spdx"', context, findings: [{ line: 1, message: '"spdxlabel"' }],
      name: 'hadolint: not ok with label not containing SPDX identifier' },
    { code: 'FROM alpine\nLABEL spdxlabel="mit"', context, findings: [{ line: 2 }], name: 'identifiers are case-sensitive' },
    { code: 'FROM alpine\nLABEL spdxlabel="MIT OR Apache-2.0"', context, findings: [{ line: 2 }], name: 'an expression is not an identifier' },
  ],
  valid: [
    { code: 'LABEL spdxlabel="BSD-3-Clause"', context, name: 'hadolint: ok with label containing SPDX identifier' },
    { code: 'LABEL spdxlabel="MIT"', context, name: 'hadolint: ok with label containing SPDX identifier (onBuild variant)' },
    { code: 'LABEL other="fooo"', context, name: 'hadolint: ok with other label not containing SPDX identifier' },
    { code: 'LABEL other="bar"', context, name: 'hadolint: ok with other label not containing SPDX identifier (onBuild variant)' },
    { code: 'FROM alpine\nLABEL spdxlabel=GPL-2.0', context, name: 'deprecated identifier' },
    { code: 'FROM alpine\nLABEL spdxlabel=Apache-2.0', context, name: 'Apache-2.0' },
  ],
});
