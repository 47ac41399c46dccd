// JSONArgsRecommended cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { jsonArgsRecommended } from './bk-json-args-recommended.js';
import { runRuleTests } from './testing.js';

runRuleTests(jsonArgsRecommended, {
  invalid: [
    { code: '\nFROM alpine\nCMD ./server --port 80\n', findings: [{ line: 3, message: 'JSON arguments recommended for CMD to prevent unintended behavior related to OS signals' }], name: 'buildkit: shell-form CMD' },
    { code: '\nFROM alpine\nENTRYPOINT ./server\n', findings: [{ line: 3, message: 'for ENTRYPOINT' }], name: 'buildkit: shell-form ENTRYPOINT' },
    { code: 'FROM alpine\ncmd ./server', findings: [{ line: 2, message: 'for cmd' }], name: 'keyword named as written' },
    { code: 'FROM alpine AS base\nSHELL ["/bin/bash", "-c"]\nFROM alpine\nCMD ./server', findings: [{ line: 4 }], name: 'a SHELL in an unrelated stage does not count' },
    { code: 'FROM alpine\nCMD ./server\nSHELL ["/bin/bash", "-c"]', findings: [{ line: 2 }], name: 'a SHELL after the CMD does not count' },
  ],
  valid: [
    { code: '\nFROM alpine\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD ./server\n', name: 'buildkit: SHELL set, CMD' },
    { code: '\nFROM alpine\nSHELL ["/bin/ash", "-c"]\nENTRYPOINT ./server\n', name: 'buildkit: SHELL set, ENTRYPOINT' },
    { code: '\nFROM alpine AS base\nSHELL ["/bin/ash", "-c"]\n\nFROM base\nCMD ./server\n', name: 'buildkit: SHELL inherited from the parent stage, CMD' },
    { code: '\nFROM alpine AS base\nSHELL ["/bin/ash", "-c"]\n\nFROM base\nENTRYPOINT ./server\n', name: 'buildkit: SHELL inherited from the parent stage, ENTRYPOINT' },
    'FROM alpine\nCMD ["./server"]\nENTRYPOINT ["/sbin/tini", "--"]',
    'FROM alpine\nONBUILD CMD ./server',
  ],
});
