// DuplicateStageName cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { duplicateStageName } from './bk-duplicate-stage-name.js';
import { runRuleTests } from './testing.js';

runRuleTests(duplicateStageName, {
  invalid: [
    { code: '\nFROM alpine AS dup\nFROM debian AS dup\n', findings: [{ line: 3, message: 'Duplicate stage name "dup", stage names should be unique' }], name: 'buildkit: same name twice' },
    { code: 'FROM alpine AS Build\nFROM alpine AS build\nFROM alpine AS BUILD', findings: [{ line: 2, message: '"build"' }, { line: 3 }], name: 'names compare lower-cased' },
  ],
  valid: [
    { code: '\nFROM alpine AS dup1\nFROM alpine AS dup2\n', name: 'buildkit: distinct names' },
    'FROM alpine\nFROM alpine',
  ],
});
