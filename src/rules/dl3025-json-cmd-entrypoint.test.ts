// DL3025 cases: hadolint's spec plus HEALTHCHECK flags and NONE.
import { dl3025 } from './dl3025-json-cmd-entrypoint.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3025, {
  invalid: [
    { code: 'FROM node as foo\nENTRYPOINT something\n', findings: [{ line: 2, message: 'ENTRYPOINT' }], output: 'FROM node as foo\nENTRYPOINT ["something"]\n',
      name: 'hadolint: warn on ENTRYPOINT' },
    { code: 'FROM node as foo\nCMD something\n', findings: [{ line: 2, message: 'CMD' }], name: 'hadolint: warn on CMD' },
    { code: 'FROM node\nCMD node server.js --port=8080  ', findings: [{ line: 2 }], output: 'FROM node\nCMD ["node", "server.js", "--port=8080"]  ', name: 'fix: plain words become exec form' },
    { code: 'FROM node\nCMD node $APP', findings: [{ line: 2 }], output: null, name: 'no fix: a variable needs the shell' },
    { code: 'FROM node\nCMD node a.js && echo done', findings: [{ line: 2 }], output: null, name: 'no fix: an operator needs the shell' },
    { code: 'FROM node\nCMD node \\\n  a.js', findings: [{ line: 2 }], output: null, name: 'no fix: a continuation is left to a person' },
    { code: 'FROM node\nENTRYPOINT run\nCMD serve', findings: [{ line: 2 }, { line: 3 }], output: 'FROM node\nENTRYPOINT run\nCMD ["serve"]',
      name: 'no fix for ENTRYPOINT when the stage has a CMD it would start receiving' },
    { code: 'FROM node\nSHELL ["/bin/bash", "-c"]\nCMD serve', findings: [{ line: 3 }], output: null, name: 'no fix: SHELL changed the shell' },
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
