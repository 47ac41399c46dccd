// WH202 cases: package downloads without a cache mount where the syntax allows one.
import { runRuleTests } from './testing.js';
import { wh202 } from './wh202-cache-mount-opportunity.js';

const S = '# syntax=docker/dockerfile:1\n';

runRuleTests(wh202, {
  invalid: [
    { code: `${S}FROM node:20-slim\nRUN npm ci`, findings: [{ line: 3, message: '--mount=type=cache,target=/root/.npm' }] },
    { code: `${S}FROM python:3.12-slim\nRUN pip install -r requirements.txt`, findings: [{ line: 3, message: '/root/.cache/pip' }] },
    { code: `${S}FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl`, findings: [{ line: 3, message: '/var/cache/apt' }] },
    { code: `${S}FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app`,
      findings: [{ line: 3, message: '/go/pkg/mod' }], name: 'builder stages count: caching is about build time' },
    { code: '# syntax=docker/dockerfile:1.4\nFROM maven:3\nRUN mvn package && ./gradlew build', findings: [{ line: 3, message: '/root/.m2` `--mount' }] },
    { code: '# syntax=docker.io/docker/dockerfile:1.7-labs\nFROM rust:1\nRUN cargo build --release', findings: [{ line: 3 }] },
    { code: `${S}FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci && pip install x`, findings: [{ line: 3, message: '`pip install x`' }] },
    { code: `${S}FROM node:20-slim\nONBUILD RUN yarn install`, findings: [{ line: 3 }], name: 'ONBUILD trigger' },
  ],
  valid: [
    'FROM node:20-slim\nRUN npm ci',
    '# syntax=docker/dockerfile:1.1\nFROM node:20-slim\nRUN npm ci',
    '# syntax=example.com/other/frontend:1\nFROM node:20-slim\nRUN npm ci',
    `${S}FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci`,
    `${S}FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get install -y curl`,
    `${S}FROM node:20-slim\nRUN npm run build`,
  ],
});
