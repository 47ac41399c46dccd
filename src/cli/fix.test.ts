// fix's pure parts: the steps --verify builds one by one, rule selection under a config file, layer pairing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LINT_CONFIG } from '../config/config.js';
import { fixSteps, fixText, selectFixRules } from './fix.js';
import { changedLayers, filesystemRecipe } from './verify.js';

const SLOPPY = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\nADD a.conf /etc/a.conf\n';
const ids = (rules: readonly { id: string }[]): string[] => rules.map((r) => r.id);

test('fixSteps: one step per rule that changes something, a fix made possible by another comes after it, the last step is the whole fix', () => {
  const rules = selectFixRules({ rule: [], ignore: [], unsafe: false });
  const steps = fixSteps(SLOPPY, rules);
  assert.deepEqual(steps.map((s) => s.rules), [['DL3015'], ['DL3020'], ['DL3059'], ['DL3009']]);
  assert.equal(steps.at(-1)?.text, fixText(SLOPPY, rules));
  // Each step keeps what the earlier ones did.
  assert.match(steps[1]?.text ?? '', /--no-install-recommends[^]*COPY a\.conf/);
  assert.doesNotMatch(steps[2]?.text ?? '', /rm -rf/);
  assert.match(steps[3]?.text ?? '', /rm -rf \/var\/lib\/apt\/lists/);
});

test('fixSteps: nothing to fix, no steps; one rule, one step', () => {
  const rules = selectFixRules({ rule: [], ignore: [], unsafe: false });
  assert.deepEqual(fixSteps('FROM scratch\nCOPY a /a\n', rules), []);
  assert.deepEqual(fixSteps(SLOPPY, selectFixRules({ rule: ['DL3020'], ignore: [], unsafe: false })).map((s) => s.rules), [['DL3020']]);
});

test('selectFixRules: a config file\'s ignore list and `ignore` overrides drop fixes, unless --rule names them', () => {
  const config = { ...DEFAULT_LINT_CONFIG, ignored: ['DL3020'], overrides: { DL3015: 'ignore' as const, DL3059: 'error' as const } };
  const chosen = ids(selectFixRules({ rule: [], ignore: [], unsafe: false, config }));
  assert.ok(!chosen.includes('DL3020') && !chosen.includes('DL3015'), chosen.join());
  assert.ok(chosen.includes('DL3059') && chosen.includes('DL3009'), chosen.join());
  assert.deepEqual(ids(selectFixRules({ rule: ['DL3020'], ignore: [], unsafe: false, config })), ['DL3020']);
  // An alias in the config file counts as the rule (BuildKit's name for DL3025).
  const byAlias = ids(selectFixRules({ rule: [], ignore: [], unsafe: false, config: { ...DEFAULT_LINT_CONFIG, ignored: ['JSONArgsRecommended'] } }));
  assert.ok(!byAlias.includes('DL3025'), byAlias.join());
});

test('changedLayers pairs the layers one image has and the other lacks, by position; shared layers are left out', () => {
  const base = { diffId: 'sha256:b', by: 'base', bytes: 100 };
  const a = [base, { diffId: 'sha256:1', by: 'RUN a', bytes: 50 }, { diffId: 'sha256:2', by: 'RUN b', bytes: 20 }];
  const b = [base, { diffId: 'sha256:3', by: 'RUN a && b', bytes: 30 }];
  assert.deepEqual(changedLayers(a, b), [
    { before: { by: 'RUN a', bytes: 50 }, after: { by: 'RUN a && b', bytes: 30 } },
    { before: { by: 'RUN b', bytes: 20 }, after: null },
  ]);
  assert.deepEqual(changedLayers(b, b), []);
  // Same instruction text pairs first, whatever the position; a layer re-run with the same bytes is no change.
  const c = [base, { diffId: 'sha256:4', by: 'COPY . .', bytes: 10 }, { diffId: 'sha256:5', by: 'RUN npm ci', bytes: 900 }];
  const d = [base, { diffId: 'sha256:6', by: 'COPY package.json ./', bytes: 1 }, { diffId: 'sha256:7', by: 'RUN npm ci', bytes: 400 }, { diffId: 'sha256:8', by: 'COPY . .', bytes: 10 }];
  // A RUN replaces a RUN and a COPY a COPY, whatever their order among the changed layers.
  const e = [base, { diffId: 'sha256:9', by: 'npm ci && chmod -R 755 /x', bytes: 1900 }];
  const f = [base, { diffId: 'sha256:a', by: 'COPY package.json ./', bytes: 339 }, { diffId: 'sha256:c1', by: 'npm ci', bytes: 1800 }];
  assert.deepEqual(changedLayers(e, f), [
    { before: null, after: { by: 'COPY package.json ./', bytes: 339 } },
    { before: { by: 'npm ci && chmod -R 755 /x', bytes: 1900 }, after: { by: 'npm ci', bytes: 1800 } },
  ]);
  assert.deepEqual(changedLayers(c, d), [
    { before: null, after: { by: 'COPY package.json ./', bytes: 1 } },
    { before: { by: 'RUN npm ci', bytes: 900 }, after: { by: 'RUN npm ci', bytes: 400 } },
  ]);
});

test('filesystemRecipe: metadata instructions do not count, anything that writes files or changes how RUN runs does', () => {
  const a = 'FROM debian:12\nMAINTAINER me\nRUN apt-get update\nCMD node server.js\n';
  assert.equal(filesystemRecipe(a), filesystemRecipe('FROM debian:12\nLABEL org.opencontainers.image.authors="me"\nRUN apt-get update\nCMD ["node", "server.js"]\n'));
  assert.notEqual(filesystemRecipe(a), filesystemRecipe(a.replace('RUN apt-get update', 'RUN apt-get update && rm -rf /var/lib/apt/lists/*')));
  assert.notEqual(filesystemRecipe(a), filesystemRecipe(a.replace('MAINTAINER me\n', 'USER app\n')));
  assert.notEqual(filesystemRecipe(a), filesystemRecipe(a.replace('MAINTAINER me\n', 'ENV A=1\n')));
  assert.equal(filesystemRecipe('FROM a\nRUN <<EOF\n'), null);
});
