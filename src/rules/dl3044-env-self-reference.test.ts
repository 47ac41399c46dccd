// DL3044 cases: every hadolint spec case plus a few of our own.
import { dl3044 } from './dl3044-env-self-reference.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3044, {
  invalid: [
    { code: 'ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"', findings: [{ line: 1, message: 'BLA' }], output: null,
      name: 'hadolint: fail with partial match 5' },
    { code: 'ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}', findings: [{ line: 1 }],
      name: 'hadolint: fail when referencing a variable on its own right side twice within the same `ENV`' },
    { code: 'ENV BLA="blubb" BLUBB="${BLA}/blubb"', findings: [{ line: 1 }], name: 'hadolint: fail with selfreferencing with curly braces ENV' },
    { code: 'ENV BLA="blubb" BLUBB="$BLA/blubb"', findings: [{ line: 1 }], name: 'hadolint: fail with selfreferencing without curly braces ENV' },
    { code: 'ENV BLA="blubb" BLUBB="$BLA"', findings: [{ line: 1 }], name: 'hadolint: fail with full match 1' },
    { code: 'ENV BLA="blubb" BLUBB="${BLA}"', findings: [{ line: 1 }], name: 'hadolint: fail with full match 2' },
    { code: 'FROM alpine\nENV APP=/app \\\n    BIN=$APP/bin', findings: [{ line: 2, message: 'APP' }], name: 'across a continuation' },
  ],
  valid: [
    { code: 'ENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"', name: 'hadolint: ok with normal ENV' },
    { code: 'ENV BLA="blubb" BLUBB="${FOOBLA}/blubb"', name: 'hadolint: ok with partial match 1' },
    { code: 'ENV BLA="blubb" BLUBB="${BLAFOO}/blubb"', name: 'hadolint: ok with partial match 2' },
    { code: 'ENV BLA="blubb" BLUBB="$FOOBLA/blubb"', name: 'hadolint: ok with partial match 3' },
    { code: 'ENV BLA="blubb" BLUBB="$BLAFOO/blubb"', name: 'hadolint: ok with partial match 4' },
    { code: 'ENV BLA="blubb" BLUBB="BLA/$BLAFOO/BLA"', name: 'hadolint: ok with parial match 6' },
    { code: 'ARG BLA\nENV BLA=${BLA}', name: 'hadolint: ok when previously defined in `ARG`' },
    { code: 'ENV BLA blubb\nENV BLA=${BLA}', name: 'hadolint: ok when previously defined in `ENV`' },
    { code: 'ENV PATH=/bla:${PATH}', name: 'hadolint: ok with referencing a variable on its own right hand side' },
    { code: 'ENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}',
      name: 'hadolint: ok with referencing a variable on its own right side twice in different `ENV`s' },
    { code: 'FROM alpine\nENV APP=/app\nENV APP=/srv BIN=$APP/bin', name: 'an earlier ENV gave it a value' },
    { code: 'FROM alpine\nONBUILD ENV A=1 B=$A', name: 'ONBUILD triggers are not checked (as hadolint)' },
  ],
});
