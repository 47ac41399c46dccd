// WH303 cases: base images pinned by tag only, and the references that need no digest.
import { runRuleTests } from './testing.js';
import { wh303 } from './wh303-base-not-pinned.js';

const DIGEST = `sha256:${'0a'.repeat(32)}`;

runRuleTests(wh303, {
  invalid: [
    { code: 'FROM node:20-slim\nCMD ["node"]', findings: [{ line: 1, message: 'node:20-slim is not pinned by digest' }] },
    { code: 'FROM ubuntu', findings: [{ line: 1, message: 'no tag either, so it means :latest' }] },
    { code: 'FROM ubuntu:latest', findings: [{ line: 1, message: 'Its tag is :latest' }] },
    { code: 'FROM localhost:5000/team/app:1.2', findings: [{ line: 1, message: 'localhost:5000/team/app:1.2' }], name: 'registry with a port' },
    { code: 'FROM localhost:5000/team/app', findings: [{ line: 1, message: 'no tag either' }], name: 'registry port is not a tag' },
    { code: 'FROM --platform=linux/amd64 golang:1.22 AS build', findings: [{ line: 1 }] },
    {
      code: 'ARG BASE=python:3.12-slim\nFROM ${BASE}',
      findings: [{ line: 2, message: 'python:3.12-slim is not pinned' }],
      name: 'global ARG default',
    },
    {
      code: 'ARG TAG=3.20\nFROM alpine:${TAG}',
      findings: [{ line: 2, message: 'alpine:3.20' }],
      name: 'ARG in the tag',
    },
    {
      code: 'ARG BASE\nFROM ${BASE}',
      context: { buildArgs: { BASE: 'debian:bookworm' } },
      findings: [{ line: 2, message: 'debian:bookworm' }],
      name: 'build arg',
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app',
      findings: [{ line: 1 }, { line: 3 }],
      name: 'every stage',
    },
  ],
  valid: [
    `FROM node:20-slim@${DIGEST}`,
    `FROM node@${DIGEST}`,
    'FROM scratch',
    'FROM SCRATCH',
    `FROM golang:1.22@${DIGEST} AS build\nFROM build AS test\nRUN go test ./...`,
    `FROM golang:1.22@${DIGEST} AS build\nFROM scratch\nCOPY --from=build /app /app`,
    'ARG BASE\nFROM ${BASE}',
    `ARG BASE=alpine:3.20@${DIGEST}\nFROM \${BASE}`,
  ],
});
