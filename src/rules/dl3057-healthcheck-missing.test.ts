// DL3057 cases: hadolint's spec (with the lines it reports) and a few of our own.
import { dl3057 } from './dl3057-healthcheck-missing.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3057, {
  invalid: [
    { code: 'FROM scratch\n', findings: [{ line: 1, message: 'HEALTHCHECK' }], name: 'hadolint: warn with no HEALTHCHECK instructions' },
    { code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\nFROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n',
      findings: [{ line: 4 }, { line: 9 }], name: 'hadolint: warn when inheritance chain bifurcates' },
    { code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n', findings: [{ line: 3 }],
      name: 'hadolint: warn when not inheriting with no HEALTHCHECK instruction' },
    { code: 'FROM alpine\nONBUILD HEALTHCHECK CMD true', findings: [{ line: 1 }], name: 'an ONBUILD HEALTHCHECK is for child images' },
    { code: 'FROM alpine AS build\nRUN make\nFROM alpine\nCOPY --from=build /app /app\nHEALTHCHECK CMD /app --ping', findings: [{ line: 1 }],
      name: 'a build stage only copied from still counts (as in hadolint)' },
  ],
  valid: [
    { code: 'FROM scratch\nHEALTHCHECK NONE\n', name: 'hadolint: ok when HEALTHCHECK is explicitly disabled' },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n', name: 'hadolint: ok with one HEALTHCHECK instruction' },
    { code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n', name: 'hadolint: ok with inheriting HEALTHCHECK instruction' },
    { code: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n',
      name: 'hadolint: ok with ending inheritance chain with HEALTCHECK' },
  ],
});
