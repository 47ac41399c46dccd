// DL3038 cases: hadolint's spec plus the -y fix.
import { dl3038 } from './dl3038-dnf-assume-yes.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3038, {
  invalid: [
    { code: 'RUN dnf install httpd-2.4.24 && dnf clean all', findings: [{ line: 1, message: '-y' }],
      output: 'RUN dnf install -y httpd-2.4.24 && dnf clean all', name: 'hadolint: not ok without dnf non-interactive flag' },
    { code: 'RUN microdnf install httpd-2.4.24 && microdnf clean all', findings: [{ line: 1 }],
      output: 'RUN microdnf install -y httpd-2.4.24 && microdnf clean all', name: 'hadolint: not ok without dnf non-interactive flag (microdnf)' },
    { code: 'ONBUILD RUN dnf install httpd-2.4.24 && dnf clean all', findings: [{ line: 1 }],
      output: 'ONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all',
      name: 'hadolint: not ok without dnf non-interactive flag (ONBUILD)' },
    { code: 'ONBUILD RUN microdnf install httpd-2.4.24 && microdnf clean all', findings: [{ line: 1 }],
      output: 'ONBUILD RUN microdnf install -y httpd-2.4.24 && microdnf clean all',
      name: 'hadolint: not ok without dnf non-interactive flag (ONBUILD, microdnf)' },
    { code: 'FROM fedora\nRUN dnf install a && dnf install a', findings: [{ line: 2 }],
      output: 'FROM fedora\nRUN dnf install -y a && dnf install -y a', name: 'two identical commands on one line' },
    { code: 'FROM fedora\nRUN dnf \\\n    groupinstall \\\n    "Dev Tools"', findings: [{ line: 2 }],
      output: 'FROM fedora\nRUN dnf \\\n    groupinstall -y \\\n    "Dev Tools"', name: 'subcommand on a continuation line' },
  ],
  valid: [
    { code: 'RUN dnf install -y httpd-2.4.24 && dnf clean all', name: 'hadolint: ok with dnf non-interactive flag' },
    { code: 'RUN microdnf install -y httpd-2.4.24 && microdnf clean all', name: 'hadolint: ok with dnf non-interactive flag (microdnf)' },
    { code: 'RUN notdnf install httpd', name: 'hadolint: ok with dnf non-interactive flag (notdnf)' },
    { code: 'ONBUILD RUN dnf install -y httpd-2.4.24 && dnf clean all', name: 'hadolint: ok with dnf non-interactive flag (ONBUILD)' },
    { code: 'ONBUILD RUN microdnf install -y httpd-2.4.24 && microdnf clean all',
      name: 'hadolint: ok with dnf non-interactive flag (ONBUILD, microdnf)' },
    { code: 'ONBUILD RUN notdnf install httpd', name: 'hadolint: ok with dnf non-interactive flag (ONBUILD, notdnf)' },
    { code: 'FROM fedora\nRUN dnf --assumeyes install httpd', name: '--assumeyes' },
  ],
});
