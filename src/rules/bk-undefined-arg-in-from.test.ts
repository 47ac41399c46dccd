// UndefinedArgInFrom against BuildKit's check tests (restated) and whittle's own cases.
import { undefinedArgInFrom } from './bk-undefined-arg-in-from.js';
import { runRuleTests } from './testing.js';

runRuleTests(undefinedArgInFrom, {
  invalid: [
    { name: 'buildkit: misspelt predefined ARG', code: '\nFROM --platform=$BIULDPLATFORM scratch\nCOPY app /\n',
      findings: [{ line: 2, message: "FROM argument 'BIULDPLATFORM' is not declared (did you mean BUILDPLATFORM?)" }] },
    { name: 'buildkit: misspelt global ARG in the platform', code: '\nARG MY_OS=linux\nARG MY_ARCH=arm64\nFROM --platform=linux/${MYARCH} alpine\nCOPY app /\n',
      findings: [{ line: 4, message: "FROM argument 'MYARCH' is not declared (did you mean MY_ARCH?)" }] },
    { name: 'buildkit: undeclared ARG in the image', code: '\nARG tag=3.20\nFROM alpine:${tag}${flavour} AS b\nCOPY app /\n',
      findings: [{ line: 3, message: "FROM argument 'flavour' is not declared" }] },
    { name: 'docs: the VARIANT example', code: 'FROM node:22${VARIANT} AS jsbuilder\n', findings: [{ line: 1, message: "'VARIANT'" }] },
    { name: 'a stage ARG is not visible to a later FROM', code: 'FROM alpine AS a\nARG V=1\nFROM alpine:$V\n', findings: [{ line: 3 }] },
    { name: 'a --build-arg does not declare', code: 'FROM alpine:$V\n', context: { buildArgs: { V: '3' } }, findings: [{ line: 1 }] },
    { name: 'image and platform both', code: 'FROM --platform=$P $IMG\n', findings: [{ line: 1, message: "'IMG'" }, { line: 1, message: "'P'" }] },
  ],
  valid: [
    { name: 'buildkit: ARG used as the image', code: '\nARG base=scratch\nFROM $base\nCOPY app /\n' },
    { name: 'buildkit: redeclared predefined ARG', code: '\nARG BUILDPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM scratch\nCOPY app /\n' },
    { name: 'buildkit: predefined ARG', code: '\nFROM --platform=$BUILDPLATFORM scratch\nCOPY app /\n' },
    { name: 'buildkit: declared without a value', code: '\nARG DEBUG\nFROM scratch${DEBUG}\nCOPY app /\n' },
    { name: 'buildkit: with a default word', code: '\nARG DEBUG\nFROM scra${DEBUG:-tch}\nCOPY app /\n' },
    { name: 'buildkit: set to empty', code: '\nARG DEBUG=""\nFROM scratch${DEBUG-@bogus}\nCOPY app /\n' },
    { name: 'TARGETARCH and TARGETOS', code: 'FROM --platform=$TARGETOS/$TARGETARCH alpine\n' },
    { name: 'no variables', code: 'FROM alpine:3.20 AS build\nFROM build\n' },
  ],
});
