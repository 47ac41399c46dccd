// DL3061 cases: hadolint's spec (its onBuild variants have no RUN to wrap, so they repeat the plain cases) and our own.
import { dl3061 } from './dl3061-instruction-order.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3061, {
  invalid: [
    { code: 'LABEL foo=bar\nFROM foo', findings: [{ line: 1, message: 'LABEL' }], name: 'hadolint: warn: label before from' },
    { code: 'ARG A\nRUN echo\nENV X=1\nFROM foo', findings: [{ line: 2 }, { line: 3 }], name: 'each instruction before FROM' },
    { code: 'ONBUILD RUN echo\nFROM foo', findings: [{ line: 1 }], name: 'ONBUILD before FROM' },
    { code: 'RUN echo', findings: [{ line: 1 }], name: 'no FROM at all' },
  ],
  valid: [
    { code: 'FROM foo\nLABEL foo=bar', name: "hadolint: don't warn: from before label" },
    { code: 'ARG A=B\nFROM foo\nLABEL foo=bar', name: "hadolint: don't warn: ARG then FROM then LABEL" },
    { code: '# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13', name: "hadolint: don't warn: pragma before FROM" },
    { code: 'FROM foo\nARG A=B\nRUN echo bla', name: "hadolint: don't warn: FROM then ARG then RUN" },
    { code: '# hadolint ignore=DL3006\n# a comment\nFROM foo', name: 'comments before FROM' },
  ],
});
