// DL3012 cases, hadolint's own spec cases included.
import { dl3012 } from './dl3012-one-healthcheck.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3012, {
  invalid: [
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK CMD /bin/bla2', findings: [{ line: 3, message: 'line 3' }],
      output: null, name: 'hadolint: warn with two HEALTHCHECK instructions' },
    { code: 'FROM scratch\nHEALTHCHECK NONE\nRUN x\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b', findings: [{ line: 4 }, { line: 5 }],
      name: 'every extra one, NONE included' },
  ],
  valid: [
    { code: 'FROM scratch', name: 'hadolint: ok with no HEALTHCHECK instruction' },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla', name: 'hadolint: ok with one HEALTHCHECK instruction' },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2',
      name: 'hadolint: ok with two HEALTHCHECK instructions in two stages' },
    { code: 'FROM scratch\nONBUILD HEALTHCHECK CMD a\nHEALTHCHECK CMD b', name: 'an ONBUILD trigger belongs to the child image' },
  ],
});
