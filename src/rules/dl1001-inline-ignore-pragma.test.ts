// DL1001 cases, hadolint's own spec cases included.
import { dl1001 } from './dl1001-inline-ignore-pragma.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl1001, {
  invalid: [
    { code: '# hadolint ignore=DL3003\nRUN foo bar', findings: [{ line: 1, message: 'pragma' }], output: null,
      name: 'hadolint: catches inline ignore pragma' },
    { code: 'FROM debian\n# whittle ignore=DL3008\nRUN apt-get install curl', findings: [{ line: 2 }], name: 'whittle spelling' },
    { code: 'FROM debian\n# hadolint ignore=DL3008, DL3015\nRUN a\n#   hadolint ignore=DL3003\nRUN cd /x',
      findings: [{ line: 2 }, { line: 4 }], name: 'every inline pragma, list and padding included' },
  ],
  valid: [
    { code: '# hadolint shell=powershell\nRUN foo bar', name: 'hadolint: does not catch other pragma' },
    { code: '# foobar\nRUN foo bar', name: 'hadolint: does not catch other comment' },
    { code: 'FROM debian\nRUN foo bar', name: 'hadolint: does not catch when inline ignore pragma is absent' },
    { code: '# hadolint global ignore=DL3008\nFROM debian\nRUN apt-get install curl', name: 'a global ignore is not inline' },
    { code: 'FROM debian\n# whittle stage-ignore=DL3008\nRUN apt-get install curl', name: 'a stage ignore is not inline' },
    { code: 'FROM debian\n# we ignore=nothing here\nRUN true', name: 'prose mentioning ignore' },
  ],
});
