// USER and HEALTHCHECK from the image config, located at the Dockerfile line when there is one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDockerfile } from '../../dockerfile/parse.js';
import { imageConfig, isRootUser } from './config.js';
import { analyze } from './testing.js';

test('which users are root', () => {
  for (const u of [null, '', 'root', '0', '0:0', 'root:staff', '000']) assert.ok(isRootUser(u), String(u));
  for (const u of ['node', '1000', '1000:0', 'app:root', '10']) assert.ok(!isRootUser(u), u);
});

test('no USER and no HEALTHCHECK: two findings without a line', async () => {
  const r = await analyze(imageConfig, { layers: [{ files: { app: 'x' } }], config: { user: null, healthcheck: null } });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.severity, f.location.line]), [['WH640', 'warning', undefined], ['WH641', 'info', undefined]]);
  assert.match(r.findings[0]?.message ?? '', /sets no USER/);
});

test('USER root and HEALTHCHECK NONE point at their lines; a non-root user with a check is fine', async () => {
  const df = parseDockerfile('FROM node\nUSER root\nHEALTHCHECK NONE\n');
  assert.ok(df.ok);
  const r = await analyze(imageConfig, { layers: [{}], dockerfile: df.value, config: { user: 'root', healthcheck: { test: ['NONE'], interval: null, timeout: null, retries: null } } });
  assert.deepEqual(r.findings.map((f) => [f.rule, f.location.line]), [['WH640', 2], ['WH641', 3]]);
  const ok = await analyze(imageConfig, { layers: [{}], config: { user: 'node', healthcheck: { test: ['CMD', 'curl', '-f', 'http://localhost/'], interval: null, timeout: null, retries: null } } });
  assert.deepEqual(ok.findings, []);
});
