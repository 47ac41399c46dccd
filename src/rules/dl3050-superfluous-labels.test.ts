// DL3050 cases: hadolint's spec (schema {required: text}, strict labels on). Its onBuildRuleCatches variants wrap
// only RUNs, so for LABEL they are plain cases, kept where the text differs.
import { dl3050 } from './dl3050-superfluous-labels.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { required: 'text' as LabelType }, strictLabels: true };

runRuleTests(dl3050, {
  invalid: [
    { code: 'LABEL other="bar"', context, findings: [{ line: 1, message: '"other"' }], name: 'hadolint: not ok with just other label' },
    { code: 'LABEL required="foo" other="bar"', context, findings: [{ line: 1 }], name: 'hadolint: not ok with other label and required label' },
    { code: 'FROM alpine\nLABEL a=1\nLABEL b=2', context: { strictLabels: true }, findings: [{ line: 2 }, { line: 3 }],
      name: 'empty schema: every label is superfluous' },
  ],
  valid: [
    // Our parser refuses an empty file, so hadolint's "" becomes a file with no LABEL.
    { code: 'FROM scratch', context, name: 'hadolint: ok with no label' },
    { code: 'LABEL required="foo"', context, name: 'hadolint: ok with required label' },
    { code: 'LABEL required="bar"', context, name: 'hadolint: ok with required label (onBuild variant)' },
    { code: 'LABEL other="bar"', context: { labelSchema: { required: 'text' } }, name: 'strict labels off' },
    { code: 'FROM alpine\nONBUILD LABEL other=1', context, name: 'ONBUILD LABEL triggers are not checked (as in hadolint)' },
  ],
});
