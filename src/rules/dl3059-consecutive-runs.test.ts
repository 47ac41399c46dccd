// DL3059 cases: hadolint's spec (with the lines it reports) and a few of our own.
import { dl3059 } from './dl3059-consecutive-runs.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3059, {
  invalid: [
    { code: 'RUN /foo.sh\nRUN /bar.sh', findings: [{ line: 2, message: 'consecutive' }], name: 'hadolint: not ok with two consecutive `RUN`s' },
    { code: 'RUN /foo.sh\n# a comment\nRUN /bar.sh', findings: [{ line: 3 }], name: 'hadolint: not ok with two `RUN`s separated by a comment' },
    { code: 'RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh', findings: [{ line: 4 }],
      name: 'hadolint: not ok with two `RUN`s separated by two comment' },
    { code: 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh\n', findings: [{ line: 2 }],
      name: 'hadolint: not ok with two consecutive `RUN`s when flags are equal' },
    { code: 'RUN foo && bar\nRUN foo\nRUN bar\n', findings: [{ line: 3 }], name: 'hadolint: not ok when more than one `RUN` has just one command in a row' },
    { code: 'FROM debian\nRUN a\nRUN b\nRUN c', findings: [{ line: 3 }, { line: 4 }], name: 'three in a row' },
    { code: 'FROM debian\nRUN --mount=type=cache,target=/x a\nRUN --mount=target=/x,type=cache b', findings: [{ line: 3 }],
      name: 'mount options in another order are the same mount' },
    { code: 'FROM debian\n\nRUN a\n\nRUN b', findings: [{ line: 5 }], name: 'blank lines do not separate' },
  ],
  valid: [
    { code: 'FROM debian:10', name: 'hadolint: ok with no `RUN` at all' },
    { code: 'RUN /foo.sh', name: 'hadolint: ok with one `RUN`' },
    { code: 'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh', name: 'hadolint: ok with two not consecutive `RUN`' },
    { code: '# a comment\nRUN /foo.sh', name: 'hadolint: ok with one `RUN` after a comment' },
    { code: 'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh', name: 'hadolint: ok with two consecutive `RUN`s when flags are different 1' },
    { code: 'RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh\n',
      name: 'hadolint: ok with two consecutive `RUN`s when flags are different 2' },
    { code: 'RUN foo && bar\nRUN foobar\n', name: 'hadolint: ok with two consecutive `RUN`s when commands are chained 1' },
    { code: 'RUN foo; bar\nRUN foobar\n', name: 'hadolint: ok with two consecutive `RUN`s when commands are chained 2' },
    { code: 'RUN foobar\nRUN foo && bar\n', name: 'hadolint: ok with two consecutive `RUN`s when commands are chained 3' },
    { code: 'RUN foobar\nRUN foo; bar\n', name: 'hadolint: ok with two consecutive `RUN`s when commands are chained 4' },
    { code: 'RUN foo && bar\nRUN foo; bar\n', name: 'hadolint: ok with two consecutive `RUN`s when commands are chained 5' },
    { code: 'FROM debian\nRUN a\nONBUILD RUN b\nRUN c', name: 'ONBUILD breaks the run' },
    { code: 'FROM debian\nRUN a\nFROM debian\nRUN b', name: 'a new stage breaks the run' },
    { code: 'FROM debian\nRUN --network=none a\nRUN b', name: '--network differs' },
  ],
});
