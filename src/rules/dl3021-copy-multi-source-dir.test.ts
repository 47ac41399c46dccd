// DL3021 cases: hadolint's spec plus exec form and heredocs.
import { dl3021 } from './dl3021-copy-multi-source-dir.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3021, {
  invalid: [
    { code: 'COPY foo bar baz', findings: [{ line: 1, message: 'ending in /' }], output: null, name: 'hadolint: warn on 3 args' },
    { code: 'COPY foo bar "baz"', findings: [{ line: 1 }], name: 'hadolint: warn on 3 args with quotes' },
    { code: 'FROM alpine\nCOPY ["a", "b", "/app"]', findings: [{ line: 2 }], name: 'exec form' },
    { code: 'FROM alpine\nCOPY --chown=1000 a \\\n     b \\\n     /app', findings: [{ line: 2 }], name: 'continuation lines' },
  ],
  valid: [
    { code: 'COPY foo bar', name: 'hadolint: no warn on 2 args' },
    { code: 'COPY foo bar baz/', name: 'hadolint: no warn on 3 args' },
    { code: 'COPY foo bar "baz/"', name: 'hadolint: no warn on 3 args with quotes' },
    { code: 'FROM alpine\nCOPY ["a", "b", "/app/"]', name: 'exec form with slash' },
    { code: 'FROM alpine\nADD a b /app', name: 'ADD is not checked (as hadolint)' },
    { code: 'FROM alpine\nONBUILD COPY a b /app', name: 'ONBUILD triggers are not checked (as hadolint)' },
  ],
});
