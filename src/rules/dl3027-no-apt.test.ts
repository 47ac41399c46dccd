// DL3027 cases: hadolint's spec plus look-alikes.
import { dl3027 } from './dl3027-no-apt.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3027, {
  invalid: [
    { code: 'FROM ubuntu\nRUN apt install python\n', findings: [{ line: 2, message: 'apt-get' }], output: null, name: 'hadolint: apt' },
    { code: 'FROM ubuntu\nONBUILD RUN apt install python\n', findings: [{ line: 2 }], name: 'hadolint: apt (ONBUILD)' },
    { code: 'FROM ubuntu\nRUN apt-get update && \\\n    apt upgrade -y', findings: [{ line: 2 }], name: 'later in a chain' },
  ],
  valid: [
    'FROM ubuntu\nRUN apt-get install -y python',
    'FROM ubuntu\nRUN apt-cache policy python && echo apt',
    'FROM ubuntu\nRUN aptitude install python',
  ],
});
