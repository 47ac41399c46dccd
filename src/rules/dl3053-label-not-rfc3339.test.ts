// DL3053 cases: hadolint's spec with schema {datelabel: rfc3339}, and timestamp edge cases of our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dl3053, isRfc3339 } from './dl3053-label-not-rfc3339.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { datelabel: 'rfc3339' as LabelType } };

runRuleTests(dl3053, {
  invalid: [
    { code: 'LABEL datelabel="not-date"', context, findings: [{ line: 1, message: '"datelabel"' }],
      name: 'hadolint: not ok with label not containing RFC3339 date' },
    { code: 'FROM alpine\nLABEL datelabel="2021-03-10"', context, findings: [{ line: 2 }], name: 'a date alone' },
    { code: 'FROM alpine\nLABEL datelabel="2021-02-30T10:00:00Z"', context, findings: [{ line: 2 }], name: 'no such day' },
  ],
  valid: [
    { code: 'LABEL datelabel="2021-03-10T10:26:33.564595127+01:00"', context, name: 'hadolint: ok with label containing RFC3339 date' },
    { code: 'LABEL other="doo"', context, name: 'hadolint: ok with other label not containing RFC3339 date' },
    { code: 'LABEL other="bar"', context, name: 'hadolint: ok with other label not containing RFC3339 date (onBuild variant)' },
    { code: 'FROM alpine\nLABEL datelabel=2024-02-29T23:59:60Z', context, name: 'leap day, leap second' },
  ],
});

test('isRfc3339', () => {
  for (const ok of ['2021-03-10T10:26:33Z', '2021-03-10t10:26:33z', '2021-03-10T10:26:33-05:30', '2021-03-10T10:26:33.1Z']) assert.ok(isRfc3339(ok), ok);
  for (const bad of ['2021-03-10 10:26:33Z', '2021-03-10T10:26:33', '2021-13-10T10:26:33Z', '2021-03-10T24:00:00Z', '2021-03-10T10:26:33+0100', '2021-03-10T10:26:33.Z'])
    assert.ok(!isRfc3339(bad), bad);
});
