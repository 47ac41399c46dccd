// InvalidDefaultArgInFrom against BuildKit's check tests (restated) and whittle's own cases.
import { invalidDefaultArgInFrom } from './bk-invalid-default-arg-in-from.js';
import { runRuleTests } from './testing.js';

runRuleTests(invalidDefaultArgInFrom, {
  invalid: [
    // BuildKit passes a --build-arg in these: the check is about the defaults alone.
    { name: 'buildkit: tag ARG without a default', code: '\nARG TAG\nFROM alpine:$TAG\n', context: { buildArgs: { TAG: '3.20' } },
      findings: [{ line: 3, message: 'Default value for ARG alpine:$TAG results in empty or invalid base image name' }] },
    { name: 'buildkit: image ARG without a default', code: '\nARG BASE\nFROM $BASE\n', context: { buildArgs: { BASE: 'alpine:3.20' } },
      findings: [{ line: 3, message: 'Default value for ARG $BASE results' }] },
    { name: 'buildkit: a default that leaves an empty tag', code: '\nARG SUFFIX="ine:"\nFROM alp${SUFFIX}\n', context: { buildArgs: { SUFFIX: 'ine:3.20' } },
      findings: [{ line: 3, message: 'Default value for ARG alp${SUFFIX} results' }] },
    { name: 'docs: busybox:${TAG}', code: 'ARG TAG\nFROM busybox:${TAG}\n', findings: [{ line: 2 }] },
    { name: 'upper-case repository', code: 'ARG IMG=Alpine\nFROM $IMG\n', findings: [{ line: 2 }] },
    { name: 'each stage', code: 'ARG A\nFROM $A AS one\nFROM scratch\nFROM ${A}x:1 AS three\n', findings: [{ line: 2 }] },
  ],
  valid: [
    { name: 'buildkit: quoted default', code: '\nARG TAG="3.20"\nFROM alpine:${TAG}\n', context: { buildArgs: { TAG: '3.20' } } },
    { name: 'buildkit: empty default suffix', code: '\nARG VARIANT=""\nFROM busybox:stable${VARIANT}\n', context: { buildArgs: { VARIANT: '-musl' } } },
    { name: 'buildkit: no default suffix', code: '\n\tARG VARIANT\n\tFROM busybox:stable${VARIANT}\n\t', context: { buildArgs: { VARIANT: '-musl' } } },
    { name: 'docs: default inside the reference', code: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n' },
    { name: 'registry with port and digest', code: 'ARG D=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM localhost:5000/team/app@$D\n' },
    { name: 'stage names are valid names', code: 'FROM alpine AS base\nFROM base\n' },
  ],
});
