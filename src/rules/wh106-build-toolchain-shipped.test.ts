// WH106 cases: build toolchains in shipped stages.
import { runRuleTests } from './testing.js';
import { wh106 } from './wh106-build-toolchain-shipped.js';

runRuleTests(wh106, {
  invalid: [
    { code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential curl',
      findings: [{ line: 2, message: 'toolchain installed in a shipped stage: build-essential (est. ~230 MB)' }] },
    { code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc python3-dev libpq-dev=15.5-0',
      findings: [{ line: 2, message: 'gcc, python3-dev, libpq-dev' }] },
    { code: 'FROM debian:bookworm-slim\nRUN apt-get install -y build-essential gcc-12 make', findings: [{ line: 2, message: '~230 MB' }],
      name: 'packages inside build-essential are not counted twice' },
    { code: 'FROM alpine:3.19\nRUN apk add --no-cache build-base git', findings: [{ line: 2, message: 'build-base, git' }] },
    { code: 'FROM alpine:3.19\nRUN apk add --virtual .build-deps gcc musl-dev && pip install x', findings: [{ line: 2 }], name: 'virtual never deleted' },
    { code: 'FROM rockylinux:9\nRUN dnf install -y gcc-c++ openssl-devel', findings: [{ line: 2, message: 'gcc-c++, openssl-devel' }] },
    { code: 'FROM debian:bookworm-slim\nRUN apt-get install -y gcc\nRUN apt-get purge -y gcc', findings: [{ line: 2 }], name: 'removed one layer too late' },
    { code: 'FROM debian:bookworm-slim\nONBUILD RUN apt-get install -y cmake', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM debian AS base\nRUN apt-get install -y g++\nFROM base\nCMD ["app"]', findings: [{ line: 2 }], name: 'parent stage ships' },
  ],
  valid: [
    'FROM debian:bookworm-slim AS build\nRUN apt-get install -y build-essential\nFROM debian:bookworm-slim\nCOPY --from=build /out /app',
    'FROM alpine:3.19\nRUN apk add --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps',
    'FROM debian:bookworm-slim\nRUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc',
    'FROM debian:bookworm-slim\nRUN apt-get install -y curl ca-certificates libpq5',
    'FROM debian:bookworm-slim\nRUN make install',
    'FROM debian:bookworm-slim\nRUN apt-get install -y -t bookworm-backports curl',
  ],
});
