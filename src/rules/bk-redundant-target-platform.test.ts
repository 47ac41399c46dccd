// RedundantTargetPlatform cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { redundantTargetPlatform } from './bk-redundant-target-platform.js';
import { runRuleTests } from './testing.js';

runRuleTests(redundantTargetPlatform, {
  invalid: [
    { code: '\nFROM --platform=$TARGETPLATFORM alpine\n', findings: [{ line: 2, message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior' }], name: 'buildkit: $TARGETPLATFORM' },
    { code: '\nFROM --platform=${TARGETPLATFORM} alpine\n', findings: [{ line: 2, message: 'predefined ${TARGETPLATFORM} in FROM' }], name: 'buildkit: ${TARGETPLATFORM}' },
    { code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine AS a', findings: [{ line: 1 }], name: 'a default that never applies' },
  ],
  valid: [
    'FROM --platform=$BUILDPLATFORM alpine',
    'FROM --platform=linux/$TARGETARCH alpine',
    'FROM --platform=${TARGETPLATFORM:+linux/arm64} alpine',
    'FROM alpine',
  ],
});
