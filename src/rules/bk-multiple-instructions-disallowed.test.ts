// MultipleInstructionsDisallowed cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { multipleInstructionsDisallowed } from './bk-multiple-instructions-disallowed.js';
import { runRuleTests } from './testing.js';

runRuleTests(multipleInstructionsDisallowed, {
  invalid: [
    {
      code: '\nFROM alpine\nENTRYPOINT ["/bin/a"]\nENTRYPOINT ["/bin/b"]\nCMD ["a"]\nCMD ["b"]\nHEALTHCHECK CMD ["/bin/a"]\nHEALTHCHECK CMD ["/bin/b"]\n',
      findings: [
        { line: 3, message: 'Multiple ENTRYPOINT instructions should not be used in the same stage because only the last one will be used' },
        { line: 5, message: 'Multiple CMD' },
        { line: 7, message: 'Multiple HEALTHCHECK' },
      ],
      name: 'buildkit: each pair reported at the overridden one',
    },
    {
      code: '\nFROM alpine\nENTRYPOINT ["/bin/a"]\nCMD ["a"]\nHEALTHCHECK CMD ["/bin/a"]\nCOPY <<EOF /hello.txt\nhi\nEOF\nENTRYPOINT ["/bin/b"]\nCMD ["b"]\nHEALTHCHECK CMD ["/bin/b"]\n',
      findings: [{ line: 3 }, { line: 4 }, { line: 5 }],
      name: 'buildkit: other instructions in between',
    },
    { code: 'FROM alpine\nCMD a\nCMD b\nCMD c', findings: [{ line: 2 }, { line: 3 }], name: 'three CMDs: the first two are overridden' },
  ],
  valid: [
    {
      code: '\nFROM alpine AS a\nENTRYPOINT ["/bin/a"]\nCMD ["a"]\nHEALTHCHECK CMD ["/bin/a"]\n\nFROM a AS b\nENTRYPOINT ["/bin/b"]\nCMD ["b"]\nHEALTHCHECK CMD ["/bin/b"]\n',
      name: 'buildkit: a child stage overriding its parent',
    },
    'FROM alpine\nCMD a\nONBUILD CMD b',
  ],
});
