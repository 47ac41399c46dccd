// WH206 cases: per-build ARGs declared before expensive steps.
import { runRuleTests } from './testing.js';
import { wh206 } from './wh206-volatile-arg-early.js';

runRuleTests(wh206, {
  invalid: [
    { code: 'FROM node:20-slim\nARG GIT_COMMIT\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nLABEL revision=$GIT_COMMIT',
      findings: [{ line: 2, message: 'ARG GIT_COMMIT changes on every build and is declared before `npm ci` on line 4' }] },
    { code: 'FROM debian:bookworm-slim\nARG BUILD_DATE\nRUN apt-get update && apt-get install -y curl', findings: [{ line: 2 }] },
    { code: 'FROM golang:1.22\nARG VERSION=dev\nRUN go mod download\nRUN go build -ldflags "-X main.v=$VERSION" .',
      findings: [{ line: 2, message: '`go mod download` on line 3' }], name: 'expensive step before the first use' },
    { code: 'FROM python:3.12-slim\nARG CACHEBUST=1\nRUN pip install -r requirements.txt', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nARG SHA=unknown BUILD_ID=0\nRUN apk add curl', findings: [{ line: 2, message: 'ARG SHA' }, { line: 2, message: 'BUILD_ID' }] },
    { code: 'FROM alpine\nARG VCS_REF\nONBUILD RUN echo hi\nRUN make', findings: [{ line: 2 }], name: 'with an ONBUILD around' },
    { code: 'FROM golang:1.22 AS build\nARG GIT_SHA\nRUN go build .\nFROM alpine\nCOPY --from=build /app /app', findings: [{ line: 2 }], name: 'builder stage' },
  ],
  valid: [
    'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci\nARG GIT_COMMIT\nLABEL revision=$GIT_COMMIT',
    'FROM node:20-slim\nARG NODE_ENV=production\nRUN npm ci',
    'FROM alpine\nARG VERSION\nRUN echo $VERSION > /version',
    'FROM golang:1.22\nARG VERSION=dev\nRUN go build -ldflags "-X main.v=$VERSION" .', // the first expensive step needs it
    'ARG VERSION=3.19\nFROM alpine:$VERSION\nRUN apk add curl',
    'FROM alpine AS a\nARG GIT_COMMIT\nFROM alpine\nRUN apk add curl',
  ],
});
