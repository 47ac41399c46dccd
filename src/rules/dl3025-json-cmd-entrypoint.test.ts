// DL3025 cases: hadolint's spec plus HEALTHCHECK flags and NONE.
import { dl3025 } from './dl3025-json-cmd-entrypoint.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3025, {
  invalid: [
    { code: 'FROM node as foo\nENTRYPOINT something\n', findings: [{ line: 2, message: 'ENTRYPOINT' }], output: null,
      name: 'hadolint: warn on ENTRYPOINT' },
    { code: 'FROM node as foo\nCMD something\n', findings: [{ line: 2, message: 'CMD' }], name: 'hadolint: warn on CMD' },
    { code: 'HEALTHCHECK CMD foobar\n', findings: [{ line: 1 }], name: 'hadolint: warn on HEALTHCHECK CMD shell notation' },
    { code: 'FROM node\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/', findings: [{ line: 2 }], name: 'HEALTHCHECK with flags' },
    { code: "FROM node\nCMD ['node', 'server.js']", findings: [{ line: 2 }], name: 'single quotes are not JSON' },
  ],
  valid: [
    { code: 'FROM scratch as build\nENTRYPOINT ["foo", "bar"]\n', name: "hadolint: don't warn on ENTRYPOINT json notation" },
    { code: 'FROM scratch as build\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]\n', name: "hadolint: don't warn on CMD json notation" },
    { code: 'HEALTHCHECK CMD [ "foobar" ]\n', name: "hadolint: don't warn on HEALTHCHECK CMD json notation" },
    { code: 'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
      name: "hadolint: don't warn on CMD JSON notation with broken long strings" },
    { code: 'FROM node\nHEALTHCHECK NONE', name: 'HEALTHCHECK NONE' },
    { code: 'FROM node\nONBUILD CMD node', name: 'ONBUILD triggers are not checked (as hadolint)' },
  ],
});
