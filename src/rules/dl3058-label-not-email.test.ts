// DL3058 cases: hadolint's spec with schema {maintainer: email}, and address edge cases of our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dl3058, isEmail } from './dl3058-label-not-email.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { maintainer: 'email' as LabelType } };

runRuleTests(dl3058, {
  invalid: [
    { code: 'LABEL maintainer="not-email"', context, findings: [{ line: 1, message: '"maintainer"' }], name: 'hadolint: not ok with label not containing valid email' },
    { code: 'FROM alpine\nLABEL maintainer="Jane Doe <jane@example.com>"', context, findings: [{ line: 2 }], name: 'a name-addr is not an addr-spec' },
  ],
  valid: [
    { code: 'LABEL maintainer="abcd@google.com"', context, name: 'hadolint: ok with label containing valid email' },
    { code: 'LABEL other="doo"', context, name: 'hadolint: ok with other label not containing valid email' },
    { code: 'LABEL other="bar"', context, name: 'hadolint: ok with other label not containing valid email (onBuild variant)' },
    { code: 'FROM alpine\nLABEL maintainer=first.last+tag@sub.example.org', context, name: 'dots and plus' },
  ],
});

test('isEmail', () => {
  for (const ok of ['a@b', '"john doe"@example.com', 'x@[127.0.0.1]', "o'brien@example.ie"]) assert.ok(isEmail(ok), ok);
  for (const bad of ['@example.com', 'a@', 'a..b@example.com', '.a@example.com', 'a@-example.com', 'a@exa_mple.com', 'a b@example.com'])
    assert.ok(!isEmail(bad), bad);
});
