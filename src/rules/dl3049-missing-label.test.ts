// DL3049 cases: hadolint's spec with schema {foo: text}. Its onBuildRuleCatches variants wrap only RUNs, so
// for these RUN-less files they are the plain cases again and are not repeated.
import { dl3049 } from './dl3049-missing-label.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { foo: 'text' as LabelType } };

runRuleTests(dl3049, {
  invalid: [
    { code: 'FROM baseimage', context, findings: [{ line: 1, message: '"foo"' }], name: 'hadolint: not ok: single stage, no label' },
    { code: 'FROM baseimage\nLABEL bar="baz"', context, findings: [{ line: 1 }], name: 'hadolint: not ok: single stage, wrong label' },
    { code: 'FROM stage1\nFROM stage2\n', context, findings: [{ line: 1 }, { line: 2 }], name: 'hadolint: warn twice: two stages, no labels' },
    { code: 'FROM stage1\nLABEL bar="baz"\nFROM stage2\nLABEL buzz="fuzz"\n', context, findings: [{ line: 1 }, { line: 3 }],
      name: 'hadolint: warn twice: two stages, wrong labels only' },
    { code: 'FROM baseimage\nLABEL foo="bar"\nFROM newimage\n', context, findings: [{ line: 3 }],
      name: 'hadolint: warn once: two stages, label present in first only' },
    { code: 'FROM baseimage\nFROM newimage\nLABEL foo="bar"\n', context, findings: [{ line: 1 }],
      name: 'hadolint: warn once: two stages, label present in second only' },
    { code: 'FROM baseimage\nLABEL baz="bar"\nFROM newimage\nLABEL foo="bar"\n', context, findings: [{ line: 1 }],
      name: 'hadolint: warn once: two stages, no inheritance, wrong label in one' },
    { code: 'FROM baseimage as base\nFROM base\n', context, findings: [{ line: 1 }, { line: 2 }],
      name: 'hadolint: warn twice: two stages, inheritance, no labels' },
    { code: 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\n', context, findings: [{ line: 1 }],
      name: 'hadolint: warn once: two stages, no inheritance, label in last stage, no connection' },
    { code: 'FROM baseimage as base\nFROM newimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n\nFROM newimage\nCOPY --from=base /bar /baz\n',
      context, findings: [{ line: 6 }], name: 'hadolint: warn once: multiple results, no inheritance, label in one result' },
    { code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n\nFROM base\n', context, findings: [{ line: 5 }],
      name: 'hadolint: warn once: multiple results, inheritance, label in one result' },
    { code: 'FROM baseimage as base\nFROM base\n\nFROM base\nLABEL foo="bar"\n', context, findings: [{ line: 2 }],
      name: 'hadolint: warn once: multiple results, inheritance, label in one result (second)' },
    { code: 'FROM alpine\nLABEL a=1', context: { labelSchema: { b: 'text', a: 'url' } },
      findings: [{ line: 1, message: '"b"' }], name: 'each schema label is required' },
    { code: 'FROM alpine\nONBUILD LABEL foo=1', context, findings: [{ line: 1 }], name: 'an ONBUILD LABEL does not label this image' },
  ],
  valid: [
    { code: 'FROM baseimage\nLABEL foo="bar"', context, name: 'hadolint: ok: single stage, label present' },
    { code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n', context,
      name: "hadolint: don't warn: two stages, inheritance, label defined in second stage" },
    { code: 'FROM baseimage as base\nFROM anotherimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n', context,
      name: "hadolint: don't warn: two stages, no inheritance, label in last stage, with copy" },
    { code: 'FROM baseimage as base\nLABEL foo="bar"\nFROM base\n', context, name: "hadolint: don't warn: two stages, inheritance" },
    { code: 'FROM alpine', name: 'no schema, nothing required' },
    { code: 'FROM alpine\nLABEL foo=""', context, name: 'present but empty is DL3051, not DL3049' },
  ],
});
