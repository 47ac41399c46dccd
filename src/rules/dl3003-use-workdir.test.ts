// DL3003 cases, hadolint's own spec cases included.
import { dl3003 } from './dl3003-use-workdir.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3003, {
  invalid: [
    { code: 'RUN cd /opt', findings: [{ line: 1, message: 'WORKDIR' }], output: null, name: 'hadolint: not ok using cd' },
    { code: 'FROM alpine:3\nRUN cd /src && make\nRUN cd /out', findings: [{ line: 2 }, { line: 3 }], name: 'each RUN with cd' },
    { code: 'FROM alpine:3\nRUN make -C /src || (cd /src && cat log)', findings: [{ line: 2 }], name: 'in a subshell' },
    { code: 'FROM alpine:3\nWORKDIR /app\nRUN cd /src && make \\\n  install\nCOPY . .', findings: [{ line: 3 }],
      output: 'FROM alpine:3\nWORKDIR /app\nWORKDIR /src\nRUN make \\\n  install\nWORKDIR /app\nCOPY . .', name: 'fix: WORKDIR there and back' },
    { code: 'FROM alpine:3\nRUN cd /src && make', findings: [{ line: 2 }], output: null, name: 'no fix: the directory to return to is unknown' },
    { code: 'FROM alpine:3\nWORKDIR $HOME\nRUN cd /src && make', findings: [{ line: 3 }], output: null, name: 'no fix: the directory before is a variable' },
    { code: 'FROM alpine:3\nWORKDIR /app\nRUN cd /src && make && cd /out && ls', findings: [{ line: 3 }], output: null, name: 'no fix: a second cd' },
  ],
  valid: [
    { code: 'WORKDIR /opt', name: 'hadolint: ok using WORKDIR' },
    { code: 'FROM alpine:3\nONBUILD RUN cd /opt', name: 'hadolint does not check ONBUILD triggers for DL3003' },
    { code: 'FROM alpine:3\nRUN echo cd /opt', name: 'cd as an argument' },
  ],
});
