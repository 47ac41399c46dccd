// DL3001 cases, hadolint's own spec cases included.
import { dl3001 } from './dl3001-pointless-commands.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3001, {
  invalid: [
    { code: 'RUN top', findings: [{ line: 1, message: '`top`' }], output: null, name: 'hadolint: invalid cmd' },
    { code: 'ONBUILD RUN top', findings: [{ line: 1 }], name: 'hadolint: invalid cmd (ONBUILD)' },
    { code: 'FROM debian:12\nRUN service nginx start && ps aux', findings: [{ line: 2, message: '`service`, `ps`' }],
      name: 'one finding naming every pointless command' },
    { code: 'FROM debian:12\nRUN ["vim", "/etc/hosts"]', findings: [{ line: 2 }], name: 'exec form' },
    { code: 'FROM debian:12\nRUN echo $(ps -ef)', findings: [{ line: 2 }], name: 'inside a command substitution' },
  ],
  valid: [
    { code: 'RUN apt-get install ssh', name: 'hadolint: install ssh' },
    { code: 'ONBUILD RUN apt-get install ssh', name: 'hadolint: install ssh (ONBUILD)' },
    { code: 'FROM debian:12\nCMD ["top"]', name: 'CMD runs at container start, not in the build' },
    { code: 'FROM debian:12\nRUN apt-get install -y procps', name: 'package named like nothing pointless' },
  ],
});
