// StageNameCasing cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { stageNameCasing } from './bk-stage-name-casing.js';
import { runRuleTests } from './testing.js';

runRuleTests(stageNameCasing, {
  invalid: [
    { code: '\n# a comment\n#\nFROM alpine AS BuildStep\n\nFROM alpine as step2\n', findings: [{ line: 4, message: "Stage name 'BuildStep' should be lowercase" }], name: 'buildkit: upper-case letters in a stage name' },
    { code: 'FROM alpine AS Base\nRUN true\nFROM base AS TEST\n', findings: [{ line: 1 }, { line: 3, message: "'TEST'" }] },
    { code: 'from alpine as mixedCase', findings: [{ line: 1 }] },
    { code: 'FROM --platform=$BUILDPLATFORM golang AS Builder', findings: [{ line: 1, message: "'Builder'" }] },
  ],
  valid: [
    { code: 'FROM alpine AS builder\nFROM alpine AS step-2\nFROM alpine\n', name: 'buildkit: lower-case names and an unnamed stage' },
    'FROM alpine AS build_1.0',
    'FROM Alpine',
  ],
});
