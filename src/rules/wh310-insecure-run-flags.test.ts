// WH310 cases: RUN flags that lift the build sandbox, and the flags that do not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOrThrow, runRuleTests } from './testing.js';
import { lintDockerfile } from './lint.js';
import { DEFAULT_RULE_CONTEXT } from './rule.js';
import { wh310 } from './wh310-insecure-run-flags.js';

runRuleTests(wh310, {
  invalid: [
    { code: 'FROM alpine\nRUN --security=insecure mount -t tmpfs none /mnt', findings: [{ line: 2, message: 'like `docker run --privileged`' }] },
    { code: 'FROM alpine\nRUN --network=host apk add curl', findings: [{ line: 2, message: "the host's network" }] },
    {
      code: 'FROM alpine\nRUN --security=insecure --network=host ./build.sh',
      findings: [{ line: 2, message: 'security=insecure' }, { line: 2, message: 'network=host' }],
      name: 'both flags',
    },
    { code: 'FROM alpine\nONBUILD RUN --security=insecure ./build.sh', findings: [{ line: 2 }], name: 'ONBUILD RUN' },
    {
      code: 'FROM alpine AS build\nRUN --network=host ./fetch.sh\nFROM alpine\nRUN --security=insecure ./x',
      findings: [{ line: 2 }, { line: 4 }],
      name: 'every stage',
    },
  ],
  valid: [
    'FROM alpine\nRUN --security=sandbox ./build.sh',
    'FROM alpine\nRUN --network=none make test',
    'FROM alpine\nRUN --network=default apk add curl',
    'FROM alpine\nRUN --mount=type=cache,target=/root/.cache ./build.sh',
    'FROM alpine\nRUN echo --network=host',
  ],
});

test('--network=host is info, --security=insecure keeps the rule severity, overrides rate both', () => {
  const df = parseOrThrow('FROM alpine\nRUN --security=insecure --network=host ./build.sh');
  const levels = (overrides = {}): string[] =>
    lintDockerfile(df, { rules: [wh310], context: DEFAULT_RULE_CONTEXT, overrides }).map((f) => f.severity);
  assert.deepEqual(levels(), ['warning', 'info']);
  assert.deepEqual(levels({ WH310: 'error' }), ['error', 'error']);
});
