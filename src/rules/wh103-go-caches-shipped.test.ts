// WH103 cases: Go caches left in shipped stages.
import { runRuleTests } from './testing.js';
import { wh103 } from './wh103-go-caches-shipped.js';

runRuleTests(wh103, {
  invalid: [
    { code: 'FROM golang:1.22\nRUN go build -o /app .', findings: [{ line: 2, message: 'module cache (/go/pkg/mod) and build cache' }] },
    { code: 'FROM golang:1.22\nRUN go mod download', findings: [{ line: 2, message: 'module cache (/go/pkg/mod) in' }] },
    { code: 'FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .', findings: [{ line: 2, message: 'Go build cache' }] },
    { code: 'FROM golang:1.22\nRUN go build -o /app . && go clean -cache', findings: [{ line: 2, message: 'Go module cache' }] },
    { code: 'FROM golang:1.22\nONBUILD RUN go install ./...', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
    { code: 'FROM golang:1.22 AS build\nRUN go mod download\nFROM build\nRUN go build -o /app .',
      findings: [{ line: 2 }, { line: 4 }], name: 'final stage built on the builder' },
  ],
  valid: [
    'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app',
    'FROM golang:1.22\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .',
    'FROM golang:1.22\nRUN go build -o /app . && go clean -cache -modcache',
    'FROM golang:1.22\nRUN go build -o /app . && rm -rf /go/pkg/mod /root/.cache/go-build',
    'FROM golang:1.22\nRUN go version',
    'FROM golang:1.22\nRUN go env GOPATH',
  ],
});
