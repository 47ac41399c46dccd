// DL3026 cases: hadolint's spec (trusted registries given through the rule context) plus our own.
import { dl3026 } from './dl3026-trusted-registries.js';
import { runRuleTests } from './testing.js';

const trusted = (...trustedRegistries: string[]): { trustedRegistries: string[] } => ({ trustedRegistries });
const threeHubImages = 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n';

runRuleTests(dl3026, {
  invalid: [
    { code: 'FROM random.com/debian\n', context: trusted('docker.io'), findings: [{ line: 1, message: 'random.com/debian' }],
      output: null, name: 'hadolint: warn on non-allowed registry' },
    { code: 'FROM x.com/debian\n', context: trusted('*.random.com'), findings: [{ line: 1 }],
      name: 'hadolint: warn on non-allowed wildcard registry' },
    { code: 'COPY --from=untrusted.com/repo/image:tag /foo /bar\n', context: trusted('trusted.com'), findings: [{ line: 1 }],
      name: 'hadolint: does warn on copy from untrusted registry' },
    { code: 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n', context: trusted('trusted.com'),
      findings: [{ line: 1 }], name: 'hadolint: warn on run with bind mount from untrusted registry' },
    { code: 'RUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n', context: trusted('trusted.com'),
      findings: [{ line: 1 }], name: 'hadolint: warn on run with cache mount from untrusted registry' },
    { code: threeHubImages, context: trusted('trusted.com'), findings: [{ line: 1 }, { line: 2 }, { line: 3 }],
      name: 'hadolint: distrust all forms of docker.io if trusted registries are given' },
    // disagrees with hadolint: it reads `localhost:5000/app` as a Docker Hub image (no dot, no registry).
    { code: 'FROM trusted.com/base AS b\nFROM b:latest\nFROM localhost:5000/app\nCOPY --from=node:20 /usr/local /usr/local',
      context: trusted('trusted.com'), findings: [{ line: 3 }, { line: 4 }], name: 'host:port registry and a Hub image in COPY --from' },
    { code: 'FROM mirror.trusted.com.evil.io/debian', context: trusted('*.trusted.com'), findings: [{ line: 1 }],
      name: 'a suffix pattern matches the end of the host only' },
  ],
  valid: [
    { code: 'FROM random.com/debian\n', name: 'hadolint: does not warn on empty allowed registries' },
    { code: 'FROM random.com/debian\n', context: trusted('x.com', 'random.com'), name: 'hadolint: does not warn on allowed registries' },
    { code: 'FROM scratch\n', context: trusted('x.com', 'random.com'), name: "hadolint: doesn't warn on scratch image" },
    { code: threeHubImages, context: trusted('docker.io'), name: 'hadolint: allows all forms of docker.io' },
    { code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', context: trusted('random.com'),
      name: 'hadolint: allows using previous stages' },
    { code: 'FROM foo.random.com/debian\n', context: trusted('x.com', '*.random.com'),
      name: 'hadolint: does not warn on allowed wildcard registries' },
    { code: threeHubImages, context: trusted('*'), name: 'hadolint: does not warn on * registry' },
    { code: 'COPY --from=trusted.com/repo/image:tag /foo /bar\n', context: trusted('trusted.com'),
      name: 'hadolint: does not warn on copy from untrusted registry' },
    { code: 'RUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n', context: trusted('trusted.com'),
      name: "hadolint: don't warn on run with bind mount from trusted registry" },
    { code: 'RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar\n', context: trusted('trusted.com'),
      name: "hadolint: don't warn on run with cache mount from trusted registry" },
    // disagrees with hadolint: it judges `--from=0` as a Docker Hub image named "0" and flags it.
    { code: 'FROM trusted.com/go AS build\nFROM trusted.com/base\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n' +
      'RUN --mount=type=bind,from=build,target=/src --mount=type=secret,id=x make\nRUN --mount=type=cache,target=/root/.cache go build',
      context: trusted('trusted.com'), name: 'stages by name and index, mounts without from' },
    { code: 'FROM registry-1.example.com:443/team/app', context: trusted('registry-*'), name: 'a prefix pattern' },
    { code: 'FROM trusted.com/base\nONBUILD COPY --from=evil.io/x / /', context: trusted('trusted.com'),
      name: 'ONBUILD triggers are not checked (as hadolint)' },
  ],
});
