// DL3047 cases: hadolint's spec (each also as an ONBUILD trigger) and a few of our own.
import { dl3047 } from './dl3047-wget-progress.js';
import { runRuleTests } from './testing.js';

const quiet: readonly [string, string][] = [
  ['--progress=dot:giga', 'does not warn when running with --progress option'],
  ['-q', 'does not warn when running with -q (quiet short option) and without --progress option'],
  ['--quiet', 'does not warn when running with --quiet (quiet long option) and without --progress option'],
  ['-nv', 'does not warn when running with -nv (no-verbose short option) and without --progress option'],
  ['--no-verbose', 'does not warn when running with --no-verbose (no-verbose long option) and without --progress option'],
  ['--output-file=/tmp/wget.log', 'does not warn when running with --output-file (output-file long option) and without --progress option'],
  ['-o /tmp/wget.log', 'does not warn when running with -o (output-file long option) and without --progress option'],
  ['--append-output=/tmp/wget.log', 'does not warn when running with --append-output (append-output long option) and without --progress option'],
  ['-a /tmp/wget.log', 'does not warn when running with -a (append-output long option) and without --progress option'],
];

runRuleTests(dl3047, {
  invalid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\n', findings: [{ line: 2, message: '--progress' }], output: null,
      name: 'hadolint: warns when using wget without --progress option' },
    { code: 'FROM node as foo\nONBUILD RUN wget my.xyz\n', findings: [{ line: 2 }], output: null,
      name: 'hadolint: warns when using wget without --progress option (ONBUILD)' },
    { code: 'FROM alpine\nRUN wget -q https://a/x && wget https://b/y', findings: [{ line: 2 }], name: 'second wget is loud' },
    { code: 'FROM alpine\nRUN wget -O /x https://a/x', findings: [{ line: 2 }], name: '-O (capital) is the output document, not the log' },
  ],
  valid: [
    ...quiet.flatMap(([flag, name]) => [
      { code: `FROM node as foo\nRUN wget ${flag} my.xyz\n`, name: `hadolint: ${name}` },
      { code: `FROM node as foo\nONBUILD RUN wget ${flag} my.xyz\n`, name: `hadolint: ${name} (ONBUILD)` },
    ]),
    'FROM alpine\nRUN curl -fsSL https://a/x',
    'FROM alpine\nRUN echo wget',
  ],
});
