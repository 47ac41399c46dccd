// WH304 cases: final stages that never leave root, and the ways a Dockerfile or its base leaves it.
import { runRuleTests } from './testing.js';
import { wh304 } from './wh304-runs-as-root.js';

runRuleTests(wh304, {
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      findings: [{ line: 1, message: 'its base python:3.12-slim is not a known non-root image' }],
    },
    {
      code: 'FROM golang:1.22 AS build\nUSER builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app',
      findings: [{ line: 4, message: 'the final stage never sets USER' }],
      name: 'USER in a build stage does not reach the final one',
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app',
      findings: [{ line: 3, message: 'FROM scratch has no users' }],
    },
    {
      code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS final\nCMD ["node", "server.js"]',
      findings: [{ line: 3, message: 'the stages it builds on never set USER' }],
    },
    {
      code: 'FROM node:20\nONBUILD USER node',
      findings: [{ line: 1 }],
      name: 'ONBUILD USER only applies to images built on this one',
    },
    { code: 'ARG BASE\nFROM ${BASE}\nCMD ["app"]', findings: [{ line: 2, message: 'only known at build time' }] },
    { code: 'FROM cgr.dev/chainguard/python:latest-dev\nCMD ["app"]', findings: [{ line: 1 }], name: 'Chainguard -dev runs as root' },
    { code: 'FROM gcr.io/distroless/static\nCOPY app /app', findings: [{ line: 1 }], name: 'distroless without :nonroot' },
  ],
  valid: [
    'FROM python:3.12-slim\nRUN useradd -r app\nUSER app\nCMD ["python", "main.py"]',
    'FROM node:20\nUSER 1000:1000',
    'FROM node:20\nUSER ${APP_USER}',
    'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node", "server.js"]',
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app',
    'FROM gcr.io/distroless/base:debug-nonroot\nCOPY app /app',
    'FROM cgr.dev/chainguard/static:latest\nCOPY app /app',
    'FROM cgr.dev/chainguard/node\nCOPY . /app',
    'FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html',
    'FROM bitnami/redis:7.2\nCOPY redis.conf /opt/bitnami/redis/etc/',
    'ARG BASE=gcr.io/distroless/static:nonroot\nFROM ${BASE}\nCOPY app /app',
    'FROM node:20\nUSER root',
  ],
});
