// Secret values in build history and messages are masked; ordinary words and already-masked values are left alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactSecrets } from './redact.js';

test('a build argument with a secret-sounding name is masked whatever its value looks like', () => {
  const out = redactSecrets('|2 DB_PASSWORD=hunter2hunter2 VERSION=1.2 /bin/sh -c make');
  assert.ok(!out.includes('hunter2hunter2'));
  assert.match(out, /VERSION=1\.2/);
  assert.match(out, /DB_PASSWORD=\S*…\(14 chars, sha256:[0-9a-f]{8}\)/);
});

test('known token formats are masked anywhere; prose, variables and masks stay', () => {
  const token = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
  assert.ok(!redactSecrets(`curl -H "Authorization: token ${token}" x`).includes(token));
  assert.equal(redactSecrets('root has an empty password: anyone can log in'), 'root has an empty password: anyone can log in');
  assert.equal(redactSecrets('API_TOKEN=$API_TOKEN make'), 'API_TOKEN=$API_TOKEN make');
  assert.equal(redactSecrets('TOKEN=<masked sha256:1234abcd>'), 'TOKEN=<masked sha256:1234abcd>');
});
