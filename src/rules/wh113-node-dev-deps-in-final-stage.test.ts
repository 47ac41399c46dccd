// WH113 cases: npm installs that put devDependencies into the final image, and how its fix composes with WH100's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixText } from '../cli/fix.js';
import { fixDockerfile } from './fix.js';
import { runRuleTests } from './testing.js';
import { wh100 } from './wh100-node-package-cache.js';
import { wh113 } from './wh113-node-dev-deps-in-final-stage.js';

runRuleTests(wh113, {
  invalid: [
    { code: 'FROM node:20-slim\nRUN npm ci', findings: [{ line: 2, message: 'MB' }],
      output: 'FROM node:20-slim\nRUN npm ci --omit=dev' },
    { code: 'FROM node:20-slim\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]', findings: [{ line: 3, message: '--omit=dev' }],
      output: 'FROM node:20-slim\nCOPY . .\nRUN npm install --omit=dev\nCMD ["node", "server.js"]' },
    { code: 'FROM node:20-slim\nRUN npm --prefix /app ci --no-audit', findings: [{ line: 2 }], name: 'flags and a flag value around the subcommand',
      output: 'FROM node:20-slim\nRUN npm --prefix /app ci --omit=dev --no-audit' },
    { code: 'FROM node:20-slim\nRUN npm ci \\\n    && node scripts/check.js', findings: [{ line: 2 }], name: 'continued RUN',
      output: 'FROM node:20-slim\nRUN npm ci --omit=dev \\\n    && node scripts/check.js' },
    { code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nRUN npm ci', findings: [{ line: 4 }], name: 'only the final stage',
      output: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nRUN npm ci --omit=dev' },
    { code: 'FROM node:20-slim\nRUN npm ci\nRUN npm run build', findings: [{ line: 2, message: '`npm run build` on line 3 needs them' }], output: null,
      name: 'a later build step needs them' },
    { code: 'FROM node:20-slim\nRUN npm ci && npm run build', findings: [{ line: 2, message: 'npm prune --omit=dev' }], output: null,
      name: 'build step in the same RUN' },
    { code: 'FROM node:20-slim\nRUN npm ci\nRUN npx tsc', findings: [{ line: 2, message: 'earlier stage' }], output: null, name: 'npx' },
    { code: 'FROM node:20-slim\nRUN npm install\nRUN ./node_modules/.bin/webpack', findings: [{ line: 2, message: 'line 3' }], output: null, name: 'node_modules/.bin' },
    { code: 'FROM node:20-slim\nRUN npm ci\nRUN npm test', findings: [{ line: 2 }], output: null, name: 'npm test' },
    { code: 'FROM node:20-slim\nENV NODE_ENV=development\nRUN npm ci', findings: [{ line: 3 }], name: 'NODE_ENV not production' },
    { code: 'FROM node:20-slim\nENV NODE_ENV=production\nENV NODE_ENV=development\nRUN npm ci', findings: [{ line: 4 }], name: 'the last ENV wins' },
    { code: 'FROM node:20-slim\nRUN npm ci\nENV NODE_ENV=production', findings: [{ line: 2 }], name: 'ENV after the install' },
    { code: 'FROM node:20-slim\nRUN npm ci --omit=optional', findings: [{ line: 2 }], name: 'omits something else',
      output: 'FROM node:20-slim\nRUN npm ci --omit=dev --omit=optional' },
    { code: 'FROM node:20-slim\nRUN ["npm", "ci"]', findings: [{ line: 2 }], output: null, name: 'exec form' },
    { code: 'FROM node:20 AS base\nENV NODE_ENV=production\nFROM node:20-slim\nRUN npm ci', findings: [{ line: 4 }],
      name: 'ENV of a stage this one does not build on' },
    { code: 'FROM node:20-slim\nARG NODE_ENV=development\nRUN npm ci', findings: [{ line: 3 }], context: { buildArgs: {} }, name: 'ARG default not production' },
  ],
  valid: [
    'FROM node:20-slim\nRUN npm ci --omit=dev',
    'FROM node:20-slim\nRUN npm ci --omit dev',
    'FROM node:20-slim\nRUN npm install --production',
    'FROM node:20-slim\nRUN npm install --only=production',
    'FROM node:20-slim\nRUN npm ci --only=prod',
    'FROM node:20-slim\nRUN npm install express',
    'FROM node:20-slim\nRUN npm install -g pm2',
    'FROM node:20-slim\nENV NODE_ENV=production\nRUN npm ci',
    'FROM node:20-slim\nENV NODE_ENV production\nRUN npm ci',
    'FROM node:20 AS base\nENV NODE_ENV=production\nFROM base\nRUN npm ci',
    'FROM node:20-slim\nARG NODE_ENV=production\nRUN npm ci',
    'FROM node:20-slim\nARG NODE_ENV\nRUN npm ci',
    'FROM node:20-slim\nARG NODE_ENV\nENV NODE_ENV=$NODE_ENV\nRUN npm ci',
    'FROM node:20-slim\nRUN NODE_ENV=production npm ci',
    'FROM node:20-slim\nRUN export NODE_ENV=production && npm ci',
    'FROM node:20-slim\nENV NPM_CONFIG_OMIT=dev\nRUN npm ci',
    'FROM node:20-slim\nRUN npm ci && npm run build && npm prune --omit=dev',
    'FROM node:20-slim\nRUN --mount=type=cache,target=/app/node_modules npm ci',
    'FROM node:20 AS build\nRUN npm ci && npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist /app',
    'FROM node:20-slim\nONBUILD RUN npm ci',
    { code: 'FROM node:20-slim\nARG NODE_ENV=development\nRUN npm ci', context: { buildArgs: { NODE_ENV: 'production' } }, name: 'build arg overrides the default' },
  ],
});

test('WH100 and WH113 fixes compose on one RUN, in either rule order, and settle', () => {
  const source = 'FROM node:20-slim\nRUN npm ci\n';
  const want = 'FROM node:20-slim\nRUN npm ci --omit=dev \\\n    && npm cache clean --force\n';
  for (const rules of [[wh100, wh113], [wh113, wh100]]) {
    const fixed = fixDockerfile(source, rules);
    assert.ok(fixed.stable);
    assert.equal(fixed.text, want);
    assert.equal(fixDockerfile(fixed.text, rules).text, want, 'a second run changes nothing');
    // The CLI's path (lint with pragmas, then apply) must agree.
    assert.equal(fixText(source, rules), want);
    assert.equal(fixText(want, rules), want);
  }
});
