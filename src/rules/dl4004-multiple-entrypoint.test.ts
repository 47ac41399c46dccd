// DL4004 cases: hadolint's spec and a few of our own.
import { dl4004 } from './dl4004-multiple-entrypoint.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl4004, {
  invalid: [
    { code: 'FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n', findings: [{ line: 4, message: 'ENTRYPOINT' }], name: 'hadolint: many entrypoints' },
    { code: 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\nFROM debian as distro2\nENTRYPOINT another\n',
      findings: [{ line: 4 }], name: 'hadolint: many entrypoints, different stages' },
    { code: 'FROM debian\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]', findings: [{ line: 3 }, { line: 4 }], name: 'every repeat' },
  ],
  valid: [
    // hadolint's "no cmd" and "no entry" cases are the same file.
    { code: 'FROM busybox', name: 'hadolint: no cmd / no entry' },
    { code: 'FROM debian as distro1\nENTRYPOINT bash\nRUN foo\nFROM debian as distro2\nENTRYPOINT another\n',
      name: 'hadolint: single entrypoint, different stages' },
    { code: 'ENTRYPOINT /bin/true', name: 'hadolint: single entry' },
    { code: 'FROM debian\nENTRYPOINT ["a"]\nONBUILD ENTRYPOINT ["b"]', name: 'an ONBUILD ENTRYPOINT is for child images' },
  ],
});
