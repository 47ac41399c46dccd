// node_modules dev dependencies: from npm's lockfile when it is there (transitive ones too), else package.json.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { devPathsFromLock, nodeDevDependencies } from './node-dev-deps.js';
import { analyze } from './testing.js';

const pkg = JSON.stringify({ name: 'app', dependencies: { express: '^4' }, devDependencies: { jest: '^29', typescript: '^5', express: '^4' } });

test('devDependencies present in node_modules, each with its bytes; one also in dependencies is kept', async () => {
  const r = await analyze(nodeDevDependencies, {
    layers: [
      { files: { 'app/package.json': pkg }, createdBy: 'COPY package.json /app/' },
      {
        files: {
          'app/node_modules/': '',
          'app/node_modules/express/index.js': { size: 100 },
          'app/node_modules/jest/': '',
          'app/node_modules/jest/index.js': { size: 2000 },
          'app/node_modules/typescript/': '',
          'app/node_modules/typescript/lib/tsc.js': { size: 9000 },
        },
        createdBy: '/bin/sh -c npm install',
        line: 5,
      },
    ],
  });
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]?.bytes, 11_000);
  assert.equal(r.findings[0]?.location.path, '/app/node_modules');
  assert.equal(r.findings[0]?.location.layer, 1);
  assert.match(r.findings[0]?.message ?? '', /^2 packages in \/app\/node_modules are devDependencies of \/app\/package\.json \(jest, typescript\), installed by layer 1 \(npm install, Dockerfile line 5\)/);
});

test('the hidden lockfile names transitive dev packages too', async () => {
  const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/jest': { dev: true }, 'node_modules/pretty-format': { dev: true }, 'node_modules/express': {} } });
  assert.deepEqual(devPathsFromLock(JSON.parse(lock) as Record<string, unknown>), ['node_modules/jest', 'node_modules/pretty-format']);
  const r = await analyze(nodeDevDependencies, {
    layers: [{
      files: {
        'package.json': pkg,
        'node_modules/.package-lock.json': lock,
        'node_modules/jest/a.js': { size: 10 },
        'node_modules/pretty-format/a.js': { size: 20 },
        'node_modules/express/a.js': { size: 40 },
        'node_modules/jest/': { type: 'directory' },
        'node_modules/pretty-format/': { type: 'directory' },
      },
    }],
  });
  assert.equal(r.findings[0]?.bytes, 30);
  assert.match(r.findings[0]?.message ?? '', /packages the lockfile marks dev-only.*\(jest, pretty-format\)/);
});

test('production install (no dev package present), manifests inside node_modules, bad JSON: nothing', async () => {
  assert.ok(!nodeDevDependencies.wantsBody?.('/app/node_modules/x/package.json', 100));
  assert.ok(nodeDevDependencies.wantsBody?.('/app/package.json', 100));
  const r = await analyze(nodeDevDependencies, {
    layers: [{ files: { 'app/package.json': pkg, 'app/node_modules/express/index.js': { size: 100 }, 'srv/package.json': '{not json' } }],
  });
  assert.deepEqual(r.findings, []);
});
