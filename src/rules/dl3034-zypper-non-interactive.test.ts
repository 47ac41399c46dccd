// DL3034 cases: hadolint's spec plus other asking subcommands.
import { dl3034 } from './dl3034-zypper-non-interactive.js';
import { runRuleTests } from './testing.js';

const ok = (flag: string): string => `RUN zypper install ${flag} httpd=2.4.24 && zypper clean`;

runRuleTests(dl3034, {
  invalid: [
    { code: 'RUN zypper install httpd=2.4.24 && zypper clean', findings: [{ line: 1, message: '-n' }], output: null,
      name: 'hadolint: not ok without non-interactive switch' },
    { code: 'ONBUILD RUN zypper install httpd=2.4.24 && zypper clean', findings: [{ line: 1 }],
      name: 'hadolint: not ok without non-interactive switch (ONBUILD)' },
    { code: 'FROM opensuse/leap\nRUN zypper rm vim', findings: [{ line: 2 }], name: 'remove asks too' },
  ],
  valid: [
    ...['-n', '--non-interactive', '-y', '--no-confirm'].flatMap((f) => [
      { code: ok(f), name: `hadolint: ok with non-interactive switch present (${f})` },
      { code: `ONBUILD ${ok(f)}`, name: `hadolint: ok with non-interactive switch present (${f}, ONBUILD)` },
    ]),
    { code: 'FROM opensuse/leap\nRUN zypper --non-interactive refresh && zypper -n in vim', name: 'global option before the subcommand' },
    { code: 'FROM opensuse/leap\nRUN zypper refresh', name: 'a subcommand that does not ask' },
  ],
});
