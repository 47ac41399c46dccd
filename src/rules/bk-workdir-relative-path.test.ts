// WorkdirRelativePath cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { workdirRelativePath } from './bk-workdir-relative-path.js';
import { runRuleTests } from './testing.js';

runRuleTests(workdirRelativePath, {
  invalid: [
    { code: '\nFROM alpine\nWORKDIR srv/\n', findings: [{ line: 3, message: 'Relative workdir "srv/" can have unexpected results if the base image changes' }], name: 'buildkit: relative WORKDIR first in the stage' },
    { code: 'FROM alpine\nWORKDIR "srv"\nWORKDIR sub', findings: [{ line: 2, message: '"srv"' }], name: 'only the first WORKDIR of a stage is judged' },
    { code: 'FROM alpine AS a\nWORKDIR /srv\nFROM alpine\nWORKDIR sub', findings: [{ line: 4 }], name: 'an unrelated stage does not pass its WORKDIR on' },
  ],
  valid: [
    { code: '\nFROM alpine AS a\nWORKDIR /srv\n\nFROM a AS b\nWORKDIR sub/\n', name: 'buildkit: absolute WORKDIR in the parent stage' },
    'FROM alpine\nWORKDIR /srv\nWORKDIR sub',
    // differs from buildkit: it expands variables (and may then warn); we cannot, so a variable counts as absolute.
    'FROM alpine\nWORKDIR $HOME/sub',
    'FROM alpine\nWORKDIR "/srv"',
    // differs from buildkit: for a Linux target it warns; we do not know the target, so a drive path counts as absolute.
    'FROM alpine\nWORKDIR C:/app',
  ],
});
