// FromPlatformFlagConstDisallowed cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { fromPlatformFlagConstDisallowed } from './bk-from-platform-flag-const-disallowed.js';
import { runRuleTests } from './testing.js';

runRuleTests(fromPlatformFlagConstDisallowed, {
  invalid: [
    { code: '\nFROM --platform=linux/arm64 alpine\n', findings: [{ line: 2, message: 'FROM --platform flag should not use constant value "linux/arm64"' }], name: 'buildkit: constant platform, unnamed stage' },
    { code: 'FROM --platform=linux/amd64 alpine AS build', findings: [{ line: 1 }], name: 'a name that says nothing of the platform' },
    { code: 'FROM --platform=windows/amd64 alpine AS linux-ish', findings: [{ line: 1 }] },
  ],
  valid: [
    { code: '\nFROM --platform=linux/arm64 alpine AS build_arm64\n', name: 'buildkit: the architecture is in the stage name' },
    { code: '\nFROM --platform=linux/arm64 alpine AS linux\n', name: 'buildkit: the OS is in the stage name' },
    'FROM --platform=linux/x86_64 alpine AS build-amd64',
    'FROM --platform=$BUILDPLATFORM alpine',
    'FROM --platform=linux/${ARCH} alpine',
    'FROM --platform=not/a/real/platform alpine',
  ],
});
