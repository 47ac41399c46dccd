// Every analyzer's rules are unique, in the WH600-WH699 image range, described in imageRules and documented.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rules as dockerfileRules } from '../../rules/index.js';
import { CATEGORIES, SEVERITIES } from '../../rules/rule.js';
import { analyzers, imageRules } from './index.js';

test('rule ids are unique across analyzers, sorted in imageRules, and clash with no Dockerfile rule', () => {
  const reported = analyzers.flatMap((a) => a.rules);
  assert.equal(new Set(reported).size, reported.length, 'no rule reported by two analyzers');
  const ids = imageRules.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
  assert.deepEqual([...reported].sort(), ids, 'every reported rule is described, every described rule is reported');
  for (const id of ids) assert.match(id, /^WH6\d\d$/);
  const names = new Set(analyzers.map((a) => a.name));
  assert.equal(names.size, analyzers.length, 'analyzer names are unique');
  for (const r of dockerfileRules) assert.ok(!ids.includes(r.id), `${r.id} is a Dockerfile rule`);
});

for (const rule of imageRules) {
  test(`${rule.id} is documented`, () => {
    assert.ok((SEVERITIES as readonly string[]).includes(rule.severity));
    assert.ok((CATEGORIES as readonly string[]).includes(rule.category));
    const docs = new URL(`../../../docs/rules/${rule.id}.md`, import.meta.url);
    assert.ok(existsSync(docs), `docs/rules/${rule.id}.md exists`);
    const text = readFileSync(docs, 'utf8');
    assert.ok(text.startsWith(`# ${rule.id} — ${rule.title}\n`), 'the docs title is the rule\'s');
    assert.match(text, new RegExp(`Severity: ${rule.severity} · Category: ${rule.category}`));
    assert.match(text, /```dockerfile[\s\S]+```[\s\S]+```dockerfile[\s\S]+```/, 'docs show a bad and a good example');
  });
}

test('every analyzer that reads bodies answers quickly for an ordinary file', () => {
  const t0 = process.hrtime.bigint();
  let asked = 0;
  for (let i = 0; i < 20_000; i++) {
    for (const a of analyzers) if (a.wantsBody?.(`/usr/lib/x86_64-linux-gnu/lib${i}.so.1`, 4096) === true) asked++;
  }
  assert.equal(asked, 0, 'shared libraries are never read');
  assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 2000);
});
