// InvalidDefinitionDescription cases, with BuildKit's own check-test scenarios rewritten as `buildkit:` cases.
import { invalidDefinitionDescription } from './bk-invalid-definition-description.js';
import { runRuleTests } from './testing.js';

runRuleTests(invalidDefinitionDescription, {
  invalid: [
    {
      code: '# check=experimental=InvalidDefinitionDescription\n# mode the build mode\nARG version=1\n# Builder compiles the app\nFROM alpine AS builder\n# not a description\nARG channel=stable\n# not a description either\nARG a=1 b=2\n',
      findings: [
        { line: 3, message: 'Comment for ARG should follow the format: `# version <description>`' },
        { line: 5, message: 'Comment for FROM should follow the format: `# builder <description>`' },
        { line: 7, message: '`# channel <description>`' },
        { line: 9, message: '`# <arg_key> <description>`' },
      ],
      name: 'buildkit: comments that do not start with the name',
    },
    // BuildKit's docs say a blank line detaches the comment, but its parser keeps it; we follow the parser.
    { code: 'FROM alpine\n# description of something else\n\nARG mode=fast', findings: [{ line: 4 }], name: 'a blank line does not detach the comment (BuildKit keeps it)' },
  ],
  valid: [
    {
      code: '# check=skip=all;experimental=InvalidDefinitionDescription\n# version the version\nARG version=1\n\n# builder compiles the app\nFROM alpine AS builder\n\n# channel release channel\nARG channel=stable\n\n# b one of three\nARG a=1 b=2 c=3\n#\nARG d=4\n\n# a comment above something else\nCOPY . .\n',
      name: 'buildkit: descriptions that start with the name, a bare # between, other instructions',
    },
    'FROM alpine\nARG a=1',
    '# a stage without a name\nFROM alpine',
  ],
});
