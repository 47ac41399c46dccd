// The bundled examples stay what README promises: the sloppy Dockerfile shows the classic mistakes, its twin is clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './cli/helpers.js';

const dir = new URL('../examples/node-app/', import.meta.url).pathname;

test('the sloppy example reports the mistakes it was written to show', async () => {
  const r = await runCli(['lint', '--shellcheck', 'off', '-f', 'json', 'Dockerfile'], { cwd: dir });
  assert.equal(r.exit, 1);
  const { findings } = JSON.parse(r.stdout) as { findings: { rule: string; aliases?: string[]; message: string }[] };
  const ids = new Set(findings.flatMap((f) => [f.rule, ...(f.aliases ?? [])]));
  for (const id of ['DL3007', 'DL4000', 'DL3064', 'WH300', 'DL3009', 'DL3015', 'DL3025', 'WH100', 'WH106', 'WH109', 'WH110', 'WH200', 'WH205', 'WH301', 'WH304', 'WH306']) {
    assert.ok(ids.has(id), `${id} reported`);
  }
  assert.ok(!r.stdout.includes('abcdefghijklmnopqrstuvwxyz0123456789'), 'the token in ENV is never printed');
});

test('the tidy twin lints clean', async () => {
  const r = await runCli(['lint', '--shellcheck', 'off', 'Dockerfile.tidy'], { cwd: dir });
  assert.equal(r.stderr, '');
  assert.equal(r.exit, 0, r.stdout);
});
