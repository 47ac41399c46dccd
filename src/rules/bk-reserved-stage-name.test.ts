// ReservedStageName cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { reservedStageName } from './bk-reserved-stage-name.js';
import { runRuleTests } from './testing.js';

runRuleTests(reservedStageName, {
  invalid: [
    { code: '\nFROM alpine AS scratch\nFROM alpine AS context\n', findings: [{ line: 2, message: 'reserved stage "scratch"' }, { line: 3, message: '"context"' }], name: 'buildkit: scratch and context' },
    { code: 'FROM alpine AS Scratch', findings: [{ line: 1, message: '"scratch"' }], name: 'names are lower-cased first' },
  ],
  valid: [
    { code: '\nFROM scratch\nFROM scratch AS base\n', name: 'buildkit: scratch as a base, not a name' },
    'FROM alpine AS contexts',
  ],
});
