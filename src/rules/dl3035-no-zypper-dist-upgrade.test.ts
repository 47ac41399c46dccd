// DL3035 cases: hadolint's spec plus look-alikes.
import { dl3035 } from './dl3035-no-zypper-dist-upgrade.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3035, {
  invalid: [
    { code: 'RUN zypper dist-upgrade', findings: [{ line: 1, message: 'dist-upgrade' }], output: null,
      name: 'hadolint: not ok: zypper dist-upgrade' },
    { code: 'RUN zypper dup', findings: [{ line: 1 }], name: 'hadolint: not ok: zypper dist-upgrade (dup)' },
    { code: 'ONBUILD RUN zypper dist-upgrade', findings: [{ line: 1 }], name: 'hadolint: not ok: zypper dist-upgrade (ONBUILD)' },
    { code: 'ONBUILD RUN zypper dup', findings: [{ line: 1 }], name: 'hadolint: not ok: zypper dist-upgrade (ONBUILD, dup)' },
    { code: 'FROM opensuse/tumbleweed\nRUN zypper -n refresh && zypper -n dup', findings: [{ line: 2 }], name: 'later in a chain' },
    { code: 'FROM opensuse/leap\nRUN zypper -n in dup', findings: [{ line: 2 }],
      name: 'as hadolint, any argument `dup` counts, even a package of that name' },
  ],
  valid: [
    'FROM opensuse/leap\nRUN zypper -n update',
    'FROM opensuse/leap\nRUN echo zypper dup',
  ],
});
