// LegacyKeyValueFormat cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { legacyKeyValueFormat } from './bk-legacy-key-value-format.js';
import { runRuleTests } from './testing.js';

runRuleTests(legacyKeyValueFormat, {
  invalid: [
    {
      code: '\nFROM alpine\nENV APP_HOME /srv/app\nLABEL maintainer someone\n',
      findings: [{ line: 3, message: '"ENV key=value" should be used instead of legacy "ENV key value" format' }, { line: 4, message: '"LABEL key=value"' }],
      name: 'buildkit: ENV and LABEL in the legacy form',
    },
    {
      code: '\nFROM alpine AS a\n\nFROM a AS b\nENV APP_HOME /srv/app\nLABEL maintainer someone\n\nFROM a AS c\n',
      findings: [{ line: 5 }, { line: 6 }],
      name: 'buildkit: a stage no target needs is still checked (as `--check` does)',
    },
    { code: 'FROM alpine\nenv PATH /x:$PATH', findings: [{ line: 2, message: '"env key=value"' }], name: 'keyword named as written' },
    { code: 'FROM alpine\nENV A "b=c"', findings: [{ line: 2 }], name: 'an = in the value does not make it the new form' },
  ],
  valid: [
    { code: '\nFROM alpine\nENV APP_HOME=/srv/app\nLABEL maintainer=someone\n', name: 'buildkit: key=value' },
    'FROM alpine\nENV A=1 B=2',
    'FROM alpine\nLABEL "com.example.name"="x y"',
    'FROM alpine\nARG A\nONBUILD ENV A b',
  ],
});
