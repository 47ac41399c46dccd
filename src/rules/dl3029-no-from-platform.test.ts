// DL3029 cases: hadolint's spec plus a multi-stage example.
import { dl3029 } from './dl3029-no-from-platform.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3029, {
  invalid: [
    { code: 'FROM --platform=linux debian:jessie', findings: [{ line: 1, message: 'linux' }], output: null,
      name: 'hadolint: explicit platform flag' },
    { code: 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM --platform=linux/arm64 alpine', findings: [{ line: 2 }],
      name: 'only the fixed platform' },
  ],
  valid: [
    { code: 'FROM debian:jessie', name: 'hadolint: no platform flag' },
    { code: 'FROM --platform=$BUILDPLATFORM debian:jessie', name: 'hadolint: allows platform $BUILDPLATFORM flag' },
    { code: 'FROM --platform="$BUILDPLATFORM" debian:jessie', name: 'hadolint: allows platform "$BUILDPLATFORM" flag' },
    { code: 'FROM --platform=${BUILDPLATFORM} debian:jessie', name: 'hadolint: allows platform ${BUILDPLATFORM} flag' },
    { code: 'FROM --platform=${BUILDPLATFORM:-} debian:jessie', name: 'hadolint: allows platform ${BUILDPLATFORM:-} flag' },
    { code: 'FROM --platform="${BUILDPLATFORM:-}" debian:jessie', name: 'hadolint: allows platform "${BUILDPLATFORM:-}" flag' },
    { code: 'FROM --platform=$TARGETPLATFORM debian:jessie', name: 'hadolint: allows platform $TARGETPLATFORM flag' },
  ],
});
