// DL3046 cases: hadolint's spec, the ONBUILD trigger, and the `-l` fix.
import { dl3046 } from './dl3046-useradd-high-uid.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3046, {
  invalid: [
    { code: 'RUN useradd -u 123456 luser', findings: [{ line: 1, message: '-l' }], output: 'RUN useradd -l -u 123456 luser',
      name: 'hadolint: warn when `useradd` and long uid without flag `-l`' },
    { code: 'FROM debian\nONBUILD RUN useradd -u 123456 luser', findings: [{ line: 2 }],
      output: 'FROM debian\nONBUILD RUN useradd -l -u 123456 luser', name: 'ONBUILD trigger' },
    { code: 'FROM debian\nRUN groupadd -g 200000 app && \\\n    useradd -u 200000 -g app app', findings: [{ line: 2 }],
      output: 'FROM debian\nRUN groupadd -g 200000 app && \\\n    useradd -l -u 200000 -g app app', name: 'useradd on a continuation line' },
    { code: 'FROM debian\nRUN useradd -u 123456 a && useradd -u 123457 b', findings: [{ line: 2 }], output: null,
      name: 'two useradds: no fix, one finding for the RUN' },
    { code: 'FROM debian\nRUN echo useradd; "useradd" -u 123456 x', findings: [{ line: 2 }], output: null,
      name: 'useradd mentioned twice: no fix' },
    { code: 'FROM debian\nRUN ["useradd", "-u", "123456", "luser"]', findings: [{ line: 2 }], output: null, name: 'exec form: no fix' },
  ],
  valid: [
    { code: 'RUN useradd luser', name: 'hadolint: ok with `useradd` alone' },
    { code: 'RUN useradd -u 12345 luser', name: 'hadolint: ok with `useradd` short uid' },
    { code: 'RUN useradd -l -u 123456 luser', name: 'hadolint: ok with `useradd` long uid and flag `-l`' },
    { code: 'RUN useradd -l luser', name: 'hadolint: ok with `useradd` and just flag `-l`' },
    { code: 'FROM debian\nRUN useradd --no-log-init -u 123456 luser', name: 'long spelling of -l' },
    { code: 'FROM debian\nRUN useradd -lu 123456 luser', name: '-l grouped with -u' },
    { code: 'FROM debian\nRUN useradd --uid 123456 luser', name: 'a --uid value is not measured (as in hadolint)' },
  ],
});
