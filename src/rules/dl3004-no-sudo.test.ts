// DL3004 cases, hadolint's own spec cases included.
import { dl3004 } from './dl3004-no-sudo.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3004, {
  invalid: [
    { code: 'RUN sudo apt-get update', findings: [{ line: 1, message: 'sudo' }], output: null, name: 'hadolint: sudo' },
    { code: 'ONBUILD RUN sudo apt-get update', findings: [{ line: 1 }], name: 'hadolint: sudo (ONBUILD)' },
    { code: 'RUN apt-get update && sudo apt-get install', findings: [{ line: 1 }], name: 'hadolint: sudo chained programs' },
    { code: 'ONBUILD RUN apt-get update && sudo apt-get install', findings: [{ line: 1 }],
      name: 'hadolint: sudo chained programs (ONBUILD)' },
    { code: 'FROM debian:12\nUSER app\nRUN ["sudo", "make", "install"]', findings: [{ line: 3 }], name: 'exec form' },
  ],
  valid: [
    { code: 'RUN apt-get install sudo', name: 'hadolint: install sudo' },
    { code: 'ONBUILD RUN apt-get install sudo', name: 'hadolint: install sudo (ONBUILD)' },
    { code: 'FROM debian:12\nRUN echo "sudo is not used here"', name: 'sudo inside a string' },
  ],
});
