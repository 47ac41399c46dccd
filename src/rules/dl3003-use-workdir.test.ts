// DL3003 cases, hadolint's own spec cases included.
import { dl3003 } from './dl3003-use-workdir.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3003, {
  invalid: [
    { code: 'RUN cd /opt', findings: [{ line: 1, message: 'WORKDIR' }], output: null, name: 'hadolint: not ok using cd' },
    { code: 'FROM alpine:3\nRUN cd /src && make\nRUN cd /out', findings: [{ line: 2 }, { line: 3 }], name: 'each RUN with cd' },
    { code: 'FROM alpine:3\nRUN make -C /src || (cd /src && cat log)', findings: [{ line: 2 }], name: 'in a subshell' },
  ],
  valid: [
    { code: 'WORKDIR /opt', name: 'hadolint: ok using WORKDIR' },
    { code: 'FROM alpine:3\nONBUILD RUN cd /opt', name: 'hadolint does not check ONBUILD triggers for DL3003' },
    { code: 'FROM alpine:3\nRUN echo cd /opt', name: 'cd as an argument' },
  ],
});
