// DL3043 cases: every hadolint spec case plus nesting and case.
import { dl3043 } from './dl3043-onbuild-trigger.js';
import { runRuleTests } from './testing.js';

const allowed = [
  ['ADD', 'ONBUILD ADD anything anywhere'],
  ['USER', 'ONBUILD USER anything'],
  ['LABEL', 'ONBUILD LABEL bla="blubb"'],
  ['STOPSIGNAL', 'ONBUILD STOPSIGNAL anything'],
  ['COPY', 'ONBUILD COPY anything anywhere'],
  ['RUN', 'ONBUILD RUN anything'],
  ['CMD', 'ONBUILD CMD anything'],
  ['SHELL', 'ONBUILD SHELL anything'],
  ['WORKDIR', 'ONBUILD WORKDIR anything'],
  ['EXPOSE', 'ONBUILD EXPOSE 69'],
  ['VOLUME', 'ONBUILD VOLUME anything'],
  ['ENTRYPOINT', 'ONBUILD ENTRYPOINT anything'],
  ['ENV', 'ONBUILD ENV MYVAR="bla"'],
  ['ARG', 'ONBUILD ARG anything'],
  ['HEALTHCHECK', 'ONBUILD HEALTHCHECK NONE'],
] as const;

runRuleTests(dl3043, {
  invalid: [
    { code: 'ONBUILD ONBUILD RUN anything\n', findings: [{ line: 1, message: 'ONBUILD' }], output: null,
      name: 'hadolint: error when using `ONBUILD` within `ONBUILD`' },
    { code: 'ONBUILD FROM debian:buster\n', findings: [{ line: 1, message: 'FROM' }], name: 'hadolint: error when using `FROM` within `ONBUILD`' },
    { code: 'ONBUILD MAINTAINER "BoJack Horseman"\n', findings: [{ line: 1, message: 'MAINTAINER' }],
      name: 'hadolint: error when using `MAINTAINER` within `ONBUILD`' },
    { code: 'FROM alpine\nonbuild from debian', findings: [{ line: 2 }], name: 'lower-case keywords' },
    { code: 'FROM alpine\nONBUILD ONBUILD ONBUILD RUN x\nONBUILD RUN y', findings: [{ line: 2 }], name: 'deep nesting is one finding' },
  ],
  valid: [
    ...allowed.map(([kw, code]) => ({ code, name: `hadolint: ok with \`${kw}\`` })),
    { code: 'FROM debian:buster', name: 'hadolint: ok with `FROM` outside of `ONBUILD`' },
    { code: 'MAINTAINER "Some Guy"', name: 'hadolint: ok with `MAINTAINER` outside of `ONBUILD`' },
  ],
});
