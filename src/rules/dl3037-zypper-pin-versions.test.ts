// DL3037 cases: hadolint's spec (every pinning variant also inside ONBUILD) plus a few of our own.
import { dl3037 } from './dl3037-zypper-pin-versions.js';
import { runRuleTests } from './testing.js';

const pins = ['tomcat=9.0.39', 'tomcat\\>=9.0', 'tomcat\\>9.0', 'tomcat\\<=9.0', 'tomcat\\<9.0', 'tomcat-9.0.39-1.rpm'];

runRuleTests(dl3037, {
  invalid: [
    { code: 'RUN zypper install -y tomcat && zypper clean', findings: [{ line: 1, message: 'tomcat=<version>' }], output: null,
      name: 'hadolint: not ok without zypper version pinning' },
    { code: 'ONBUILD RUN zypper install -y tomcat && zypper clean', findings: [{ line: 1 }],
      name: 'hadolint: not ok without zypper version pinning (ONBUILD)' },
    { code: 'FROM opensuse/leap\nRUN zypper -n in vim=9.0 \\\n    curl', findings: [{ line: 2, message: 'curl' }], name: 'one of two unpinned' },
  ],
  valid: [
    ...pins.flatMap((p) => [
      { code: `RUN zypper install -y ${p} && zypper clean`, name: `hadolint: ok with different variants of zypper version pinning (${p})` },
      { code: `ONBUILD RUN zypper install -y ${p} && zypper clean`,
        name: `hadolint: ok with different variants of zypper version pinning (${p}, ONBUILD)` },
    ]),
    { code: "FROM opensuse/leap\nRUN zypper -n in 'vim>=9'", name: 'quoted range' },
    { code: 'FROM opensuse/leap\nRUN zypper -n refresh', name: 'no install' },
  ],
});
