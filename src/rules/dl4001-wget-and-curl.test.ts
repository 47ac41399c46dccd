// DL4001 cases: hadolint's spec (with the lines it reports) and a few of our own.
import { dl4001 } from './dl4001-wget-and-curl.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl4001, {
  invalid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\n', findings: [{ line: 3, message: 'wget and curl' }],
      name: 'hadolint: warns when using both wget and curl' },
    { code: 'FROM node as foo\nRUN wget my.xyz && curl localhost\n', findings: [{ line: 2 }], name: 'hadolint: warns when using both wget and curl in same instruction' },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl localhost\nFROM scratch\nRUN curl localhost\n', findings: [{ line: 3 }],
      name: 'hadolint: does not warns when using both, on a single stage' },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\n', findings: [{ line: 3 }],
      name: 'hadolint: only warns on the relevant RUN instruction' },
    { code: 'FROM node as foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n', findings: [{ line: 3 }, { line: 5 }],
      name: 'hadolint: only warns on many relevant RUN instructions' },
    { code: 'FROM a\nONBUILD RUN wget x\nFROM b\nONBUILD RUN curl y', findings: [{ line: 4 }], name: 'ONBUILD triggers, across stages' },
  ],
  valid: [
    { code: 'FROM node as foo\nRUN wget my.xyz\n', name: 'hadolint: does not warn when using only wget' },
    { code: 'FROM node as foo\nRUN wget my.xyz\nFROM scratch\nRUN curl localhost\n', name: 'hadolint: does not warn when using both curl and wget in different stages' },
    { code: 'FROM a\nRUN wget x\nONBUILD RUN curl y', name: 'a trigger and a RUN are weighed apart (as in hadolint)' },
  ],
});
