// WH200 cases: the whole context copied before a dependency install.
import { runRuleTests } from './testing.js';
import { wh200 } from './wh200-copy-all-before-install.js';

runRuleTests(wh200, {
  invalid: [
    { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node . .\nRUN npm ci\nCMD ["node", "."]', findings: [{ line: 3 }],
      context: { contextFiles: ['package.json', 'package-lock.json', 'server.js'] },
      output: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node package.json package-lock.json ./\nRUN npm ci\nCOPY --chown=node . .\nCMD ["node", "."]',
      name: 'fix: manifests that exist, then the install, then the sources' },
    { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt', findings: [{ line: 3 }],
      context: { contextFiles: ['requirements.txt'] },
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY . .', name: 'fix: pip -r names its manifest' },
    { code: 'FROM golang:1.22\nCOPY . /src\nRUN go mod download', findings: [{ line: 2 }], context: { contextFiles: ['go.mod'] },
      output: 'FROM golang:1.22\nCOPY go.mod /src/\nRUN go mod download\nCOPY . /src', name: 'fix: a missing lock file is not copied' },
    // The CLI lists the context with its .dockerignore applied: an ignored package-lock.json is absent here.
    { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci', findings: [{ line: 3 }], context: { contextFiles: ['.dockerignore', 'package.json', 'server.js'] },
      output: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY . .', name: 'fix: a lock file left out of the context is not copied' },
    { code: 'FROM golang:1.22\nCOPY . /src\nRUN go mod download\n', findings: [{ line: 2 }], context: { contextFiles: ['main.go'] },
      output: null, name: 'no fix: the manifest is not in the context' },
    { code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci && npm run build', findings: [{ line: 2 }], context: { contextFiles: ['package.json'] },
      output: null, name: 'no fix: the RUN does more than install' },
    { code: 'FROM node:20-slim\nCOPY . .\nRUN npm ci\n', findings: [{ line: 2 }], output: null, name: 'no fix: the context is unknown' },
    { code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "."]', findings: [{ line: 3, message: '`npm ci` on line 4' }] },
    { code: 'FROM node:20-slim\nCOPY package*.json ./\nCOPY . .\nRUN npm install', findings: [{ line: 3 }], name: 'manifests first, but the install comes too late' },
    { code: 'FROM python:3.12-slim\nADD . /app\nRUN pip install -r /app/requirements.txt', findings: [{ line: 2, message: 'pip install -r' }] },
    { code: 'FROM golang:1.22\nCOPY ./ ./\nRUN go mod download && go build .', findings: [{ line: 2 }] },
    { code: 'FROM ruby:3.3-slim\nCOPY . /app\nRUN bundle install', findings: [{ line: 2 }] },
    { code: 'FROM php:8.3\nCOPY . .\nRUN composer install --no-dev', findings: [{ line: 2 }] },
    { code: 'FROM maven:3\nCOPY . .\nRUN mvn -B dependency:go-offline', findings: [{ line: 2 }] },
    { code: 'FROM rust:1\nCOPY . .\nRUN cargo build --release', findings: [{ line: 2 }] },
    { code: 'FROM python:3.12-slim\nCOPY src/ /app/\nRUN poetry install', findings: [{ line: 2 }], name: 'the source dir' },
    { code: 'FROM node:20-slim\nONBUILD COPY . .\nONBUILD RUN yarn', findings: [{ line: 2 }], name: 'ONBUILD triggers' },
    { code: 'FROM node:20 AS src\nCOPY . /app\nFROM src\nRUN npm ci', findings: [{ line: 2 }], name: 'install in a stage built FROM it' },
  ],
  valid: [
    'FROM node:20-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    'FROM node:20-slim\nCOPY . .\nRUN npm run build',
    'FROM node:20-slim\nCOPY . .\nRUN npm install express',
    'FROM python:3.12-slim\nCOPY . .\nRUN pip install .',
    'FROM node:20 AS build\nCOPY . .\nFROM node:20\nRUN npm ci',
    'FROM node:20 AS build\nFROM node:20\nCOPY --from=build . .\nRUN npm ci',
    'FROM node:20-slim\nONBUILD COPY . .\nRUN npm ci',
  ],
});
