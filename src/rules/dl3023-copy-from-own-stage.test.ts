// DL3023 cases: hadolint's spec plus case-insensitive names and stages without a name.
import { dl3023 } from './dl3023-copy-from-own-stage.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3023, {
  invalid: [
    { code: 'FROM node as foo\nCOPY --from=foo bar .\n', findings: [{ line: 2, message: 'foo' }], output: null,
      name: 'hadolint: warn on copying from your the same FROM' },
    // disagrees with hadolint: it compares names as written; BuildKit ignores their case.
    { code: 'FROM node AS Build\nRUN make\nCOPY --from=build /out /app', findings: [{ line: 3 }], name: 'names are case-insensitive' },
    { code: 'FROM a AS x\nFROM b AS y\nCOPY --from=x . .\nCOPY --from=y . .', findings: [{ line: 4 }], name: 'only the current stage' },
  ],
  valid: [
    { code: 'FROM scratch as build\nRUN foo\nFROM node as run\nCOPY --from=build foo .\nRUN baz\n',
      name: "hadolint: don't warn on copying from other sources" },
    { code: 'COPY --from=foo bar .', name: 'before any FROM' },
    { code: 'FROM node\nCOPY --from=node . .', name: 'a stage without a name' },
    { code: 'FROM node AS foo\nONBUILD COPY --from=foo . .', name: 'ONBUILD triggers are not checked (as hadolint)' },
  ],
});
