// DL3051 cases: hadolint's spec with schema {emptylabel: text}; its onBuild variants are plain LABEL cases.
import { dl3051 } from './dl3051-empty-label.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { emptylabel: 'text' as LabelType } };

runRuleTests(dl3051, {
  invalid: [
    { code: 'LABEL emptylabel=""', context, findings: [{ line: 1, message: '"emptylabel"' }], name: 'hadolint: not ok with label empty' },
    { code: 'FROM alpine\nLABEL emptylabel=', context, findings: [{ line: 2 }], name: 'no value at all' },
    { code: 'FROM alpine\nLABEL a="" b=""', context: { labelSchema: { b: 'url', a: 'text' } },
      findings: [{ line: 2, message: '"a"' }, { line: 2, message: '"b"' }], name: 'one finding per empty schema label, any type' },
  ],
  valid: [
    { code: 'LABEL emptylabel="foo"', context, name: 'hadolint: ok with label not empty' },
    { code: 'LABEL emptylabel="bar"', context, name: 'hadolint: ok with label not empty (onBuild variant)' },
    { code: 'LABEL other=""', context, name: 'hadolint: ok with other label empty' },
    { code: 'FROM alpine\nONBUILD LABEL emptylabel=""', context, name: 'ONBUILD LABEL triggers are not checked (as in hadolint)' },
  ],
});
