// DL3052 cases: hadolint's spec with schema {urllabel: url}, and URI edge cases of our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dl3052, isUri } from './dl3052-label-not-url.js';
import type { LabelType } from './rule.js';
import { runRuleTests } from './testing.js';

const context = { labelSchema: { urllabel: 'url' as LabelType } };

runRuleTests(dl3052, {
  invalid: [
    { code: 'LABEL urllabel="not-url"', context, findings: [{ line: 1, message: '"urllabel"' }], name: 'hadolint: not ok with label not containing URL' },
    { code: 'FROM alpine\nLABEL urllabel="http://exa mple.com"', context, findings: [{ line: 2 }], name: 'space in host' },
    { code: 'FROM alpine\nLABEL urllabel=""', context, findings: [{ line: 2 }], name: 'empty is not a URL' },
  ],
  valid: [
    { code: 'LABEL urllabel="http://example.com"', context, name: 'hadolint: ok with label containing URL' },
    { code: 'LABEL other="foo"', context, name: 'hadolint: ok with other label not containing URL' },
    { code: 'LABEL other="bar"', context, name: 'hadolint: ok with other label not containing URL (onBuild variant)' },
    { code: 'LABEL urllabel="not-url"', context: { labelSchema: { urllabel: 'text' } }, name: 'only url-typed labels are checked' },
  ],
});

test('isUri follows RFC 3986', () => {
  for (const ok of ['https://github.com/o/r.git', 'mailto:a@b.c', 'urn:isbn:0451450523', 'http://[::1]:8080/x?q=1#f',
    'http://user:pw@host:/p', 'file:///etc/passwd', 'http://a/%20b']) assert.ok(isUri(ok), ok);
  for (const bad of ['example.com', '//host/x', 'http://a/b c', 'http://a:8o/', 'http://[::g]/', 'http://a/%2', '1http://a', 'http://a#b#c'])
    assert.ok(!isUri(bad), bad);
});
