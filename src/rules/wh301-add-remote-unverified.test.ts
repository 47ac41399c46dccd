// WH301 cases: remote ADD sources must be pinned by checksum or commit.
import { runRuleTests } from './testing.js';
import { wh301 } from './wh301-add-remote-unverified.js';

const SHA = 'a'.repeat(64);
const COMMIT = '0123456789abcdef0123456789abcdef01234567';

runRuleTests(wh301, {
  invalid: [
    {
      code: 'FROM alpine\nADD https://example.com/tool.tar.gz /opt/',
      findings: [{ line: 2, message: 'ADD downloads example.com/tool.tar.gz without --checksum' }],
    },
    { code: 'FROM alpine\nADD --chown=app https://example.com/a.sh /usr/local/bin/', findings: [{ line: 2 }], name: 'other flags only' },
    { code: 'FROM alpine\nADD --checksum=md5:abc https://example.com/a.sh /a.sh', findings: [{ line: 2, message: 'not sha256' }] },
    {
      code: 'FROM alpine\nADD https://example.com/a.sh https://example.com/b.sh /opt/',
      findings: [{ line: 2 }, { line: 2 }],
      name: 'one finding per URL',
    },
    {
      code: 'FROM alpine\nADD https://github.com/moby/buildkit.git /src',
      findings: [{ line: 2, message: 'no ref (the default branch)' }],
    },
    {
      code: 'FROM alpine\nADD https://github.com/moby/buildkit.git#v0.12.0 /src',
      findings: [{ line: 2, message: 'ref "v0.12.0", which can move' }],
    },
    { code: 'FROM alpine\nADD git@github.com:moby/buildkit.git#main /src', findings: [{ line: 2, message: 'github.com:moby/buildkit.git' }] },
    { code: 'FROM alpine\nADD https://github.com/moby/buildkit.git?ref=v0.12.0 /src', findings: [{ line: 2 }], name: 'query ref' },
    {
      code: 'FROM alpine\nADD https://ci:hunter2hunter2@example.com/a.tgz /opt/',
      findings: [{ line: 2, message: 'example.com/a.tgz' }],
      name: 'credentials are not quoted',
    },
    { code: 'FROM alpine\nONBUILD ADD https://example.com/a.tgz /opt/', findings: [{ line: 2 }], name: 'ONBUILD ADD' },
    {
      code: 'FROM alpine AS fetch\nADD https://example.com/a.tgz /opt/\nFROM alpine\nCOPY --from=fetch /opt /opt',
      findings: [{ line: 2 }],
      name: 'build stage',
    },
  ],
  valid: [
    `FROM alpine\nADD --checksum=sha256:${SHA} https://example.com/tool.tar.gz /opt/`,
    'FROM alpine\nADD --checksum=${TOOL_SHA} https://example.com/tool.tar.gz /opt/',
    `FROM alpine\nADD https://github.com/moby/buildkit.git#${COMMIT} /src`,
    `FROM alpine\nADD https://github.com/moby/buildkit.git#${COMMIT}:docs /src`,
    `FROM alpine\nADD --checksum=${COMMIT} https://github.com/moby/buildkit.git#v0.12.0 /src`,
    `FROM alpine\nADD https://github.com/moby/buildkit.git?commit=${COMMIT} /src`,
    'FROM alpine\nADD app.tar.gz /opt/',
    'FROM alpine\nCOPY https-notes.txt /notes.txt',
    'FROM alpine\nADD ${URL} /opt/',
  ],
});
