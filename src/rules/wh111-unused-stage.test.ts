// WH111 cases: stages the final stage never reaches.
import { runRuleTests } from './testing.js';
import { wh111 } from './wh111-unused-stage.js';

runRuleTests(wh111, {
  invalid: [
    { code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.19\nCOPY app /app', findings: [{ line: 1, message: 'stage `build` is not used' }] },
    { code: 'FROM alpine AS a\nFROM alpine AS b\nFROM alpine\nCOPY --from=a /x /x', findings: [{ line: 2, message: '`b`' }] },
    { code: 'FROM alpine\nRUN echo one\nFROM alpine\nRUN echo two', findings: [{ line: 1, message: 'stage #0' }], name: 'unnamed stage' },
    { code: 'FROM alpine AS test\nRUN make test\nFROM alpine AS build\nFROM build\nCOPY --from=1 /x /x', findings: [{ line: 1 }], name: 'index reference' },
    { code: 'FROM alpine AS assets\nFROM alpine\nONBUILD COPY --from=assets /x /x', findings: [{ line: 1 }], name: 'ONBUILD COPY runs in a child build, not here' },
    { code: 'FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /x /x\nFROM alpine', findings: [{ line: 1 }, { line: 2 }], name: 'only used by an unused stage' },
  ],
  valid: [
    'FROM alpine',
    'ARG FLAVOR=a\nFROM alpine AS a\nFROM alpine AS b\nFROM alpine\nCOPY --from=${FLAVOR} /x /x',
    'ARG BASE=a\nFROM alpine AS a\nFROM ${BASE}',
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.19\nCOPY --from=build /app /app',
    'FROM golang:1.22 AS Build\nFROM alpine:3.19\nCOPY --from=build /app /app',
    'FROM node:20 AS base\nFROM base AS deps\nRUN npm ci\nFROM deps',
    'FROM alpine AS a\nFROM alpine\nCOPY --from=0 /x /x',
    'FROM alpine AS deps\nFROM alpine\nRUN --mount=type=bind,from=deps,source=/x,target=/x cp /x /y',
    'FROM alpine AS a\nFROM alpine AS b\nCOPY --from=a /x /x\nFROM alpine\nCOPY --from=b /x /x',
  ],
});
