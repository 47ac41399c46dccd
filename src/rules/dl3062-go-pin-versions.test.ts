// DL3062 cases: hadolint's spec, each also as an ONBUILD trigger, and a few of our own.
import { dl3062 } from './dl3062-go-pin-versions.js';
import type { InvalidCase } from './testing.js';
import { runRuleTests } from './testing.js';

const catches: readonly [string, string][] = [
  ['go install: go version not pinned', 'RUN go install example.com/pkg'],
  ['go install: go version pinned as latest', 'RUN go install example.com/pkg@latest'],
  ['go get: go version not pinned', 'RUN go get example.com/pkg'],
  ['go get: go version pinned as latest', 'RUN go get example.com/pkg@latest'],
  ['go get tool: version not pinned', 'RUN go get -tool foobar'],
  ['go get tool: version pinned as latest', 'RUN go get -tool foobar@latest'],
  ['go run: go version not pinned', 'RUN go run example.com/pkg'],
  ['go run: go version pinned as latest', 'RUN go run example.com/pkg@latest'],
];
const passes: readonly [string, string][] = [
  ['go install: go version pinned', 'RUN go install example.com/pkg@v1.2.3'],
  ['go install: go install with local absolute path', 'RUN go install /go/app/foobar'],
  ['go install: go install with local relative path', 'RUN go install ./app/foobar'],
  ['go install: go install local dir', 'RUN go install .'],
  ['go get: go version pinned', 'RUN go get example.com/pkg@v1.2.3'],
  ['go get tool: version pinned', 'RUN go get -tool foobar@v1.2.3'],
  ['go run: go version pinned', 'RUN go run example.com/pkg@v1.2.3'],
  ['go run: go version pinned with flags (-f)', 'RUN go run example.com/pkg@v1.2.3 -f'],
  ['go run: go version pinned with flags (-foobar)', 'RUN go run example.com/pkg@v1.2.3 -foobar'],
  ['go run: go version pinned with flags (--foobar)', 'RUN go run example.com/pkg@v1.2.3 --foobar'],
  ['go run: go version pinned with arguments (foobar)', 'RUN go run example.com/pkg@v1.2.3 foobar'],
  ['go run: go version pinned with arguments (--foo bar)', 'RUN go run example.com/pkg@v1.2.3 --foo bar'],
  ['go run: go run with local absolute path', 'RUN go run /go/app/foobar'],
  ['go run: go run with local relative path', 'RUN go run ./app/foobar'],
  ['go run: go run local dir', 'RUN go run .'],
];

const invalid: InvalidCase[] = catches.flatMap(([name, code]) => [
  { code, findings: [{ line: 1 }], name: `hadolint: ${name}` },
  { code: `ONBUILD ${code}`, findings: [{ line: 1 }], name: `hadolint: ${name} (ONBUILD)` },
]);

runRuleTests(dl3062, {
  invalid: [
    ...invalid,
    { code: 'FROM golang\nRUN go install a.com/x@v1 b.com/y', findings: [{ line: 2, message: 'b.com/y' }], name: 'names the loose package' },
    { code: 'FROM golang\nRUN go install a.com/x@none', findings: [{ line: 2 }], name: '@none' },
  ],
  valid: [
    ...passes.flatMap(([name, code]) => [
      { code, name: `hadolint: ${name}` },
      { code: `ONBUILD ${code}`, name: `hadolint: ${name} (ONBUILD)` },
    ]),
    { code: 'FROM golang\nRUN go build ./...', name: 'go build' },
    { code: 'FROM golang\nRUN go mod download', name: 'go mod' },
  ],
});
