// The linter around the rules: aliases merge into one finding, and ignore lists, pragmas and overrides
// act on every name of a finding but never on a rule that did not report it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dockerfile } from '../dockerfile/model.js';
import { lintDockerfile } from './lint.js';
import type { Finding, Rule } from './rule.js';
import { DEFAULT_RULE_CONTEXT, findingAt } from './rule.js';
import { parseOrThrow } from './testing.js';

// Two toy rulesets that report RUN lines: "A1" every RUN, "B1" (an alias of A1) RUNs that mention npm,
// with a byte estimate and a fix A1 does not have.
const a1: Rule = {
  id: 'A1', title: 'a', category: 'size', severity: 'warning', origin: 'hadolint', fixable: false,
  check: (df: Dockerfile) => df.instructions.filter((i) => i.keyword === 'RUN').map((i) => findingAt(a1, i, 'from A1')),
};
const b1: Rule = {
  id: 'B1', title: 'b', category: 'size', severity: 'info', origin: 'whittle', fixable: true, aliases: ['A1'],
  check: (df: Dockerfile) => df.instructions
    .filter((i) => i.keyword === 'RUN' && i.args.includes('npm'))
    .map((i) => findingAt(b1, i, 'from B1', { bytes: 100, fix: [{ start: i.span.end, end: i.span.end, text: ' # fixed' }] })),
};
const c1: Rule = {
  id: 'C1', title: 'c', category: 'size', severity: 'info', origin: 'whittle', fixable: false,
  check: (df: Dockerfile) => df.instructions.filter((i) => i.keyword === 'EXPOSE').map((i) => findingAt(c1, i, 'from C1')),
};

function lint(text: string, opts: { ignored?: string[]; overrides?: Record<string, 'error' | 'ignore' | 'style'>; pragmas?: boolean } = {}): Finding[] {
  return lintDockerfile(parseOrThrow(text), { rules: [a1, b1, c1], context: DEFAULT_RULE_CONTEXT, ...opts });
}

const TEXT = 'FROM node\nRUN npm ci\nRUN make\nEXPOSE 80\n';

test('twins on one line merge: first id and message, alias listed, bytes and fix carried over', () => {
  const [npm, make, expose] = lint(TEXT);
  assert.deepEqual([npm?.rule, npm?.aliases, npm?.message, npm?.bytes, npm?.severity], ['A1', ['B1'], 'from A1', 100, 'warning']);
  assert.equal(npm?.fix?.length, 1);
  assert.deepEqual([make?.rule, make?.aliases], ['A1', undefined]);
  assert.equal(expose?.rule, 'C1');
  assert.equal(npm?.location.file, 'Dockerfile');
});

test('ignoring either name drops the merged finding, but not what only the ignored rule never said', () => {
  assert.deepEqual(lint(TEXT, { ignored: ['B1'] }).map((f) => [f.rule, f.location.line]), [['A1', 3], ['C1', 4]]);
  assert.deepEqual(lint(TEXT, { ignored: ['A1'] }).map((f) => [f.rule, f.location.line]), [['C1', 4]]);
  assert.deepEqual(lint('FROM node\nRUN npm ci\n', { ignored: ['A1'] }).length, 0);
  const onlyB = lintDockerfile(parseOrThrow('FROM node\nRUN npm ci\n'), { rules: [b1], context: DEFAULT_RULE_CONTEXT, ignored: ['A1'] });
  assert.deepEqual(onlyB.map((f) => f.rule), ['B1'], 'A1 ignored, but A1 never reported this: B1 stands alone');
});

test('pragmas accept any name of the merged finding', () => {
  const text = 'FROM node\n# hadolint ignore=B1\nRUN npm ci\n# whittle ignore=A1\nRUN make\n';
  assert.deepEqual(lint(text).map((f) => f.location.line), []);
  assert.deepEqual(lint(text, { pragmas: false }).map((f) => f.location.line), [3, 5]);
});

test('overrides: own id decides whether a rule runs; any name of a finding sets its level', () => {
  assert.deepEqual(lint(TEXT, { overrides: { C1: 'ignore' } }).map((f) => f.rule), ['A1', 'A1']);
  assert.deepEqual(lint(TEXT, { overrides: { B1: 'error' } }).map((f) => f.severity), ['error', 'warning', 'info']);
  assert.deepEqual(lint(TEXT, { overrides: { A1: 'style' } }).map((f) => f.severity), ['style', 'style', 'info']);
});

test('a rule off by default (severity ignore) runs only when config gives it a level', () => {
  const off: Rule = { ...c1, id: 'D1', severity: 'ignore', check: (df) => c1.check(df, DEFAULT_RULE_CONTEXT).map((f) => ({ ...f, rule: 'D1' })) };
  const run = (overrides: Record<string, 'warning'>): string[] =>
    lintDockerfile(parseOrThrow(TEXT), { rules: [off], context: DEFAULT_RULE_CONTEXT, overrides }).map((f) => `${f.rule}:${f.severity}`);
  assert.deepEqual(run({}), []);
  assert.deepEqual(run({ D1: 'warning' }), ['D1:warning']);
});
