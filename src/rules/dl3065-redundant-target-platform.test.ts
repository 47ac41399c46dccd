// DL3065 cases: hadolint's spec, with the fix that drops the flag, and a few of our own.
import { dl3065 } from './dl3065-redundant-target-platform.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3065, {
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.24', findings: [{ line: 1, message: 'redundant' }], output: 'FROM alpine:3.24',
      name: 'hadolint: not ok: FROM --platform=$TARGETPLATFORM' },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine:3.24', findings: [{ line: 1 }], output: 'FROM alpine:3.24',
      name: 'hadolint: not ok: FROM --platform=${TARGETPLATFORM}' },
    { code: 'FROM golang AS build\nFROM --platform=$TARGETPLATFORM  alpine AS final\nCOPY --from=build /x /x', findings: [{ line: 2 }],
      output: 'FROM golang AS build\nFROM alpine AS final\nCOPY --from=build /x /x', name: 'second stage' },
  ],
  valid: [
    { code: 'FROM alpine:3.24', name: 'hadolint: ok: FROM no --platform' },
    { code: 'FROM --platform=$FOOBAR alpine:3.24', name: 'hadolint: ok: FROM --platform not $TARGETPLATFORM ($FOOBAR)' },
    { code: 'FROM --platform=foobar alpine:3.24', name: 'hadolint: ok: FROM --platform not $TARGETPLATFORM (foobar)' },
    { code: 'FROM --platform=foobar/arm64 alpine:3.24', name: 'hadolint: ok: FROM --platform not $TARGETPLATFORM (foobar/arm64)' },
    { code: 'FROM --platform=$BUILDPLATFORM golang', name: 'BUILDPLATFORM is the point of --platform' },
  ],
});
