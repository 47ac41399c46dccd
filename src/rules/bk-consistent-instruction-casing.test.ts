// ConsistentInstructionCasing cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { consistentInstructionCasing } from './bk-consistent-instruction-casing.js';
import { runRuleTests } from './testing.js';

runRuleTests(consistentInstructionCasing, {
  invalid: [
    { code: '\n#\n#\nFrom alpine as one\nFROM alpine AS two\n', findings: [{ line: 4, message: "Command 'From' should match the case of the command majority (uppercase)" }], name: 'buildkit: mixed-case From, upper majority' },
    { code: '\nFROM alpine\n# lower one\nrun true\nRUN false\n', findings: [{ line: 4, message: "Command 'run' should match the case of the command majority (uppercase)" }], name: 'buildkit: lower run among upper (tie goes to upper)' },
    { code: '\n#\n#\nfRoM alpine as one\nfrom alpine as two\n', findings: [{ line: 4, message: '(lowercase)' }], name: 'buildkit: mixed-case fRoM, lower majority' },
    { code: '\nfrom alpine\n# upper one\nRUN true\nrun false\n', findings: [{ line: 4, message: "Command 'RUN' should match the case of the command majority (lowercase)" }], name: 'buildkit: upper RUN among lower' },
    { code: '\n#\n#\nfrom alpine\nRUN a\nRUN b\nRUN c\n', findings: [{ line: 4, message: "'from'" }], name: 'buildkit: lower from, upper majority' },
    { code: '\n#\n#\nFROM alpine\nrun a\nrun b\nrun c\n', findings: [{ line: 4, message: "'FROM'" }], name: 'buildkit: upper FROM, lower majority' },
    { code: 'FROM alpine\nRun a\nrun b\nrun c\nEnv x=1', findings: [{ line: 1 }, { line: 2 }, { line: 5 }], name: 'mixed-case keywords never count toward the majority' },
  ],
  valid: [
    { code: '\nfrom alpine\nrun a\nrun b\n', name: 'buildkit: all lower' },
    { code: '\nFROM alpine\nRUN a\nRUN b\n', name: 'buildkit: all upper' },
    { code: "\nFROM alpine\nRUN <<'EOT'\nenv\nEOT\n", name: 'buildkit: heredoc body lines are not keywords' },
    { code: 'arg v=1\nFROM alpine:$v\nRUN a', name: 'global ARGs are not counted (BuildKit lints stages only)' },
  ],
});
