// WH100 cases: node package-manager caches left in shipped layers.
import { runRuleTests } from './testing.js';
import { wh100 } from './wh100-node-package-cache.js';

runRuleTests(wh100, {
  invalid: [
    { code: 'FROM node:20-slim\nRUN npm ci', findings: [{ line: 2, message: 'npm cache' }],
      output: 'FROM node:20-slim\nRUN npm ci \\\n    && npm cache clean --force' },
    { code: 'FROM node:20-slim\nRUN npm install --omit=dev && npm run build', findings: [{ line: 2, message: 'MB' }],
      output: 'FROM node:20-slim\nRUN npm install --omit=dev && npm run build \\\n    && npm cache clean --force' },
    { code: 'FROM node:20-slim\nRUN npm ci \\\n    && npm run build', findings: [{ line: 2 }], name: 'continued RUN',
      output: 'FROM node:20-slim\nRUN npm ci \\\n    && npm run build \\\n    && npm cache clean --force' },
    { code: 'FROM node:20-slim\nRUN npm cache clean --force && npm i -g pm2', findings: [{ line: 2 }], name: 'clean before install' },
    { code: 'FROM node:20-slim\nRUN npm ci; echo done;', findings: [{ line: 2 }], output: null, name: 'trailing ; cannot be fixed safely' },
    { code: 'FROM node:20-slim\nRUN pnpm install --frozen-lockfile', findings: [{ line: 2, message: 'pnpm store prune' }], output: null },
    { code: 'FROM node:20-slim\nRUN yarn install --immutable', findings: [{ line: 2, message: 'yarn cache clean --all' }], output: null },
    { code: 'FROM node:20-slim\nONBUILD RUN npm ci', findings: [{ line: 2 }], name: 'ONBUILD trigger',
      output: 'FROM node:20-slim\nONBUILD RUN npm ci \\\n    && npm cache clean --force' },
    { code: 'FROM node:20 AS build\nRUN npm ci\nFROM build\nRUN npm install', findings: [{ line: 2 }, { line: 4 }], name: 'parent stage ships' },
    { code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.cache npm ci', findings: [{ line: 2 }], name: 'mount elsewhere' },
    { code: 'FROM node:20-slim\nRUN npm ci --cache /tmp/npm-cache', findings: [{ line: 2, message: '~/.npm' }], name: 'moved cache not removed' },
  ],
  valid: [
    'FROM node:20-slim\nRUN npm ci && npm cache clean --force',
    'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci',
    'FROM node:20-slim\nUSER node\nRUN --mount=type=cache,target=/home/node/.npm,uid=1000 npm ci',
    'FROM node:20-slim\nRUN npm ci && rm -rf ~/.npm',
    'FROM node:20-slim\nRUN npm ci --cache /tmp/npm-cache && rm -rf /tmp/npm-cache',
    'FROM node:20-slim\nRUN npm_config_cache=/tmp/c npm ci && rm -rf /tmp/c',
    'FROM node:20-slim\nRUN npm run build',
    'FROM node:20-slim\nRUN yarn install --frozen-lockfile', // classic yarn: DL3060's
    'FROM node:20-slim\nRUN pnpm install && pnpm store prune',
    'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app', // builder does not ship
  ],
});
