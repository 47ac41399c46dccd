// WH203 cases: COPY/ADD without --link where the syntax supports it.
import { runRuleTests } from './testing.js';
import { wh203 } from './wh203-copy-link-opportunity.js';

runRuleTests(wh203, {
  invalid: [
    { code: '# syntax=docker/dockerfile:1\nFROM alpine\nCOPY app /app', findings: [{ line: 3, message: 'COPY without --link' }] },
    { code: '# syntax=docker/dockerfile:1.4\nFROM alpine\nADD app.tgz /app', findings: [{ line: 3, message: 'ADD --link' }] },
    { code: '# syntax=docker/dockerfile:1.7-labs\nFROM alpine\nCOPY --link a /a\nCOPY b /b', findings: [{ line: 4 }] },
    { code: '# syntax=docker/dockerfile:labs\nFROM alpine\nCOPY --link=false a /a', findings: [{ line: 3 }], name: 'explicitly off' },
    { code: '# syntax=docker/dockerfile:1\nFROM alpine AS build\nFROM alpine\nCOPY --from=build /x /x', findings: [{ line: 4 }], name: 'multi-stage copy' },
    { code: '# syntax=docker/dockerfile:1\nFROM alpine\nONBUILD COPY . /app', findings: [{ line: 3 }], name: 'ONBUILD trigger' },
  ],
  valid: [
    'FROM alpine\nCOPY app /app',
    '# syntax=docker/dockerfile:1.3\nFROM alpine\nCOPY app /app',
    '# syntax=docker/dockerfile:1\nFROM alpine\nCOPY --link app /app',
    '# syntax=docker/dockerfile:1\nFROM alpine AS build\nFROM alpine\nCOPY --link --from=build /x /x',
  ],
});
