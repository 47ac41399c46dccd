// WH204 cases: BuildKit features with no syntax directive.
import { runRuleTests } from './testing.js';
import { wh204 } from './wh204-buildkit-features-without-syntax.js';

runRuleTests(wh204, {
  invalid: [
    { code: 'FROM node:20-slim\nRUN --mount=type=cache,target=/root/.npm npm ci', findings: [{ line: 2, message: 'RUN uses --mount' }] },
    { code: 'FROM alpine\nRUN --network=none --security=insecure make', findings: [{ line: 2, message: '--network, --security' }] },
    { code: 'FROM alpine\nCOPY --link --chmod=755 app /app', findings: [{ line: 2, message: '--link, --chmod' }] },
    { code: 'FROM alpine\nCOPY --exclude=*.md --parents src/ /app/', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nADD --checksum=sha256:abc https://example.com/x.tgz /x.tgz', findings: [{ line: 2, message: '--checksum' }] },
    { code: 'FROM alpine\nRUN <<EOF\necho hi\nEOF', findings: [{ line: 2, message: 'a heredoc' }] },
    { code: 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF', findings: [{ line: 2 }] },
    { code: 'FROM alpine\nONBUILD RUN --mount=type=secret,id=t cat /run/secrets/t', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM alpine AS a\nRUN --mount=type=cache,target=/x true\nFROM alpine\nCOPY --link --from=a /x /x', findings: [{ line: 2 }, { line: 4 }] },
  ],
  valid: [
    '# syntax=docker/dockerfile:1\nFROM alpine\nRUN --mount=type=cache,target=/x true',
    '# syntax=docker/dockerfile:1.4\nFROM alpine\nCOPY --link app /app',
    'FROM alpine\nCOPY --chown=1000 app /app',
    'FROM alpine\nCOPY --from=build /x /x',
    'FROM --platform=$BUILDPLATFORM alpine\nRUN echo hi',
  ],
});
