// `whittle rules` in each format, `--help` and `--version`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { imageRules } from '../../src/analysis/checks/index.js';
import { CONTEXT_CHECKS } from '../../src/context/report.js';
import { rules } from '../../src/rules/index.js';
import { VERSION } from '../../src/version.js';
import { runCli } from './helpers.js';

const ALL = rules.length + imageRules.length + Object.keys(CONTEXT_CHECKS).length;

test('rules --format json lists every rule: Dockerfile rules as registered, then image rules, then context rules', async () => {
  const r = await runCli(['rules', '--format', 'json']);
  assert.equal(r.exit, 0);
  const doc = JSON.parse(r.stdout) as { schemaVersion: number; rules: { id: string; scope: string; origin: string; docs: string }[] };
  assert.equal(doc.schemaVersion, 1);
  assert.deepEqual(doc.rules.map((x) => x.id), [...rules.map((x) => x.id), ...imageRules.map((x) => x.id), ...Object.values(CONTEXT_CHECKS).map((x) => x.id)]);
  assert.deepEqual([...new Set(doc.rules.map((x) => x.scope))], ['dockerfile', 'image', 'context']);
  // Every docs link leads somewhere: a file, and for context rules an anchor in it.
  for (const x of doc.rules) {
    const [file, anchor] = x.docs.split('#');
    const text = await readFile(new URL(`../../${file ?? ''}`, import.meta.url), 'utf8');
    if (anchor !== undefined) assert.ok(text.includes(`id="${anchor}"`), x.docs);
  }
});

test('rules --scope narrows the list to one kind of rule', async () => {
  const only = async (scope: string): Promise<string[]> =>
    (JSON.parse((await runCli(['rules', '--scope', scope, '-f', 'json'])).stdout) as { rules: { id: string }[] }).rules.map((x) => x.id);
  assert.deepEqual(await only('dockerfile'), rules.map((x) => x.id));
  assert.deepEqual(await only('image'), imageRules.map((x) => x.id));
  assert.deepEqual(await only('context'), ['WH500', 'WH501', 'WH502', 'WH503', 'WH504', 'WH505', 'WH506', 'WH507', 'WH510', 'WH511', 'WH512']);
  assert.equal((await runCli(['rules', '--scope', 'layers'])).exit, 2);
});

test('rules --format markdown is a table with one row per rule', async () => {
  const r = await runCli(['rules', '-f', 'markdown']);
  assert.equal(r.exit, 0);
  const rows = r.stdout.trim().split('\n');
  assert.equal(rows.length, ALL + 2);
  assert.match(rows[0] ?? '', /^\| id \| scope \| severity \| category \| origin \| fixable \| title \|$/);
  assert.ok(rows.includes('| [WH600](docs/rules/WH600.md) | image | ' + `${imageRules[0]?.severity ?? ''} | ${imageRules[0]?.category ?? ''} | whittle | no | ${imageRules[0]?.title ?? ''} |`), rows.find((x) => x.includes('WH600')));
});

test('rules (tty) ends with the count', async () => {
  const r = await runCli(['rules']);
  assert.match(r.stdout, new RegExp(`\\n${ALL} rules\\n$`));
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
