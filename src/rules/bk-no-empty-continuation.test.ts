// NoEmptyContinuation cases, with BuildKit's own check-test scenario rewritten as a `buildkit:` case.
import { noEmptyContinuation } from './bk-no-empty-continuation.js';
import { runRuleTests } from './testing.js';

runRuleTests(noEmptyContinuation, {
  invalid: [
    { code: '\nFROM alpine\n# next one has a gap\nRUN echo \\\n\n  done\nRUN echo \\\n  done\n', findings: [{ line: 6, message: 'Empty continuation line' }], name: 'buildkit: blank line inside a continuation, reported on the last line' },
    { code: 'FROM alpine\nRUN apk add \\\n   \n    curl \\\n    # a comment\n\n    git\n', findings: [{ line: 7 }], name: 'whitespace-only and blank lines, comments skipped' },
    { code: '# escape=`\nFROM alpine\nRUN echo `\n\n  done\n', findings: [{ line: 5 }], name: 'escape directive' },
  ],
  valid: [
    'FROM alpine\nRUN echo \\\n  done\n',
    'FROM alpine\nRUN echo \\\n  # comment inside\n  done\n',
    'FROM alpine\nRUN echo done\n\nRUN echo again\n',
    'FROM alpine\nRUN echo \\\\\n\nRUN true\n',
  ],
});
