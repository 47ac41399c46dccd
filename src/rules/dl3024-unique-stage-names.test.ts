// DL3024 cases: hadolint's spec plus case and repeated duplicates.
import { dl3024 } from './dl3024-unique-stage-names.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3024, {
  invalid: [
    { code: 'FROM node as foo\nRUN something\nFROM scratch as foo\nRUN something\n', findings: [{ line: 3, message: 'foo' }],
      output: null, name: 'hadolint: warn on duplicate aliases' },
    // disagrees with hadolint: it compares names as written; BuildKit rejects names differing only in case.
    { code: 'FROM a AS x\nFROM b AS X\nFROM c AS x', findings: [{ line: 2 }, { line: 3 }], name: 'names differing in case; each repeat' },
  ],
  valid: [
    { code: 'FROM scratch as build\nRUN foo\nFROM node as run\nRUN baz\n', name: "hadolint: don't warn on unique aliases" },
    { code: 'FROM node\nFROM node', name: 'unnamed stages' },
  ],
});
