// DL3000 cases, hadolint's own spec cases included.
import { dl3000 } from './dl3000-absolute-workdir.js';
import { runRuleTests } from './testing.js';

runRuleTests(dl3000, {
  invalid: [
    { code: 'WORKDIR relative/dir', findings: [{ line: 1, message: 'absolute' }], name: 'hadolint: workdir relative' },
    { code: "WORKDIR 'relative/dir'", findings: [{ line: 1 }], name: 'hadolint: relative single quotes' },
    { code: 'WORKDIR "relative/dir"', findings: [{ line: 1 }], name: 'hadolint: relative double quotes' },
    { code: 'FROM alpine\nONBUILD WORKDIR app', findings: [{ line: 2 }], name: 'ONBUILD trigger' },
  ],
  valid: [
    'WORKDIR /usr/local',
    'WORKDIR ${work}',
    "WORKDIR '/usr/local'",
    'WORKDIR "/usr/local"',
    'WORKDIR "${dir}"',
    "WORKDIR 'C:\\'",
    'WORKDIR "C:\\"',
    'WORKDIR C:/',
    'WORKDIR "C:/"',
  ],
});
