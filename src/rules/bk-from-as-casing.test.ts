// FromAsCasing cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { fromAsCasing } from './bk-from-as-casing.js';
import { runRuleTests } from './testing.js';

runRuleTests(fromAsCasing, {
  invalid: [
    { code: '\nFROM alpine AS one\n\nFROM alpine as two\n', findings: [{ line: 4, message: "'as' and 'FROM' keywords' casing do not match" }], name: 'buildkit: upper FROM, lower as' },
    { code: '\n#\nfrom alpine AS one\n\nfrom alpine as two\n', findings: [{ line: 3, message: "'AS' and 'from' keywords' casing do not match" }], name: 'buildkit: lower from, upper AS' },
    { code: 'FROM alpine As one', findings: [{ line: 1, message: "'As'" }] },
    { code: 'FROM --platform=$BUILDPLATFORM alpine as one', findings: [{ line: 1 }] },
  ],
  valid: [
    'FROM alpine AS one',
    'from alpine as one',
    { code: 'From alpine as one\nFROM alpine AS two', name: 'buildkit: mixed-case FROM is left to ConsistentInstructionCasing' },
    'FROM alpine',
  ],
});
