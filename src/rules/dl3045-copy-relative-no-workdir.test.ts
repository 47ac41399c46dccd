// DL3045 cases: hadolint's spec (its ONBUILD variants wrap only RUN, so most equal the plain case and appear
// once; those with a RUN appear with ONBUILD RUN) plus a few of our own.
import { dl3045 } from './dl3045-copy-relative-no-workdir.js';
import { runRuleTests } from './testing.js';

const notInherited = 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n';
const notInheritedWin = 'FROM microsoft/windowsservercore as stage1\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore\nCOPY foo bar\n';
const baseImage = (run: string): string => `FROM debian:buster as base\nWORKDIR /usr\nFROM debian:buster as stage-inbetween\n${run}\nFROM base\nCOPY foo bar\n`;
const baseImageWin = (run: string): string =>
  `FROM microsoft/windowsservercore as base\nWORKDIR c:\\system32\nFROM microsoft/windowsservercore as stage-inbetween\n${run}\nFROM base\nCOPY foo bar\n`;
const deep = (run: string): string => `FROM debian:buster as base1\nWORKDIR /usr\nFROM base1 as base2\n${run}\nFROM base2\nCOPY foo bar\n`;
const deepWin = (run: string): string =>
  `FROM microsoft/windowsservercore as base1\nWORKDIR c:\\system32\nFROM base1 as base2\n${run}\nFROM base2\nCOPY foo bar\n`;

runRuleTests(dl3045, {
  invalid: [
    { code: 'COPY bla.sh blubb.sh', findings: [{ line: 1, message: 'blubb.sh' }], output: null,
      name: 'hadolint: not ok: `COPY` with relative destination and no `WORKDIR` set' },
    { code: 'COPY bla.sh "blubb.sh"', findings: [{ line: 1 }],
      name: 'hadolint: not ok: `COPY` with relative destination and no `WORKDIR` set with quotes' },
    { code: notInherited, findings: [{ line: 4 }],
      name: 'hadolint: not ok: `COPY` to relative destination if `WORKDIR` is set in a previous stage but not inherited' },
    { code: notInheritedWin, findings: [{ line: 4 }],
      name: 'hadolint: not ok: `COPY` to relative destination if `WORKDIR` is set in a previous stage but not inherited - windows' },
    { code: 'COPY a b', findings: [{ line: 1 }], name: "hadolint: regression: don't crash with single character paths" },
    { code: 'FROM node:20\nCOPY ["package.json", "app/"]\nWORKDIR /app\nCOPY . .', findings: [{ line: 2 }],
      name: 'exec form before WORKDIR; after it is fine' },
    { code: 'FROM node:20\nONBUILD WORKDIR /app\nCOPY . .', findings: [{ line: 3 }], name: 'an ONBUILD WORKDIR does not count (as hadolint)' },
  ],
  valid: [
    { code: 'COPY bla.sh /usr/local/bin/blubb.sh', name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set' },
    { code: 'COPY bla.sh "/usr/local/bin/blubb.s"', name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set with quotes' },
    { code: 'COPY bla.sh "/usr/local/bin/blubb.sh"',
      name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set with quotes (ONBUILD variant)' },
    { code: 'COPY bla.sh c:\\system32\\blubb.sh', name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set - windows' },
    { code: 'COPY bla.sh d:\\mypath\\blubb.sh',
      name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set - windows (ONBUILD variant)' },
    { code: 'COPY bla.sh "c:\\system32\\blubb.sh"',
      name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set - windows with quotes' },
    { code: 'COPY bla.sh "d:\\mypath\\blubb.sh"',
      name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set - windows with quotes (ONBUILD variant)' },
    { code: 'COPY bla.sh c:/system32/blubb.sh',
      name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set - windows with alternative paths' },
    { code: 'COPY bla.sh d:/mypath/blubb.sh',
      name: 'hadolint: ok: `COPY` with absolute destination and no `WORKDIR` set - windows with alternative paths (ONBUILD variant)' },
    { code: 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh', name: 'hadolint: ok: `COPY` with relative destination and `WORKDIR` set' },
    { code: 'WORKDIR /usr\nCOPY bla.sh blubb.sh',
      name: 'hadolint: ok: `COPY` with relative destination and `WORKDIR` set (ONBUILD variant, its FROM went into the rule code)' },
    { code: 'FROM scratch\nWORKDIR c:\\system32\nCOPY bla.sh blubb.sh',
      name: 'hadolint: ok: `COPY` with relative destination and `WORKDIR` set - windows' },
    { code: 'COPY src.sh ${SRC_BASE_ENV}', name: 'hadolint: ok: `COPY` with destination being an environment variable 1' },
    { code: 'COPY src.sh $SRC_BASE_ENV', name: 'hadolint: ok: `COPY` with destination being an environment variable 2' },
    { code: 'COPY src.sh "${SRC_BASE_ENV}"', name: 'hadolint: ok: `COPY` with destination being an environment variable 3' },
    { code: 'COPY src.sh "$SRC_BASE_ENV"', name: 'hadolint: ok: `COPY` with destination being an environment variable 4' },
    { code: baseImage('RUN foo'), name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in base image' },
    { code: baseImage('ONBUILD RUN foo'),
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in base image (ONBUILD)' },
    { code: baseImageWin('RUN foo'),
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in base image - windows' },
    { code: baseImageWin('ONBUILD RUN foo'),
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in base image - windows (ONBUILD)' },
    { code: deep('RUN foo'), name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in previous stage, deep case' },
    { code: deep('ONBUILD RUN foo'),
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in previous stage, deep case (ONBUILD)' },
    { code: deepWin('RUN foo'),
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in previous stage, deep case - windows' },
    { code: deepWin('ONBUILD RUN foo'),
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set in previous stage, deep case - windows (ONBUILD)' },
    { code: 'FROM debian:buster\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n',
      name: 'hadolint: ok: `COPY` to relative destination if `WORKDIR` has been set, both within an `ONBUILD` context' },
    { code: 'FROM node:20\nADD app.tgz app/', name: 'ADD is not checked (as hadolint)' },
    { code: 'FROM node:20\nWORKDIR /app\nFROM node:20\nCOPY . .', name: 'as hadolint, unnamed stages FROM one image share their WORKDIR' },
  ],
});
