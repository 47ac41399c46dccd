// DL3007 cases, hadolint's own spec cases included.
import { dl3007 } from './dl3007-no-latest-tag.js';
import { runRuleTests } from './testing.js';

const digest = 'sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb';

runRuleTests(dl3007, {
  invalid: [
    { code: 'FROM debian:latest', findings: [{ line: 1, message: 'latest' }], output: null, name: 'hadolint: explicit latest' },
    { code: 'FROM debian:latest AS builder', findings: [{ line: 1 }], name: 'hadolint: explicit latest with name' },
    { code: 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static:latest', findings: [{ line: 2 }], name: 'with a registry, in the last stage' },
  ],
  valid: [
    { code: 'FROM debian:jessie', name: 'hadolint: explicit tagged' },
    { code: `FROM hub.docker.io/debian@${digest}`, name: 'hadolint: explicit SHA' },
    { code: `FROM hub.docker.io/debian:latest@${digest}`, name: 'hadolint: explicit tagged and SHA' },
    { code: 'FROM debian:jessie AS builder', name: 'hadolint: explicit tagged with name' },
    { code: 'FROM debian', name: 'untagged is DL3006, not DL3007' },
    { code: 'FROM debian:Latest', name: 'tags are case-sensitive' },
  ],
});
