// `whittle rules` in each format, `--help` and `--version`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rules } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { runCli } from './helpers.js';

test('rules --format json lists every registered rule with its metadata', async () => {
  const r = await runCli(['rules', '--format', 'json']);
  assert.equal(r.exit, 0);
  const doc = JSON.parse(r.stdout) as { schemaVersion: number; rules: { id: string; origin: string; docs: string }[] };
  assert.equal(doc.schemaVersion, 1);
  assert.deepEqual(doc.rules.map((x) => x.id), rules.map((x) => x.id));
  assert.ok(doc.rules.every((x) => x.docs === `docs/rules/${x.id}.md`));
});

test('rules --format markdown is a table with one row per rule', async () => {
  const r = await runCli(['rules', '-f', 'markdown']);
  assert.equal(r.exit, 0);
  const rows = r.stdout.trim().split('\n');
  assert.equal(rows.length, rules.length + 2);
  assert.match(rows[0] ?? '', /^\| id \| severity \| category \| origin \| fixable \| title \|$/);
});

test('rules (tty) ends with the count', async () => {
  const r = await runCli(['rules']);
  assert.match(r.stdout, new RegExp(`\\n${rules.length} rules\\n$`));
});

test('--help lists the commands; --version prints the package version', async () => {
  const help = await runCli(['--help']);
  assert.equal(help.exit, 0);
  assert.match(help.stdout, /lint \[options\] \[files\.\.\.\]/);
  assert.match(help.stdout, /rules \[options\]/);
  const v = await runCli(['--version']);
  assert.equal(v.exit, 0);
  assert.equal(v.stdout.trim(), VERSION);
});

test('an unknown command or format is a usage error, exit 2', async () => {
  assert.equal((await runCli(['frobnicate'])).exit, 2);
  const bad = await runCli(['rules', '--format', 'xml']);
  assert.equal(bad.exit, 2);
  assert.match(bad.stderr, /xml/);
});
