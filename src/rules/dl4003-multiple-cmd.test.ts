// DL4003 cases: hadolint's spec and a few of our own.
import { dl4003 } from './dl4003-multiple-cmd.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl4003, {
  invalid: [
    { code: 'FROM debian\nCMD bash\nRUN foo\nCMD another\n', findings: [{ line: 4, message: 'CMD' }], name: 'hadolint: many cmds' },
    { code: 'FROM debian as distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian as distro2\nCMD another\n', findings: [{ line: 4 }],
      name: 'hadolint: many cmds, different stages' },
    { code: 'FROM debian\nCMD a\nCMD b\nCMD ["c"]', findings: [{ line: 3 }, { line: 4 }], name: 'every repeat' },
  ],
  valid: [
    { code: 'FROM debian as distro1\nCMD bash\nRUN foo\nFROM debian as distro2\nCMD another\n', name: 'hadolint: single cmds, different stages' },
    { code: 'CMD /bin/true', name: 'hadolint: single cmd' },
    { code: 'FROM debian\nCMD a\nONBUILD CMD b', name: 'an ONBUILD CMD is for child images' },
  ],
});
