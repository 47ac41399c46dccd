// WH304 cases: final stages that never leave root, and the ways a Dockerfile or its base leaves it.
import { runRuleTests } from './testing.js';
import { wh304 } from './wh304-runs-as-root.js';

runRuleTests(wh304, {
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
      findings: [{ line: 1, message: 'its base python:3.12-slim is not a known non-root image' }],
      output: 'FROM python:3.12-slim\nCOPY . /app\nRUN groupadd -r -g 65532 app && useradd -r -u 65532 -g app app\nUSER 65532:65532\nCMD ["python", "/app/main.py"]',
      name: 'debian-based: useradd, placed before the trailing CMD',
    },
    {
      code: 'FROM golang:1.22 AS build\nUSER builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app',
      findings: [{ line: 4, message: 'the final stage never sets USER' }],
      output: 'FROM golang:1.22 AS build\nUSER builder\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\nRUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app\nUSER 65532:65532',
      name: 'USER in a build stage does not reach the final one',
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app',
      findings: [{ line: 3, message: 'FROM scratch has no users' }],
      output: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532',
      name: 'scratch: a numeric USER, no RUN',
    },
    {
      code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS final\nCMD ["node", "server.js"]',
      findings: [{ line: 3, message: 'the stages it builds on never set USER' }],
      output: 'FROM node:20 AS base\nWORKDIR /app\nFROM base AS final\nRUN groupadd -r -g 65532 app && useradd -r -u 65532 -g app app\nUSER 65532:65532\nCMD ["node", "server.js"]',
      name: 'the base of the stage chain decides; the lines go into the final stage',
    },
    {
      code: 'FROM node:20\nONBUILD USER node',
      findings: [{ line: 1 }],
      output: 'FROM node:20\nONBUILD USER node\nRUN groupadd -r -g 65532 app && useradd -r -u 65532 -g app app\nUSER 65532:65532',
      name: 'ONBUILD USER only applies to images built on this one (and is left as it is)',
    },
    {
      code: 'ARG BASE\nFROM ${BASE}\nCMD ["app"]',
      findings: [{ line: 2, message: 'only known at build time' }],
      output: 'ARG BASE\nFROM ${BASE}\nUSER 65532:65532\nCMD ["app"]',
      name: 'a base only known at build time: numeric, as it may have no shell',
    },
    {
      code: 'FROM cgr.dev/chainguard/python:latest-dev\nCMD ["app"]',
      findings: [{ line: 1 }],
      output: 'FROM cgr.dev/chainguard/python:latest-dev\nUSER 65532:65532\nCMD ["app"]',
      name: 'Chainguard -dev runs as root',
    },
    {
      code: 'FROM gcr.io/distroless/static\nCOPY app /app',
      findings: [{ line: 1 }],
      output: 'FROM gcr.io/distroless/static\nCOPY app /app\nUSER 65532:65532',
      name: 'distroless without :nonroot',
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      findings: [{ line: 3 }],
      output: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
      name: 'scratch with a trailing ENTRYPOINT',
    },
    {
      code: 'FROM alpine:3.20\nCOPY app /app\n',
      findings: [{ line: 1 }],
      output: 'FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app\nUSER 65532:65532\n',
      name: 'alpine: busybox adduser, appended before the final newline',
    },
    {
      code: 'FROM node:20-alpine\nCOPY . /app\n# start it\nENTRYPOINT ["node"]\nHEALTHCHECK CMD ["true"]\nCMD ["server.js"]\n',
      findings: [{ line: 1 }],
      output: 'FROM node:20-alpine\nCOPY . /app\nRUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app\nUSER 65532:65532\n# start it\nENTRYPOINT ["node"]\nHEALTHCHECK CMD ["true"]\nCMD ["server.js"]\n',
      name: 'an -alpine tag of a Debian image name; goes above the trailing run and its comment',
    },
    {
      code: 'FROM busybox:1.36\nCMD ["sh"]',
      findings: [{ line: 1 }],
      output: 'FROM busybox:1.36\nRUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app\nUSER 65532:65532\nCMD ["sh"]',
    },
    {
      code: 'from debian:12\r\nrun echo hi\r\ncmd ["x"]\r\n',
      findings: [{ line: 1 }],
      output: 'from debian:12\r\nrun echo hi\r\nrun groupadd -r -g 65532 app && useradd -r -u 65532 -g app app\r\nuser 65532:65532\r\ncmd ["x"]\r\n',
      name: 'CRLF and lower-case keywords are kept',
    },
    {
      code: 'FROM docker.io/library/ubuntu:24.04',
      findings: [{ line: 1 }],
      output: 'FROM docker.io/library/ubuntu:24.04\nRUN groupadd -r -g 65532 app && useradd -r -u 65532 -g app app\nUSER 65532:65532',
      name: 'a stage with nothing but FROM',
    },
    {
      code: 'FROM myorg/runtime:1\nCOPY app /app',
      findings: [{ line: 1 }],
      output: 'FROM myorg/runtime:1\nCOPY app /app\nUSER 65532:65532',
      name: 'an unknown base: numeric, as it may have no shell or useradd',
    },
    {
      code: 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nCMD ["app"]',
      findings: [{ line: 1 }],
      output: 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nUSER 65532:65532\nCMD ["app"]',
      name: 'a SHELL that is not sh: no RUN',
    },
    {
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe"]',
      findings: [{ line: 1 }],
      output: null,
      name: 'Windows users are not uids: no fix',
    },
  ],
  valid: [
    'FROM python:3.12-slim\nRUN useradd -r app\nUSER 65532:65532\nCMD ["python", "main.py"]',
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
    // The fixed outputs above stay as they are.
    'FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S -g 65532 app && adduser -S -u 65532 -G app app\nUSER 65532:65532\n',
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    'FROM gcr.io/distroless/static\nCOPY app /app\nUSER 65532:65532',
  ],
});
