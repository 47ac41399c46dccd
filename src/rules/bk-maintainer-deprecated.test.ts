// MaintainerDeprecated cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { maintainerDeprecated } from './bk-maintainer-deprecated.js';
import { runRuleTests } from './testing.js';

runRuleTests(maintainerDeprecated, {
  invalid: [
    { code: '\nFROM alpine\nMAINTAINER Jane Doe <jane@example.com>\n', findings: [{ line: 3, message: 'Maintainer instruction is deprecated in favor of using label' }], name: 'buildkit: MAINTAINER' },
    { code: 'FROM alpine AS a\nmaintainer x\nFROM a\nMAINTAINER y', findings: [{ line: 2 }, { line: 4 }] },
  ],
  valid: [
    { code: '\nFROM alpine\nLABEL org.opencontainers.image.authors="jane@example.com"\n', name: 'buildkit: authors label' },
    'FROM alpine\nONBUILD MAINTAINER x',
  ],
});
