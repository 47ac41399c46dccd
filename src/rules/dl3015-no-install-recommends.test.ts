// DL3015 cases, hadolint's own spec cases included.
import { dl3015 } from './dl3015-no-install-recommends.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3015, {
  invalid: [
    { code: 'RUN apt-get install python', findings: [{ line: 1, message: '--no-install-recommends' }],
      output: 'RUN apt-get install --no-install-recommends python', name: 'hadolint: apt-get no install recommends' },
    { code: 'ONBUILD RUN apt-get install python', findings: [{ line: 1 }],
      output: 'ONBUILD RUN apt-get install --no-install-recommends python', name: 'hadolint: apt-get no install recommends (ONBUILD)' },
    { code: 'RUN apt-get -y install python', findings: [{ line: 1 }], output: 'RUN apt-get -y install --no-install-recommends python',
      name: 'hadolint: apt-get no install recommends (-y)' },
    { code: 'ONBUILD RUN apt-get -y install python', findings: [{ line: 1 }], name: 'hadolint: apt-get no install recommends (-y, ONBUILD)' },
    { code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl \\\n    && rm -rf /var/lib/apt/lists/*',
      findings: [{ line: 2 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install --no-install-recommends -y \\\n      curl \\\n    && rm -rf /var/lib/apt/lists/*',
      name: 'fix in a multi-line RUN' },
    { code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "git"]', findings: [{ line: 2 }], output: null, name: 'exec form: no fix' },
  ],
  valid: [
    { code: 'RUN apt-get install --no-install-recommends python', name: 'hadolint: apt-get install recommends' },
    { code: 'ONBUILD RUN apt-get install --no-install-recommends python', name: 'hadolint: apt-get install recommends (ONBUILD)' },
    { code: 'RUN apt-get -o APT::Install-Recommends=false install python', name: 'hadolint: apt-get no install recommends via option' },
    { code: 'ONBUILD RUN apt-get -o APT::Install-Recommends=false install python',
      name: 'hadolint: apt-get no install recommends via option (ONBUILD)' },
    { code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y', name: 'no install' },
  ],
});
