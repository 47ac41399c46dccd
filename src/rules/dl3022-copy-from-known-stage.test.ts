// DL3022 cases: hadolint's spec plus stage-name case, variables and ONBUILD.
import { dl3022 } from './dl3022-copy-from-known-stage.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3022, {
  invalid: [
    { code: 'COPY --from=foo bar .', findings: [{ line: 1, message: 'foo' }], output: null, name: 'hadolint: warn on missing alias' },
    { code: 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\nRUN baz\n', findings: [{ line: 2 }],
      name: 'hadolint: warn on alias defined after' },
    { code: 'COPY --from=0 bar .', findings: [{ line: 1 }], name: 'hadolint: warn on invalid stage count as --from=<count>' },
    { code: 'FROM node AS build\nCOPY --from=1 a .\nCOPY --from=buidl b .', findings: [{ line: 2 }, { line: 3 }],
      name: 'stage index out of range and a typo' },
  ],
  valid: [
    { code: 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\nRUN baz\n',
      name: "hadolint: don't warn on correctly defined aliases" },
    { code: 'COPY --from=haskell:latest bar .', name: "hadolint: don't warn on external images" },
    { code: 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=0 foo .\n',
      name: "hadolint: don't warn on valid stage count as --from=<count>" },
    { code: 'FROM scratch\nRUN foo\nFROM node\nCOPY --from=0 foo .\n',
      name: "hadolint: don't warn on valid stage count as --from=<count> (no alias)" },
    // disagrees with hadolint: it compares stage names as written, BuildKit ignores their case.
    { code: 'FROM golang AS Build\nFROM alpine\nCOPY --from=build /out /bin/', name: 'stage names are case-insensitive' },
    // disagrees with hadolint: it flags any --from it cannot resolve, but a variable is only known at build time.
    { code: 'ARG BASE=golang:1.22\nFROM alpine\nCOPY --from=${BASE} /usr/local/go /go', name: 'a variable resolves at build time' },
    { code: 'FROM alpine\nONBUILD COPY --from=nowhere a .', name: 'ONBUILD triggers are not checked (as hadolint)' },
  ],
});
