// Every registered rule is complete (docs, tests, a known category), and every rule file is registered.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { UNSAFE_RULES } from '../cli/fix.js';
import { rules } from './index.js';
import { CATEGORIES, ORIGINS } from './rule.js';
import type { Rule } from './rule.js';

const here = readdirSync(new URL('.', import.meta.url));
const ruleFiles = here.filter((f) => /^((dl|sc|wh)\d+|bk)-.+(?<!\.test)\.ts$/.test(f));

// BuildKit's rules keep BuildKit's names as ids; their files are `bk-` and the kebab-cased name.
function fileStem(rule: Rule): string {
  if (rule.origin !== 'buildkit') return `${rule.id.toLowerCase()}-`;
  return `bk-${rule.id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').toLowerCase()}.ts`;
}

test('ids are unique and sorted; every rule file is listed', () => {
  const ids = rules.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
  assert.equal(ruleFiles.length, rules.length, 'one rule file per registered rule');
});

for (const rule of rules) {
  test(`${rule.id} is complete`, () => {
    const file = ruleFiles.find((f) => f.startsWith(fileStem(rule)));
    assert.ok(file, `a file named ${fileStem(rule)}${rule.origin === 'buildkit' ? '' : '<slug>.ts'}`);
    assert.ok(here.includes(file.replace(/\.ts$/, '.test.ts')), `${file} has a test beside it`);
    const docs = new URL(`../../docs/rules/${rule.id}.md`, import.meta.url);
    assert.ok(existsSync(docs), `docs/rules/${rule.id}.md exists`);
    const text = readFileSync(docs, 'utf8');
    assert.match(text, /```dockerfile[\s\S]+```[\s\S]+```dockerfile[\s\S]+```/, 'docs show a bad and a good example');
    // What `whittle fix` does is documented exactly where it does something.
    assert.equal(/^## Fix$/m.test(text), rule.fixable, rule.fixable ? 'a fixable rule documents its fix under `## Fix`' : 'only a fixable rule has a `## Fix` section');
    const fix = text.split(/^## Fix$/m)[1]?.split(/^## /m)[0] ?? '';
    if (rule.fixable && UNSAFE_RULES.includes(rule.id)) assert.match(fix, /--unsafe/, 'an unsafe fix says it needs --unsafe');
    else if (rule.fixable) assert.match(fix, /In the default set/, 'a safe fix says it is in the default set');
    assert.ok((CATEGORIES as readonly string[]).includes(rule.category));
    assert.ok((ORIGINS as readonly string[]).includes(rule.origin));
    assert.ok(rule.title.length > 0);
  });
}
