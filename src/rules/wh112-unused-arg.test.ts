// WH112 cases: ARGs nothing reads.
import { runRuleTests } from './testing.js';
import { wh112 } from './wh112-unused-arg.js';

runRuleTests(wh112, {
  invalid: [
    { code: 'ARG VERSION=1\nFROM alpine', findings: [{ line: 1, message: 'ARG VERSION is declared but never used in any FROM' }] },
    { code: 'FROM alpine\nARG USER_ID=1000\nRUN echo hi', findings: [{ line: 2, message: 'in its stage' }] },
    { code: 'FROM alpine\nARG A=1 B=2\nRUN echo $A', findings: [{ line: 2, message: 'ARG B' }], name: 'one of two' },
    { code: 'FROM alpine\nARG TAG\nRUN echo $TAGS', findings: [{ line: 2 }], name: 'a longer name is another variable' },
    { code: 'FROM alpine\nRUN echo $X\nARG X', findings: [{ line: 3 }], name: 'used only before its declaration' },
    { code: 'FROM alpine AS a\nARG X\nFROM alpine\nRUN echo $X', findings: [{ line: 2 }], name: 'other stage' },
    { code: 'FROM alpine\nARG TARGETARCH', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nARG NAME\nONBUILD RUN echo hi', findings: [{ line: 2 }], name: 'ONBUILD does not read it' },
  ],
  valid: [
    'ARG BASE=alpine\nFROM $BASE',
    'ARG TAG=3.19\nFROM alpine:${TAG}',
    'ARG PLATFORM\nFROM --platform=$PLATFORM alpine',
    'ARG V=1\nFROM alpine\nARG V\nRUN echo $V',
    'FROM alpine\nARG USER=app\nUSER ${USER}',
    'FROM alpine\nARG DIR\nCOPY --chown=1000 . ${DIR:-/app}',
    'FROM alpine\nARG DEBIAN_FRONTEND=noninteractive\nRUN apk add curl',
    'FROM alpine\nARG http_proxy',
    'FROM alpine\nARG TOKEN\nRUN ./build.sh',
    'FROM alpine\nARG A=1\nARG B=$A\nENV B=$B',
    'FROM alpine AS base\nARG X\nFROM base\nRUN echo $X',
    'FROM alpine\nARG V\nONBUILD RUN echo $V',
  ],
});
